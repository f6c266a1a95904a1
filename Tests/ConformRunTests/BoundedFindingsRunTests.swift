import ConformCore
import Testing
@testable import ConformRun

/// A run over a body that breaks rules in thousands of items keeps each check's findings under the
/// `FindingLimit`, with ids, and counts the rest exactly; a walk's pages merge their counts.
@Suite struct BoundedFindingsRunTests {
    static let suiteText = """
    { "suite": "bounded", "title": "B", "source": "test", "baseUrl": "http://127.0.0.1:1",
      "operations": [ { "id": "list", "method": "GET", "path": "/models",
        "responses": { "200": { "schema": { "type": "object", "properties": { "data": { "type": "array", "items": {
          "type": "object", "properties": { "object": { "const": "model" }, "created": { "type": "integer" } } } } } } } } } ],
      "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
    """

    @Test func aRunKeepsEachProblemsFirstFindingsWithIdsAndCountsTheRest() async throws {
        let suite = try SuiteLoader.load(source: SourceFile(path: "bounded.json", text: Self.suiteText))
        let items = (0..<5_000).map { #"{"object":"Model","created":"\#($0)"}"# }
        let body = #"{"data":["# + items.joined(separator: ",") + "]}"
        let run = await RunnerFixture.run(suite, transport: InMemoryTransport(outcomes: [RunnerFixture.json(200, body)]), environment: [:])
        let schema = try #require(run.suites.first?.cases.first?.checks.first { $0.check == CheckKind.schema.id })
        #expect(schema.status == .failed)
        #expect(schema.findings.count == 40)
        #expect(schema.findingCount == 10_000)
        #expect(schema.omitted.map(\.pointer) == ["/data/*/object", "/data/*/created"])
        #expect(schema.omitted.map(\.count) == [4_980, 4_980])
        let ids = Set(schema.findings.compactMap(\.id))
        #expect(ids.count == 2)
        #expect(schema.omitted.allSatisfy { $0.id.map(ids.contains) == true && $0.sharedId != nil })
    }

    @Test func aWalksPagesMergeUnderTheLimitAndAddTheirCounts() {
        func page() -> CheckResult {
            let findings = (0..<30).map { i in
                Finding(check: "schema.type", title: "type", detail: "d", pointer: "/items/\(i)/created", rulePointer: "/definitions/M/type")
            }
            return CheckResult.from(name: "body matches schema", check: "schema", findings: findings)
        }
        var merger = PageCheckMerger()
        for n in 1...100 { merger.add("page \(n)", [page()]) }
        let merged = merger.checks
        #expect(merged.count == 1)
        #expect(merged[0].findings.count == 20)
        #expect(merged[0].findings.allSatisfy { $0.detail.hasPrefix("page 1: ") })
        #expect(merged[0].findingCount == 3_000)
        #expect(merged[0].omitted.map(\.count) == [2_980])
    }
}
