import ConformCore
import Foundation
import Testing
@testable import ConformRun

/// A problem of the suite found only while running — here the `$ref`'d file vanished before the suite's
/// schemas were compiled — is an error of the schema check (finding kind `.error`, JUnit `<error>`), never a failure of the server.
@Suite struct SuiteSchemaErrorTests {
    @Test func refThatNoLongerLoadsIsASuiteErrorNotAServerFailure() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-run-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let defs = dir.appendingPathComponent("defs.json")
        try #"{ "Page": { "type": "object", "required": ["items"] } }"#.write(to: defs, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("s.json")
        let text = """
        { "suite": "s", "title": "S", "source": "test", "baseUrl": "http://127.0.0.1:1",
          "operations": [ { "id": "list", "method": "GET", "path": "/models",
            "responses": { "200": { "schema": { "$ref": "defs.json#/Page" } } } } ],
          "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
        """
        try text.write(to: path, atomically: true, encoding: .utf8)
        let line = text.split(separator: "\n")[2]
        let column = try #require(line.range(of: #""defs.json"#)).lowerBound.utf16Offset(in: line) + 1
        let loaded = try SuiteLoader.load(path: path.path)
        try FileManager.default.removeItem(at: defs)

        // The suite as loaded keeps the schemas it loaded (one validator per loaded file): the run is unaffected.
        let transport = InMemoryTransport(outcomes: [RunnerFixture.json(200, #"{"items": []}"#), RunnerFixture.json(200, #"{"items": []}"#)])
        let asLoaded = await RunnerFixture.run(loaded, transport: transport, environment: [:])
        #expect(asLoaded.suites.first?.cases.first?.checks.first { $0.check == CheckKind.schema.id }?.status == .passed)

        // A copy whose file is read again compiles its schemas afresh, and meets the vanished file.
        var suite = loaded
        suite.file.source = loaded.file.source
        let run = await RunnerFixture.run(suite, transport: transport, environment: [:])
        let checks = try #require(run.suites.first?.cases.first?.checks)
        let schema = try #require(checks.first { $0.check == CheckKind.schema.id })
        #expect(schema.status == .error)
        #expect(!schema.findings.isEmpty && schema.findings.allSatisfy { $0.kind == .error })
        #expect(schema.findings.first?.detail.contains(#"unresolved $ref "defs.json#/Page""#) == true, "\(schema.findings)")
        #expect(schema.findings.first?.ruleLocation?.hasSuffix("s.json:3:\(column)") == true, "\(schema.findings.first?.ruleLocation ?? "")")
        #expect(!checks.contains { $0.status == .failed }, "the server is not failed for the suite's problem")
    }

    @Test func siblingRefResolvesInTheRunnerAsInTheLoader() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-run-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{ "Page": { "type": "object", "required": ["items"] } }"#.write(to: dir.appendingPathComponent("defs.json"), atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("s.json")
        try """
        { "suite": "s", "title": "S", "source": "test", "baseUrl": "http://127.0.0.1:1",
          "operations": [ { "id": "list", "method": "GET", "path": "/models",
            "responses": { "200": { "schema": { "$ref": "defs.json#/Page" } } } } ] }
        """.write(to: path, atomically: true, encoding: .utf8)
        let suite = try SuiteLoader.load(path: path.path)
        let v = suite.file.makeSchemaValidator()
        #expect(v.validate(.object(JSONObject([("items", .array([]))])), schemaAt: JSONPointer("/operations/0/responses/200/schema")!).isEmpty)
        #expect(!v.validate(.object(JSONObject()), schemaAt: JSONPointer("/operations/0/responses/200/schema")!).isEmpty)
    }
}
