import Foundation
import Testing

/// A credential that cannot travel in an HTTP header is a usage error before anything is sent, on every
/// scheme — never a key silently dropped and a 401 blamed on the server.
@Suite struct CredentialPreflightTests {
    static let suite = ReportValidation.packageRoot.appendingPathComponent("suites/openai-list-models.json").path

    @Test(arguments: [
        ("a trailing newline", "sk-preflight-secret-1234\n", "a line feed at character 25"),
        ("a carriage return inside", "sk-pre\rflight-secret-1234", "a carriage return at character 7"),
        ("an escape", "sk-preflight\u{1B}secret", "control character U+001B at character 13"),
    ])
    func anUnsendableKeyStopsTheRunBeforeSending(_ name: String, _ key: String, _ problem: String) async throws {
        for base in ["http://127.0.0.1:9/v1", "https://127.0.0.1:9/v1"] {
            let run = try await ConformProcess.run(["run", Self.suite, "--base-url", base], environment: ["OPENAI_API_KEY": key], withKey: false)
            #expect(run.exitCode == 2, "\(name) via \(base): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("OPENAI_API_KEY") && run.stderr.contains(problem), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was sent"))
            #expect(!run.stderr.contains("preflight") && !run.stdout.contains("preflight"), "the value is never printed")
        }
    }

    @Test func anUnsendableTargetKeyStopsACompatRunBeforeSending() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-preflight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let targets = dir.appendingPathComponent("targets.json")
        try #"{"targets": [{"name": "a", "baseUrl": "https://127.0.0.1:9/v1", "credentials": {"OPENAI_API_KEY": "KEY_A"}}]}"#
            .write(to: targets, atomically: true, encoding: .utf8)
        let run = try await ConformProcess.run(["compat", Self.suite, "--targets", targets.path],
                                         environment: ["KEY_A": "sk-preflight-target\n"], withKey: false)
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("target 'a': the credential in KEY_A") && run.stderr.contains("a line feed at character 20"), "\(run.stderr)")
        #expect(!run.stderr.contains("preflight") && !run.stdout.contains("preflight"))
    }
}
