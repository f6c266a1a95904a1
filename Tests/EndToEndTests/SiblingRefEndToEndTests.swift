import Foundation
import Testing

/// A suite whose schema lives in `defs.json` beside it, run by the built `conform` from the suite's folder
/// with a relative path: the `$ref` resolves as it does in `conform validate`, a broken rule inside `defs.json`
/// is reported at `defs.json:LINE:COL`, and a `$ref` that does not resolve stops the run before anything is sent.
@Suite(.serialized) struct SiblingRefEndToEndTests {
    static let defs = """
    {
      "Page": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/Model" } } } },
      "Model": { "type": "object", "required": ["id", "vendor"],
                 "properties": { "id": { "type": "string" }, "vendor": { "enum": ["openai", "cohere"] } } }
    }
    """

    static func suite(ref: String) -> String {
        """
        { "suite": "sibling", "title": "Sibling", "source": "test", "baseUrl": "http://127.0.0.1:1",
          "operations": [ { "id": "list", "method": "GET", "path": "/models",
            "responses": { "200": { "schema": { "$ref": "\(ref)" }, "invariants": ["len(items) >= 0"] } } } ],
          "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
        """
    }

    /// A folder holding `s.json` and `defs.json`, and a server answering every request with `body`.
    static func run(ref: String, body: String) async throws -> (out: ConformProcess.Output, requests: Int) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-sibling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try defs.write(to: dir.appendingPathComponent("defs.json"), atomically: true, encoding: .utf8)
        try suite(ref: ref).write(to: dir.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        let server = try FixtureServer { _ in .response(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8)) }
        defer { server.stop() }
        let out = try await ConformProcess.run(["run", "s.json", "--base-url", server.baseURL], directory: dir)
        return (out, server.requests.count)
    }

    @Test func siblingRefPassesAConformingServer() async throws {
        let (out, requests) = try await Self.run(ref: "defs.json#/Page", body: #"{"items": [{"id": "a", "vendor": "openai"}]}"#)
        #expect(out.exitCode == 0, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        #expect(requests == 1)
        #expect(!out.stdout.contains("unresolved"))
    }

    @Test func brokenRuleInsideTheSiblingFileIsLocatedThere() async throws {
        let (out, _) = try await Self.run(ref: "defs.json#/Page", body: #"{"items": [{"id": "a", "vendor": "MISTRAL"}]}"#)
        #expect(out.exitCode == 1, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        // The enum's value in defs.json: line 4, at its "[".
        let line = Self.defs.split(separator: "\n")[3]
        let column = try #require(line.range(of: #"["openai""#)).lowerBound.utf16Offset(in: line) + 1
        #expect(out.stdout.contains("rule: defs.json:4:\(column)"), "\(out.stdout)")
        #expect(out.stdout.contains("at /items/0/vendor"))
    }

    @Test func unresolvableSiblingRefStopsTheRunBeforeSending() async throws {
        let (out, requests) = try await Self.run(ref: "defs.json#/Nope", body: "{}")
        #expect(out.exitCode == 2, "stdout: \(out.stdout)\nstderr: \(out.stderr)")
        #expect(requests == 0)
        let line = Self.suite(ref: "defs.json#/Nope").split(separator: "\n")[2]
        let column = try #require(line.range(of: #""defs.json#/Nope""#)).lowerBound.utf16Offset(in: line) + 1
        #expect((out.stdout + out.stderr).contains(#"s.json:3:\#(column): error: unresolved $ref "defs.json#/Nope""#), "\(out.stderr)")
    }
}
