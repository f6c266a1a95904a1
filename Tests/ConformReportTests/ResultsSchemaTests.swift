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
