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

    @Test func hittingMaxPagesIsAnError() async throws {
        let t = Self.api(count: 50)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [try Self.walk(rules: [.unionEqualsTotal], maxPages: 3)]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(checks.first { $0.check == "walk.maxPages" }?.status == .error)
        #expect(checks.first { $0.check == "walk.unionEqualsTotal" }?.status == .skipped)  // reported once, by walk.maxPages
        #expect(t.requests.count == 3)
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
