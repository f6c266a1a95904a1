import Foundation
import Testing
@testable import ConformCore

/// The whole format is accepted and read into the model as documented in suites/README.md
/// (fixture `Fixtures/suites-good/every-feature.json` uses each construct once).
@Suite struct SuiteFormatTests {
    static func everyFeature() throws -> ConformCore.Suite {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/suites-good/every-feature.json")
        do { return try SuiteLoader.load(path: url.path) } catch {
            Issue.record("every-feature.json does not load:\n\(error.rendered)")
            throw error
        }
    }

    @Test func topLevelAuthAndOperations() throws {
        let suite = try Self.everyFeature()
        #expect(suite.baseURL == "https://api.example.com/api")
        #expect(suite.basePath == "/api")
        #expect(suite.auth?.placement == .bearer)
        #expect(suite.auth?.optional == true)
        #expect(suite.auth?.rejection?.operation == "list")
        #expect(suite.auth?.rejection?.schemaPointer?.description == "/auth/rejection/schema")
        let list = try #require(suite.operation("list"))
        #expect(list.parameters.map(\.name) == ["page", "per_page", "cursor", "order_by", "usecases", "x-trace"])
        #expect(list.parameter("usecases")?.arrayStyle == .comma)
        #expect(list.parameter("cursor")?.probe == false)
        #expect(list.parameter("x-trace")?.location == .header)
        #expect(list.probeQuery.map(\.0) == ["per_page"])
        #expect(list.responses.map(\.status) == [200, 422])
        #expect(list.response(for: 200)?.invariants.map(\.name) == ["meta.total >= len(models)",
            "meta.pages == ceil(meta.total / (request.query.per_page ?? 20))", "sorted by name"])
        let get = try #require(suite.operation("get"))
        #expect(get.parameter("uuid")?.required == true)
        #expect(get.probePath.map(\.1) == ["probe-model"])
    }

    @Test func casesKeepValueTypesAndExpectations() throws {
        let suite = try Self.everyFeature()
        #expect(suite.cases.map(\.id) == ["list.sorted", "list.bad-page", "get.one"])
        let sorted = suite.cases[0]
        #expect(sorted.query.map(\.1) == ["name", ["agent", "chatbot"], 10])
        #expect(sorted.headers.map(\.0) == ["x-trace"])
        #expect(sorted.expect.statuses == [200])
        let badPage = suite.cases[1]
        #expect(badPage.name == "list.bad-page")
        #expect(badPage.expect.schemaPointer?.description == "/cases/1/expect/schema")
        #expect(badPage.expect.responseInvariants == false)
        let getOne = suite.cases[2]
        #expect(getOne.auth == .wrong)
        #expect(getOne.pathParams.map(\.0) == ["uuid"])
        #expect(getOne.expect.validateSchema == false)
        #expect(getOne.expect.statuses == [401, 403])
    }

    @Test func walksOfEveryStyle() throws {
        let walks = try Self.everyFeature().walks
        #expect(walks.map(\.style) == [.page, .page, .cursor, .link])
        let pages = walks[0]
        #expect(pages.pageParam == "page" && pages.sizeParam == "per_page" && pages.size == 5 && pages.maxPages == 50)
        #expect(pages.total?.source == "meta.total")
        #expect(pages.next?.source == "links.pages.next" && pages.previous?.source == "links.pages.previous")
        #expect(pages.rules == [.noDuplicateIds, .unionEqualsTotal, .stableTotal, .fullPages, .pastEndEmpty, .linksConsistent])
        #expect(pages.pageInvariants.map(\.name) == ["meta.page == page"])
        #expect(walks[1].sizeParam == nil && walks[1].size == 30 && walks[1].maxPages == Walk.defaultMaxPages)
        #expect(walks[2].cursorParam == "cursor" && walks[2].cursor?.source == "next_cursor" && walks[2].hasMore?.source == "has_more")
        #expect(walks[3].items.source == "models" && walks[3].itemId == "uuid")
    }

    @Test func crossCheck() throws {
        let check = try #require(try Self.everyFeature().crossChecks.first)
        #expect(check.listOperation == "list" && check.fetchOperation == "get" && check.pathParam == "uuid")
        #expect(check.agree == ["uuid", "name"] && check.max == 10)
        #expect(check.listQuery.map(\.1) == [10])
    }

    @Test func planOfEveryFeature() throws {
        let plan = SuitePlan(suite: try Self.everyFeature())
        #expect(plan.cases.map(\.id) == [
            "list.sorted", "list.bad-page", "get.one",
            "list.page.minimum", "list.page.below-minimum", "list.page.not-integer",
            "list.per_page.minimum", "list.per_page.below-minimum", "list.per_page.maximum", "list.per_page.above-maximum",
            "list.per_page.not-integer",
            "list.order_by.enum-first", "list.order_by.unknown-value",
            "list.usecases.enum-first", "list.usecases.unknown-value",
            "auth.missing", "auth.wrong",
        ])
        let perPageMax = try #require(plan.cases.first { $0.id == "list.per_page.maximum" })
        #expect(perPageMax.query.map(\.0) == ["per_page"], "the probed value replaces the probeQuery one")
        #expect(perPageMax.query.map(\.1) == [200])
        let page = try #require(plan.cases.first { $0.id == "list.page.minimum" })
        #expect(page.query.map(\.0) == ["per_page", "page"])
        #expect(page.name == "list: accepts page at its minimum (1)")
        #expect(plan.walks.count == 4 && plan.crossChecks.count == 1)
    }

    @Test func walkVariableIsABodyFieldElsewhere() {
        let op = SuiteFixtures.listOperation(parameters: "").replacingOccurrences(of: #""total >= len(items)""#, with: #""page >= 1""#)
        guard case .failure(let failure) = SuiteFixtures.load(SuiteFixtures.suite(operation: op)) else {
            Issue.record("a response invariant read an unknown body field \"page\" and loaded")
            return
        }
        #expect(failure.errors.map(\.message) == [#"invariant reads body field "page", which no schema of response 200 mentions"#])
    }

    @Test func caseAuthModeNeedsSuiteAuth() {
        let extra = #", "cases": [ { "id": "c", "operation": "list", "auth": "none", "expect": { "status": 401 } } ]"#
        guard case .failure(let failure) = SuiteFixtures.load(SuiteFixtures.suite(operation: SuiteFixtures.listOperation(parameters: ""), extra: extra)) else {
            Issue.record("a case without credential loaded in a suite without auth")
            return
        }
        #expect(failure.errors.map(\.message) == [#"case "auth": "none" needs the suite's "auth" (which credential to leave out or fake)"#])
    }
}
