import ConformCore
import Testing
@testable import ConformReport

/// Reports of a check that kept only its first findings (`FindingLimit`): every one says the true count, and
/// the JSON report's size does not grow with the number of instances.
@Suite struct BoundedFindingsReportTests {
    static let schema = #"{"type": "array", "items": {"type": "object", "properties": {"object": {"const": "model"}, "created": {"type": "integer"}}}}"#

    /// A run of one case whose body has `n` items, each breaking two rules.
    static func run(items n: Int) throws -> RunResult {
        let validator = SchemaValidator(document: try JSONParser.parse(schema), uri: "file:///suite.json")
        let body = JSONValue.array((0..<n).map { i in
            .object(JSONObject([("object", .string("Model")), ("created", .string("\(i)"))]))
        })
        let check = SchemaCheck.evaluate(body, schemaAt: .root, validator: validator, file: nil)
        let c = CaseResult(id: "list.default", operation: "list", name: "GET /models › lists models", checks: [check])
        let suite = SuiteResult(suite: "bounded", title: "Bounded", file: "suite.json", baseURL: "http://127.0.0.1:1", cases: [c])
        return RunResult(version: "0", startedAt: "2026-11-30T00:00:00Z", durationSeconds: 1, suites: [suite])
    }

    @Test func theJSONReportListsTheFirstInstancesAndCountsTheRest() throws {
        let json = try JSONParser.parse(JSONReport.render(try Self.run(items: 10_000)))
        let check = try #require(json["suites"]?[0]?["cases"]?[0]?["checks"]?[0])
        #expect(check["findings"]?.arrayValue?.count == 40)
        let omitted = try #require(check["omitted"]?.arrayValue)
        #expect(omitted.map { $0["pointer"]?.stringValue } == ["/*/object", "/*/created"])
        #expect(omitted.map { $0["count"]?.numberValue?.int64Value } == [9_980, 9_980])
        #expect(check["unlisted"] == nil)
    }

    @Test func theJSONReportsSizeDoesNotFollowTheInstances() throws {
        let small = JSONReport.render(try Self.run(items: 1_000)).utf8.count
        let large = JSONReport.render(try Self.run(items: 100_000)).utf8.count
        // Only the digits of the two counts differ (980 → 99980).
        #expect(large - small == 4)
        #expect(large < 40_000)
    }

    @Test func theCountsSurviveReadingTheResultsBack() throws {
        let run = try Self.run(items: 500)
        let back = try JSONReport.decode(JSONReport.render(run))
        let check = back.suites[0].cases[0].checks[0]
        #expect(check.omitted == run.suites[0].cases[0].checks[0].omitted)
        #expect(check.findingCount == 1_000)
    }

    @Test func theResultsSchemaDocumentsTheCounts() throws {
        let schemaText = try String(contentsOfFile: ResultsSchemaTests.schemaPath, encoding: .utf8)
        let v = SchemaValidator(document: try JSONParser.parse(schemaText), uri: "https://conform.invalid/reports/results.schema.json")
        var run = try Self.run(items: 300)
        run.suites[0].cases[0].checks[0].unlisted = 7
        let errors = v.validate(try JSONParser.parse(JSONReport.render(run)))
        #expect(errors.isEmpty, "\(errors.prefix(3).map(\.description))")
    }

    @Test func junitAndMarkdownSayTheTrueCount() throws {
        let run = try Self.run(items: 20_000)
        let xml = JUnitReport.render(run)
        #expect(xml.contains("(40,000 findings)"))
        #expect(xml.contains("/*/created: type in 20,000 items; first at /0/created"))
        #expect(xml.contains("… and 19,980 more at /*/created"))
        #expect(xml.components(separatedBy: "also at:").count == 3)
        let md = MarkdownReport.render(run)
        #expect(md.contains("| in 20,000 items |"))
        let html = RunHTML.render(run)
        #expect(html.contains("… and 19,980 more at <code>/*/object</code>"))
    }

    @Test func everyReportSaysHowManyInstancesWereNotToldApart() throws {
        var run = try Self.run(items: 30)
        run.suites[0].cases[0].checks[0].unlisted = 1_234
        let note = "… and 1,234 more findings of further problems, counted but not told apart (over 200 problems in one check)"
        #expect(JUnitReport.render(run).contains(note))
        #expect(MarkdownReport.render(run).contains("**" + note + "**"))
        #expect(RunHTML.render(run).contains("<p>" + note + "</p>"))
    }
}
