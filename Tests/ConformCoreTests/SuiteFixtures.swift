import Foundation
@testable import ConformCore

/// Paths and small in-memory suites shared by the suite loader and plan tests.
enum SuiteFixtures {
    /// The package root, found from this file's path (Tests/ConformCoreTests/SuiteFixtures.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let suitesFolder = packageRoot.appendingPathComponent("suites")
    static let badFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/suites-bad")

    /// Loads a suite from text under a display path; returns the failure's rendered lines on error.
    static func load(_ text: String, path: String = "inline.json") -> Result<Suite, SuiteLoadFailure> {
        do { return .success(try SuiteLoader.load(source: SourceFile(path: path, text: text))) } catch { return .failure(error) }
    }

    /// A suite around one operation's JSON (and optional extra top-level members, written with a leading comma).
    static func suite(operation: String, extra: String = "") -> String {
        """
        { "suite": "t", "title": "T", "source": "test", "baseUrl": "https://api.example.com",
          "definitions": {
            "Page": { "type": "object", "properties": { "items": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" } } } }, "total": { "type": "integer" } } },
            "Error": { "type": "object", "properties": { "detail": { "type": "array" } } },
            "Vendor": { "type": "string", "enum": ["openai", "cohere"] }
          },
          "operations": [ \(operation) ]\(extra) }
        """
    }

    /// An operation `list` with the given parameters JSON and, optionally, a 422 parameter error.
    static func listOperation(parameters: String, parameterError: Bool = true, probeQuery: String? = nil, id: String = "list") -> String {
        """
        { "id": "\(id)", "method": "GET", "path": "/models", "parameters": { \(parameters) },
          \(parameterError ? ##""parameterError": { "status": 422, "schema": { "$ref": "#/definitions/Error" } },"## : "")
          \(probeQuery.map { #""probeQuery": { \#($0) },"# } ?? "")
          "responses": { "200": { "schema": { "$ref": "#/definitions/Page" }, "invariants": ["total >= len(items)"] },
                         "422": { "schema": { "$ref": "#/definitions/Error" } } } }
        """
    }
}
