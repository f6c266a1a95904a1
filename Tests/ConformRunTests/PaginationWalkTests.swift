import ConformCore
import Testing
@testable import ConformRun

/// Walks against an in-memory API of `count` items served `limit` per page.
@Suite struct PaginationWalkTests {
    static func api(count: Int, duplicate: Bool = false, lyingTotal: Int? = nil) -> InMemoryTransport {
        InMemoryTransport { request in
            let query = PaginationWalk.query(of: request.url)
            let page = query.first { $0.0 == "page" }?.1.numberValue?.int64Value.map(Int.init) ?? 1
            let limit = query.first { $0.0 == "limit" }?.1.numberValue?.int64Value.map(Int.init) ?? 2
            let start = (page - 1) * limit
            var ids = Array(start..<max(start, min(count, start + limit)))
            if duplicate, page == 2, !ids.isEmpty { ids[0] = 0 }
            let items = ids.map { #"{"id": "m\#($0)"}"# }.joined(separator: ",")
            return RunnerFixture.json(200, #"{"items": [\#(items)], "total": \#(lyingTotal ?? count), "has_more": \#(start + limit < count)}"#)
        }
    }

    static func walk(rules: [Walk.Rule], maxPages: Int = 100, hasMore: Bool = false) throws -> Walk {
        Walk(id: "walk", name: "walks every page", operation: "list", style: .page, pageParam: "page", sizeParam: "limit", size: 2,
             items: try Expression.parse("items"), total: try Expression.parse("total"),
             hasMore: hasMore ? try Expression.parse("has_more") : nil, maxPages: maxPages, rules: rules,
             pageInvariants: [Invariant(expression: try Expression.parse("len(items) <= 2"), pointer: .root)], pointer: JSONPointer("/walks/0")!)
    }

    @Test func consistentListPassesEveryRule() async throws {
        let t = Self.api(count: 5)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: Walk.Rule.allCases.filter { $0 != .linksConsistent }, hasMore: true)]), transport: t)
        let c = try #require(run.suites.first?.cases.first)
        #expect(c.checks.allSatisfy { $0.status == .passed }, "\(c.checks.filter { $0.status != .passed })")
        #expect(t.requests.count == 4)  // three pages and the page past the end
        #expect(c.name == "GET /v1/models › walks every page")
        #expect(c.extraRequests.count == 3)
    }

    @Test func duplicateAcrossPagesAndWrongTotalFail() async throws {
        let t = Self.api(count: 5, duplicate: true, lyingTotal: 6)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: [.noDuplicateIds, .unionEqualsTotal])]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(checks.first { $0.check == "walk.noDuplicateIds" }?.status == .failed)
        #expect(checks.first { $0.check == "walk.unionEqualsTotal" }?.status == .failed)
    }

    @Test func pageInvariantFailsOnThePageThatBreaksIt() async throws {
        var walk = try Self.walk(rules: [.noDuplicateIds])
        walk.pageInvariants = [Invariant(expression: try Expression.parse("page == 1 || len(items) < 2"), pointer: .root)]
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [walk]), transport: Self.api(count: 5))
        let check = try #require(run.suites.first?.cases.first?.checks.first { $0.check == "walk.pageInvariant" })
        #expect(check.status == .failed)
        #expect(check.findings.count == 1)
        #expect(check.findings.first?.detail.hasPrefix("page 2: ") == true)
    }

    /// A finding on page 3 is reproduced by page 3's request (the case's curl line is page 1's), in every report —
    /// a per-page check's, a page invariant's, and a rule's over the whole walk that names the page.
    @Test func aFindingOnALaterPageCarriesThatPagesCurlLine() async throws {
        let t = InMemoryTransport { request in
            let page = PaginationWalk.query(of: request.url).first { $0.0 == "page" }?.1.numberValue?.int64Value ?? 1
            let total = page == 3 ? "" : #", "total": 5"#  // page 3 leaves out the required total
            let ids = page <= 3 ? "{\"id\": \"a\(page)\"}, {\"id\": \"b\(page)\"}" : ""
            return RunnerFixture.json(200, #"{"items": [\#(ids)]\#(total)}"#)
        }
        var walk = try Self.walk(rules: [.noDuplicateIds, .stableTotal])
        walk.pageInvariants = [Invariant(expression: try Expression.parse("page != 2"), pointer: .root)]
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [walk]), transport: t)
        let c = try #require(run.suites.first?.cases.first)
        // A rule over the whole walk reproduces with the page it names.
        let stable = try #require(c.checks.first { $0.check == "walk.stableTotal" }?.findings.first)
        #expect(stable.detail == "page 3 reports no total; page 1 reported integer 5")
        #expect(stable.curl?.contains("page=3&limit=2") == true)
        #expect(c.curl?.contains("page=1&limit=2") == true)
        let invariant = try #require(c.checks.first { $0.check == "walk.pageInvariant" }?.findings.first)
        #expect(invariant.detail.hasPrefix("page 2: "))
        #expect(invariant.curl?.contains("page=2&limit=2") == true, "\(invariant.curl ?? "no curl")")
        let schema = try #require(c.checks.first { $0.check == CheckKind.schema.id })
        #expect(schema.status == .failed)
        let total = try #require(schema.findings.first)
        #expect(total.detail.hasPrefix("page 3: "))
        #expect(total.curl?.contains("page=3&limit=2") == true)
        #expect(total.curl?.contains(RunnerFixture.secret) == false && total.curl?.contains("$FIXTURE_API_KEY") == true)
    }

    /// An API whose pages say nothing of the total and always claim more.
    static func endlessWithoutTotal() -> InMemoryTransport {
        InMemoryTransport { request in
            let page = PaginationWalk.query(of: request.url).first { $0.0 == "page" }?.1.numberValue?.int64Value ?? 1
            return RunnerFixture.json(200, #"{"items": [{"id": "a\#(page)"}, {"id": "b\#(page)"}], "has_more": true}"#)
        }
    }

    static func walkWithoutTotal(maxPages: Int) throws -> Walk {
        var walk = try Self.walk(rules: [.noDuplicateIds, .hasMoreConsistent], maxPages: maxPages, hasMore: true)
        walk.total = nil
        return walk
    }

    /// Reaching `maxPages` when no page reports a total is the budget running out, not the target's fault: the
    /// whole-list rules are skipped with the reason, nothing is an error, and the catalog is incomplete.
    @Test func spendingMaxPagesSkipsTheWholeListRules() async throws {
        let t = Self.endlessWithoutTotal()
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walkWithoutTotal(maxPages: 3)]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        let budget = try #require(checks.first { $0.check == "walk.maxPages" })
        #expect(budget.status == .skipped)
        #expect(budget.skipReason?.contains("request budget reached: 3 requests (maxPages 3)") == true, "\(budget.skipReason ?? "")")
        #expect(checks.first { $0.check == "walk.hasMoreConsistent" }?.skipReason?.contains("request budget reached") == true)
        // (The fixture's schema wants a total these pages lack: only the walk's own checks matter here.)
        let bad = checks.filter { $0.check.hasPrefix("walk.") && ($0.status == .error || $0.status == .failed) }.map { "\($0.check): \($0.findings.map(\.detail))" }
        #expect(bad.isEmpty, "\(bad)")
        #expect(t.requests.count == 3)
        let catalog = try #require(run.suites.first?.catalogs.first)
        #expect(catalog.status == .incomplete && catalog.requests == 3 && catalog.items.count == 6)
        #expect(catalog.reason?.contains("request budget reached") == true)
    }

    /// A total reported by the pages raises the budget past `maxPages`: a catalog that grows is walked whole.
    @Test func aReportedTotalRaisesTheBudget() async throws {
        let t = Self.api(count: 50)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: [.unionEqualsTotal, .noDuplicateIds], maxPages: 3)]), transport: t)
        let c = try #require(run.suites.first?.cases.first)
        #expect(c.checks.allSatisfy { $0.status == .passed }, "\(c.checks.filter { $0.status != .passed })")
        #expect(!c.checks.contains { $0.check == "walk.maxPages" })
        #expect(t.requests.count == 26)  // 25 full pages, then the empty page that ends the list
        #expect(run.suites.first?.catalogs.first?.items.count == 50)
        #expect(c.extraRequests.count == 25)
        #expect(run.suites.first?.catalogs.first?.requests == 26)
    }

    /// `--max-requests` caps every walk, announced total or not, and says what the list announced.
    @Test func maxRequestsCapsAWalkAndSaysWhatWasLeft() async throws {
        let t = Self.api(count: 50)
        var options = RunOptions()
        options.maxRequestsPerWalk = 4
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: [.unionEqualsTotal], maxPages: 3)]), transport: t, options: options)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        let budget = try #require(checks.first { $0.check == "walk.maxPages" })
        #expect(budget.status == .skipped)
        #expect(budget.skipReason?.contains("(--max-requests 4) of the 25 pages (50 items) the list announced") == true, "\(budget.skipReason ?? "")")
        #expect(checks.first { $0.check == "walk.unionEqualsTotal" }?.status == .skipped)
        #expect(t.requests.count == 4)
    }

    /// A list that goes on past the total it reported is the target's fault.
    @Test func aListPastItsReportedTotalFails() async throws {
        let t = InMemoryTransport { request in
            let page = PaginationWalk.query(of: request.url).first { $0.0 == "page" }?.1.numberValue?.int64Value ?? 1
            return RunnerFixture.json(200, #"{"items": [{"id": "a\#(page)"}, {"id": "b\#(page)"}], "total": 4}"#)
        }
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: [.fullPages])]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        let ends = try #require(checks.first { $0.check == "walk.maxPages" })
        #expect(ends.status == .failed)
        #expect(ends.findings.first?.title == "the list goes on past its announced total")
        #expect(t.requests.count == 3)  // the two announced pages and the one past them
    }

    @Test func crossCheckFetchesEachListedId() async throws {
        let t = InMemoryTransport { request in
            if request.url.hasSuffix("/v1/models?limit=2") { return RunnerFixture.json(200, #"{"items": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "total": 2}"#) }
            if request.url.hasSuffix("/a") { return RunnerFixture.json(200, #"{"id": "a", "name": "A"}"#) }
            return RunnerFixture.json(200, #"{"id": "b", "name": "not B"}"#)
        }
        let cross = CrossCheck(id: "x", name: "each model can be fetched", listOperation: "list", listQuery: [("limit", 2)],
                               items: try Expression.parse("items"), fetchOperation: "get", pathParam: "id", agree: ["id", "name"],
                               pointer: JSONPointer("/crossChecks/0")!)
        let run = await RunnerFixture.run(try RunnerFixture.suite(crossChecks: [cross]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(checks.first { $0.check == "cross.fetch" }?.status == .passed)
        let agree = checks.first { $0.check == "cross.agree" }
        #expect(agree?.status == .failed)
        #expect(agree?.findings.first?.pointer == "/items/1/name")
        #expect(t.requests.count == 3)
    }
}
