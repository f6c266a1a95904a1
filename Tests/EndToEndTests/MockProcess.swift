import ConformTestSupport
import Foundation

/// `conform mock` started as a user starts it, on a free port; stopped with SIGTERM when the test is done.
final class MockProcess: @unchecked Sendable {
    let process = Process()
    /// The URL the mock printed (`http://127.0.0.1:PORT`).
    let url: String
    private let output: URL

    /// Starts `conform mock ARGUMENTS --port 0` and waits (at most 20 s, off the cooperative pool) for the URL it prints.
    static func start(_ arguments: [String], environment: [String: String] = [:]) async throws -> MockProcess {
        try await offPool { try MockProcess(arguments, environment: environment) }
    }

    private init(_ arguments: [String], environment: [String: String] = [:]) throws {
        guard let exe = ConformProcess.executable else { throw FixtureError("conform executable not found: run 'swift build' first") }
        output = FileManager.default.temporaryDirectory.appendingPathComponent("conform-mock-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = ["mock"] + arguments + ["--port", "0"]
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let marker = "listening on "
        let deadline = Date().addingTimeInterval(20)
        var found: String?
        while found == nil && Date() < deadline && process.isRunning {
            let text = String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
            if let range = text.range(of: marker), let end = text[range.upperBound...].firstIndex(of: "\n") {
                found = String(text[range.upperBound..<end])
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let found else {
            process.terminate()
            throw FixtureError("conform mock \(arguments.joined(separator: " ")) printed no URL within 20 s")
        }
        url = found
    }

    /// Stops the mock and waits for it to exit.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: output)
    }

    deinit { stop() }
}
