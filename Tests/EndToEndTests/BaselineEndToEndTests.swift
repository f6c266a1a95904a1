import ConformCore
import Foundation
import Testing

/// Two nights through the built executable against `conform mock`: a drift accepted into a baseline, then the
/// same drift (known, exit 0), the drift fixed (stale, exit 1; --allow-stale 0), the entry expired (1), filtered (0).
@Suite(.serialized) struct BaselineEndToEndTests {
    static let suite = ReportValidation.packageRoot.appendingPathComponent("suites/openai-list-models.json").path
    static let key = ["OPENAI_API_KEY": "sk-baseline-e2e"]

    /// Starts `conform mock` (optionally drifted), runs `body` with its `--base-url`, then stops the mock it started.
    static func withMock<T>(drift: String?, _ body: (String) async throws -> T) async throws -> T {
        let mock = try await MockProcess.start([suite] + (drift.map { ["--drift", $0] } ?? []), environment: key)
        defer { mock.stop() }
        return try await body(mock.url + "/v1")  // the OpenAI suite's base path
    }

    static func run(_ url: String, _ extra: [String], today: String = "2026-11-23") async throws -> ConformProcess.Output {
        try await ConformProcess.run(["run", suite, "--base-url", url, "--target-name", "mock", "--quiet"] + extra,
                               environment: key.merging(["CONFORM_TODAY": today]) { a, _ in a })
    }

    @Test func twoNightsOfTheSameDriftThenItsFixExpiryAndAFilter() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let night1 = dir.appendingPathComponent("night1.json").path, baseline = dir.appendingPathComponent("baseline.json").path
        let junit = dir.appendingPathComponent("junit.xml").path
        try await Self.withMock(drift: "drop-required:Model.owned_by") { url in
            let first = await try Self.run(url, ["--json", night1])
            #expect(first.exitCode == 1, "night 1 fails on the drift: \(first.stdout)")
            let add = try await ConformProcess.run(["baseline", "add", night1, "--reason", "vendor omits owned_by (T-12)",
                                              "--expires", "2026-12-31", "--to", baseline])
            #expect(add.exitCode == 0, "\(add.stderr)")
            #expect(add.stdout.contains("1 entry added"))
            let second = await try Self.run(url, ["--baseline", baseline, "--junit", junit])
            #expect(second.exitCode == 0, "night 2: the same drift is known: \(second.stdout)\(second.stderr)")
            #expect(second.stdout.contains("1 known (accepted), 0 new"))
            let xml = String(decoding: FileManager.default.contents(atPath: junit) ?? Data(), as: UTF8.self)
            #expect(xml.contains("<skipped message=\"known failure: vendor omits owned_by (T-12) (expires 2026-12-31)\"/>"))
            ReportValidation.junit(junit)  // valid against junit-10.xsd with a known failure skipped (or skipped with a message)
            let expired = await try Self.run(url, ["--baseline", baseline], today: "2027-01-01")
            #expect(expired.exitCode == 1)
            #expect(expired.stdout.contains("EXPIRED") && expired.stdout.contains("expired on 2026-12-31"))
            let filtered = await try Self.run(url, ["--baseline", baseline, "--filter", "auth*"])
            #expect(filtered.exitCode == 0, "\(filtered.stdout)")
            #expect(filtered.stdout.contains("UNOBSERVED") && filtered.stdout.contains("left out by --filter"))
        }
        try await Self.withMock(drift: nil) { url in
            let stale = await try Self.run(url, ["--baseline", baseline])
            #expect(stale.exitCode == 1, "the fixed drift makes the entry stale: \(stale.stdout)")
            #expect(stale.stdout.contains("STALE") && stale.stdout.contains("remove this entry"))
            let allowed = await try Self.run(url, ["--baseline", baseline, "--allow-stale"])
            #expect(allowed.exitCode == 0, "\(allowed.stdout)")
        }
    }

    @Test func aBaselineWithoutAReasonIsRefusedBeforeAnythingIsSent() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conform-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"1111111111111111\", \"reason\": \"\"}\n]}".utf8).write(to: file)
        // Port 9 (discard) is never contacted: the baseline is read before anything is sent.
        let out = await try Self.run("http://127.0.0.1:9/v1", ["--baseline", file.path])
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains(file.path + ":2:40: error: \"reason\" is empty"), "\(out.stderr)")
        #expect(out.stderr.contains("nothing was sent"))
    }

    @Test func helpListsTheBaselineCommandAndFlags() async throws {
        #expect(try await ConformProcess.run(["run", "--help"]).stdout.contains("--allow-stale"))
        #expect(try await ConformProcess.run(["baseline", "--help"]).stdout.contains("SUBCOMMANDS:"))
        let add = try await ConformProcess.run(["baseline", "add", "--help"])
        #expect(add.exitCode == 0 && add.stdout.contains("--to FILE") && add.stdout.contains("--expires YYYY-MM-DD"))
    }
}
