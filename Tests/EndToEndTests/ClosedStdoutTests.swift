import ConformCore
import Foundation
import Testing

/// `conform run … | head -1`: the reader of standard output goes away, and the run still finishes, writes its
/// reports and exits with one of its documented codes (never 141, killed by SIGPIPE).
@Suite struct ClosedStdoutTests {
    @Test func aClosedStdoutDoesNotKillTheRunBeforeItsReports() async throws {
        guard let exe = ConformProcess.executable else { throw FixtureError("conform executable not found: run 'swift build' first") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-epipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let suite = ReportValidation.packageRoot.appendingPathComponent("suites/openai-list-models.json").path
        let mock = try await MockProcess.start([suite], environment: ["OPENAI_API_KEY": "conform-epipe-key"])
        defer { mock.stop() }
        let json = dir.appendingPathComponent("results.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["run", suite, "--base-url", mock.url + "/v1", "--verbose", "--json", json]
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                               "OPENAI_API_KEY": "conform-epipe-key"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        // The reader is gone before the first line is written.
        try pipe.fileHandleForReading.close()
        try process.run()
        while process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }  // polled: no pool thread waits
        #expect(process.terminationReason == .exit, "killed by a signal (\(process.terminationStatus))")
        #expect((0...3).contains(process.terminationStatus))
        #expect(FileManager.default.fileExists(atPath: json), "the JSON report was written")
    }
}
