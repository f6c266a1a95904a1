import ConformCore
import Foundation
import Testing

/// The built `conform demo` and `conform selftest`, run as a user runs them: in a fresh folder holding a copy
/// of `suites/`, with no API key in the environment.
@Suite(.serialized) struct DemoEndToEndTests {
    static let root = ReportValidation.packageRoot

    /// A temporary folder with a copy of the shipped suites.
    static func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("suites"), to: dir.appendingPathComponent("suites"))
        return dir
    }

    /// Runs the built `conform` in `directory` with a bare environment (no credential variables at all).
    /// Waits for the exit without blocking a cooperative thread (a selftest of every suite takes a minute).
    static func conform(_ arguments: [String], in directory: URL) async throws -> ConformProcess.Output {
        guard let exe = ConformProcess.executable else { throw FixtureError("conform executable not found: run 'swift build' first") }
        let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path]
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let started = Date()
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { exited.wait(); done.resume() }
        }
        let read = { (u: URL) in String(decoding: FileManager.default.contents(atPath: u.path) ?? Data(), as: UTF8.self) }
        return ConformProcess.Output(exitCode: process.terminationStatus, stdout: read(out), stderr: read(err),
                                     seconds: Date().timeIntervalSince(started))
    }

    @Test func demoPassesWritesValidReportsAndShowsACaughtDrift() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try await Self.conform(["demo"], in: dir)
        #expect(run.exitCode == 0, "stdout:\n\(run.stdout)\nstderr:\n\(run.stderr)")
        #expect(run.stdout.contains(" 0 failed, 0 errors"), "conforming summary missing:\n\(run.stdout)")
        #expect(run.stdout.contains("— Demonstration: the same suite against a drifted mock (drift: "))
        #expect(run.stdout.contains("Caught: schema.enum failed"))
        #expect(run.stdout.contains("Reports: reports/out/junit.xml, reports/out/report.md, reports/out/report.html, reports/out/results.json"))
        #expect(run.stdout.contains("reproduce: curl "))
        #expect(!run.stdout.contains("conform-test-"), "the generated test credential must be redacted")
        // The README shows this output: it must be what the demo prints.
        let shown = try #require(try ReadmeTranscriptTests.sessions("demo").first?.steps.first, "the README's demo block is missing")
        let problem = Transcript.mismatch(expected: shown.output, actual: run.stdout)
        #expect(problem == nil, "README demo block: \(problem ?? "")")
        for folder in ["reports/out", "reports/out/drift-demo"] {
            for file in ["junit.xml", "report.md", "report.html", "results.json"] {
                let path = dir.appendingPathComponent("\(folder)/\(file)").path
                #expect(FileManager.default.fileExists(atPath: path), "\(folder)/\(file) missing")
            }
            ReportValidation.junit(dir.appendingPathComponent("\(folder)/junit.xml").path)
            ReportValidation.json(dir.appendingPathComponent("\(folder)/results.json").path)
            let markdown = try String(contentsOf: dir.appendingPathComponent("\(folder)/report.md"), encoding: .utf8)
            #expect(markdown.count < 60_000, "\(folder)/report.md has \(markdown.count) characters")
            #expect(!markdown.contains("<details>"))
        }
        let results = try JSONParser.parse([UInt8](FileManager.default.contents(atPath: dir.appendingPathComponent("reports/out/results.json").path) ?? Data()))
        #expect(results["suites"]?.arrayValue?.count == 6)
        // Nothing but reports/out/ (git-ignored) was written: a clone stays clean after the README's first command.
        let top = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(top == ["reports", "suites"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("reports").path) == ["out"])
    }

    @Test func demoWithoutSuitesIsAUsageError() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-demo-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try await Self.conform(["demo"], in: dir)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("no suites at 'suites'"))
    }

    @Test func selftestPassesAShippedSuiteAndFailsAWeakenedOne() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try await Self.conform(["selftest", "suites/openai-list-models.json"], in: dir)
        #expect(good.exitCode == 0, "\(good.stdout)\n\(good.stderr)")
        #expect(good.stdout.contains("Surviving drifts: none") || good.stdout.contains("Surviving drifts (blind spots): none"))
        #expect(good.stdout.contains("rule coverage"))
        // Coverage is a gate: 100 % fails exactly when some rule has no drift.
        let strict = try await Self.conform(["selftest", "suites/openai-list-models.json", "--min-coverage", "100"], in: dir)
        #expect(strict.exitCode == (good.stdout.contains("without a drift") ? 1 : 0), "\(strict.stdout)\n\(strict.stderr)")

        let path = dir.appendingPathComponent("suites/openai-list-models.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        let weakened = text.replacingOccurrences(of: #""expect": { "status": 200 }"#, with: #""expect": { "status": 200, "schema": false }"#)
        try #require(weakened != text)
        try weakened.write(to: path, atomically: true, encoding: .utf8)
        let bad = try await Self.conform(["selftest", "suites/openai-list-models.json", "--filter", "const:"], in: dir)
        #expect(bad.exitCode == 1, "\(bad.stdout)\n\(bad.stderr)")
        #expect(bad.stdout.contains("✘ const:Model.object"))
        #expect(bad.stdout.contains("openai-list-models/const:Model.object"))
    }

    /// Every shipped suite: the conforming mock passes and no drift survives — the proof that every check can fail.
    @Test func selftestOfEveryShippedSuiteHasNoSurvivors() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try await Self.conform(["selftest", "suites/"], in: dir)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("Surviving drifts: none") || run.stdout.contains("Surviving drifts (blind spots): none"))
        // "No blind spots" is never claimed while a rule has no drift.
        #expect(!(run.stdout.contains("(blind spots): none") && run.stdout.contains("without a drift (listed above)")))
        let suites = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("suites").path)
            .filter(SuiteLoader.isSuiteFileName)
        for file in suites {
            let id = String(file.dropLast(5))
            let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("  \(id) ") }
            #expect(line?.contains("conforming run passed") == true && line?.contains(" 0 survived;") == true, "\(id): \(line ?? "no summary line")")
        }
        #expect(run.stdout.contains("\(suites.count) suites, "))
        // The README and docs/selftest.md show this output: it must be what selftest prints.
        for document in ["README.md", "docs/selftest.md"] {
            let shown = try #require(try ReadmeTranscriptTests.sessions("selftest", in: document).first?.steps.first, "\(document): selftest block missing")
            let problem = Transcript.mismatch(expected: shown.output, actual: run.stdout)
            #expect(problem == nil, "\(document) selftest block: \(problem ?? "")")
        }
        print("conform selftest suites/ took \(String(format: "%.1f", run.seconds)) s")
    }

    @Test func selftestUsageErrors() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await Self.conform(["selftest"], in: dir).exitCode == 2)
        #expect(try await Self.conform(["selftest", "suites/", "--filter", "no-such-drift"], in: dir).exitCode == 2)
        #expect(try await Self.conform(["selftest", "missing.json"], in: dir).exitCode == 2)
    }
}
