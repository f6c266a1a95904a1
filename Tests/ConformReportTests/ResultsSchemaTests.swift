import ConformCore
import Foundation
import Testing
@testable import ConformReport

/// The rendered results file against its documentation, `reports/results.schema.json`.
@Suite struct ResultsSchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reports/results.schema.json").path

    private func validator() throws -> SchemaValidator {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath), "missing \(Self.schemaPath)")
        let document = try JSONParser.parse(Array(data))
        let validator = SchemaValidator(document: document, uri: "https://conform.invalid/reports/results.schema.json")
        try validator.compile()
        return validator
    }

    @Test func renderedResultsMatchTheDocumentedSchema() throws {
        let v = try validator()
        for run in [SampleRun.run, RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: [])] {
            let errors = v.validate(try JSONParser.parse(JSONReport.render(run)))
            #expect(errors.isEmpty, "\(errors.prefix(5).map { "\($0.instancePointer): \($0.title) \($0.detail)" })")
        }
    }

    /// A finding about a later page of a walk carries that page's curl line: written only then, documented, read back.
    @Test func aFindingsOwnCurlLineIsWrittenValidAndReadBack() throws {
        var run = SampleRun.run
        run.suites[0].cases[0].checks[1].findings[0].curl = "curl -sS -X GET 'http://127.0.0.1:8080/v5/models?page=3' -H \"x-api-key: $SGP_API_KEY\""
        let text = JSONReport.render(run)
        #expect(text.components(separatedBy: "\"curl\": \"curl -sS -X GET 'http://127.0.0.1:8080/v5/models?page=3'").count == 2)
        let errors = try validator().validate(try JSONParser.parse(text))
        #expect(errors.isEmpty, "\(errors.prefix(5).map { "\($0.instancePointer): \($0.title) \($0.detail)" })")
        #expect(try JSONReport.decode(text) == run)
    }

    @Test func theSchemaRejectsAFindingWithoutItsId() throws {
        let v = try validator()
        let id = try #require(SampleRun.run.suites[0].cases[0].checks[1].findings[0].id)
        let text = JSONReport.render(SampleRun.run).replacingOccurrences(of: "\"id\": \"\(id)\"", with: "\"idd\": \"\(id)\"")
        let errors = v.validate(try JSONParser.parse(text))
        #expect(errors.contains { $0.instancePointer.description.hasPrefix("/suites/0/cases/0/checks/1/findings/0") })
    }

    @Test func everyPropertyIsDescribed() throws {
        let missing = try SchemaDescriptions.undescribed(inSchemaAt: Self.schemaPath)
        #expect(missing.isEmpty, "properties without a description: \(missing)")
    }
}
