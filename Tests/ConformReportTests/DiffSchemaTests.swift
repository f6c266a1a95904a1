import ConformCore
import Foundation
import Testing
@testable import ConformReport

/// `conform diff --json` against its documentation, `reports/diff.schema.json`.
@Suite struct DiffSchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("reports/diff.schema.json").path

    private func validator() throws -> SchemaValidator {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath), "missing \(Self.schemaPath)")
        let validator = SchemaValidator(document: try JSONParser.parse(Array(data)), uri: "https://conform.invalid/reports/diff.schema.json")
        try validator.compile()
        return validator
    }

    /// A diff with every kind of entry and a catalog comparison.
    static func rendered() -> String {
        let before = RunDiffTests.run([RunDiffTests.listCase(missing: ["digest", "kept"], extraCheck: true), RunDiffTests.listCase("down")])
        let after = RunDiffTests.run([RunDiffTests.listCase(missing: ["size", "kept"]), RunDiffTests.unreachable("down"),
                                      RunDiffTests.listCase("new-case", missing: ["id"])])
        let diff = RunDiff(before: before, after: after)
        return DiffJSON.render(diff, before: .init(path: "a.json", startedAt: before.startedAt), after: .init(path: "b.json", startedAt: after.startedAt),
                               failOn: "new", exitCode: 1, extra: [("catalog", CatalogDiff.compare(before: before, after: after).jsonValue)])
    }

    @Test func renderedDiffMatchesTheDocumentedSchema() throws {
        let value = try JSONParser.parse(Self.rendered())
        let kinds = Set(value["entries"]?.arrayValue?.compactMap { $0["change"]?.stringValue } ?? [])
        #expect(kinds.isSuperset(of: ["new", "fixed", "still-failing", "check-added", "check-removed", "became-error"]), "\(kinds)")
        let errors = try validator().validate(value)
        #expect(errors.isEmpty, "\(errors.prefix(5).map { "\($0.instancePointer): \($0.title) \($0.detail)" })")
    }

    @Test func theSchemaRejectsAnUnknownChange() throws {
        let text = Self.rendered().replacingOccurrences(of: "\"change\": \"fixed\"", with: "\"change\": \"mended\"")
        #expect(!(try validator().validate(try JSONParser.parse(text))).isEmpty)
    }

    @Test func everyPropertyIsDescribed() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath))
        var missing: [String] = []
        func walk(_ value: JSONValue, _ path: JSONPointer) {
            switch value {
            case .object(let o):
                if let props = o["properties"]?.objectValue {
                    for (key, schema) in props where schema["description"] == nil { missing.append(path.appending(key).description) }
                }
                for (key, child) in o { walk(child, path.appending(key)) }
            case .array(let items):
                for (i, child) in items.enumerated() { walk(child, path.appending(i)) }
            default: break
            }
        }
        walk(try JSONParser.parse(Array(data)), .root)
        #expect(missing.isEmpty, "properties without a description: \(missing)")
    }
}
