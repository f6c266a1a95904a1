import ConformCore
import Foundation
import Testing
@testable import ConformReport

/// The compatibility matrix from purpose-built per-target results: alignment by sharedId, cell states,
/// classes, scores, interop, "not measured", exit codes, and the Markdown, HTML, JSON and JUnit renderings.
@Suite struct CompatMatrixTests {
    typealias F = RunDiffTests

    static func target(_ name: String, _ cases: [CaseResult]) -> TargetRun {
        TargetRun(target: Target(name: name, baseURL: "http://\(name)", labels: [Target.Label(name: "vendor", value: "<b>\(name)</b>")]),
                  result: F.run(cases, target: name))
    }

    /// A case whose status is 404 (HTML) and whose later checks are skipped.
    static func missingPath(_ name: String) -> CaseResult {
        var c = F.listCase(target: name)
        c.checks[0] = F.check("list", "status", status: .failed, findings: [
            Finding(check: "status", title: "status code", detail: "expected 200, got 404", expected: "200", actual: "integer 404"),
        ], target: name)
        c.checks[1].status = .skipped
        c.checks[1].skipReason = "status 404 is not 200"
        c.response = RecordedResponse(status: 404, headers: [Header("Content-Type", "text/html")], bodySize: 9, bodyExcerpt: "not found")
        return c
    }

    static func nullFinding(_ i: Int) -> Finding {
        Finding(check: "schema.type", title: "type", detail: "expected object, got null", pointer: "/models/\(i)/meta",
                rulePointer: "/definitions/Model/properties/meta/type", expected: "object", actual: "null")
    }

    static func runs() -> [TargetRun] {
        var nulls = F.listCase(target: "nulls")
        nulls.checks[1] = F.check("list", status: .failed, findings: (0..<3).map(nullFinding), target: "nulls")
        return [Self.target("good", [F.listCase(target: "good")]),
                Self.target("missing", [F.listCase(missing: ["digest"], target: "missing")]),
                Self.target("nulls", [nulls]),
                Self.target("no-route", [Self.missingPath("no-route")]),
                Self.target("down", [F.unreachable()])]
    }

    @Test func rowsAlignAcrossTargetsAndCellsAreClassified() throws {
        let m = CompatMatrix(Self.runs())
        #expect(m.columns.map(\.name) == ["good", "missing", "nulls", "no-route", "down"])
        #expect(m.rows.count == 2, "the transport check of the unreachable target is not a rule: \(m.rows.map(\.checkName))")
        let schema = try #require(m.rows.first { $0.check == "schema" })
        #expect(schema.cells.map(\.state) == [.pass, .fail, .fail, .notImplemented, .absent])
        #expect(schema.cells[1].classes == [.memberMissing])
        #expect(schema.cells[2].classes == [.nullNotAllowed])
        #expect(schema.cells[2].extent == "in 3 items")
        #expect(schema.cells[2].evidence?.pointer == "/models/0/meta")
        #expect(schema.cells[3].reason == "the operation answered an HTML page (status 404)" || schema.cells[3].reason?.contains("404") == true)
    }

    @Test func scoresInteropAndNotMeasured() {
        let m = CompatMatrix(Self.runs())
        let scores = Dictionary(uniqueKeysWithValues: m.columns.map { ($0.name, $0.score) })
        #expect(scores["good"]?.text == "100.0 % (2 of 2)")
        #expect(scores["missing"]?.text == "50.0 % (1 of 2)")
        #expect(scores["no-route"]?.passed == 0 && scores["no-route"]?.notImplemented == 2)
        #expect(scores["down"]?.measured == false && scores["down"]?.text == "not measured")
        #expect(m.measuredColumns.count == 4)
        #expect(m.interop == 0, "no-route fails the status row")
        #expect(m.distribution == [0, 1, 0, 1, 0], "status passes on 3 of 4 measured, schema on 1")
        #expect(m.exitCode == 1)
    }

    @Test func exitCodeIs3WhenATargetIsNotMeasuredAndNoneFailed() {
        let m = CompatMatrix([Self.target("good", [F.listCase(target: "good")]), Self.target("down", [F.unreachable()])])
        #expect(m.exitCode == 3)
        #expect(m.interop == 2)
        #expect(CompatMatrix([Self.target("good", [F.listCase(target: "good")])]).exitCode == 0)
    }

    @Test func jsonMatchesItsPublishedSchema() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reports/compat.schema.json").path
        let data = try #require(FileManager.default.contents(atPath: path))
        let validator = SchemaValidator(document: try JSONParser.parse(Array(data)), uri: "https://conform.invalid/reports/compat.schema.json")
        try validator.compile()
        let value = try JSONParser.parse(CompatJSON.render(CompatMatrix(Self.runs())))
        let errors = validator.validate(value)
        #expect(errors.isEmpty, "\(errors.prefix(5).map { "\($0.instancePointer): \($0.detail)" })")
        #expect(try SchemaDescriptions.undescribed(inSchemaAt: path).isEmpty)
        let targets = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("suites/targets.schema.json").path
        #expect(try SchemaDescriptions.undescribed(inSchemaAt: targets).isEmpty)
    }

    @Test func markdownStaysUnderItsCeilingAndEscapesServerText() {
        var many: [TargetRun] = []
        for t in 0..<12 {
            let cases = (0..<150).map { i -> CaseResult in
                var c = F.listCase("case-\(i)", missing: ["m|<script>\(i)"], target: "t\(t)")
                c.curl = String(repeating: "x", count: 400)
                return c
            }
            many.append(Self.target("t\(t)", cases))
        }
        let text = CompatMarkdown.render(CompatMatrix(many))
        #expect(text.count < 60_000)
        #expect(text.contains("more differing rules not shown") || text.contains("more failures on"))
        #expect(!text.contains("<script>"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        var evil = F.listCase(missing: ["<img src=x onerror=alert(1)>"], target: "evil")
        evil.curl = "curl '</pre><script>alert(1)</script>'"
        let html = CompatHTML.render(CompatMatrix([Self.target("good", [F.listCase(target: "good")]), Self.target("evil", [evil])]))
        #expect(!html.contains("<img") && !html.contains("<script>alert") && !html.contains("<b>good"))
        #expect(!html.contains("<link") && !html.contains("src=\"") && !html.contains("url("), "no external resource")
        #expect(html.contains("title=\"evil: member missing in 1 item\""))
        #expect(html.contains("position: sticky"))
    }

    @Test func junitHasOneTestsuitePerSuiteAndTarget() {
        let xml = JUnitReport.render(Self.runs())
        for name in ["good", "missing", "nulls", "no-route", "down"] { #expect(xml.contains("<testsuite name=\"s @ \(name)\"")) }
        #expect(xml.contains("classname=\"s@missing.list\""))
    }
}
