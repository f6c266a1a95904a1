import ConformTestSupport
import Foundation

/// Runs the built `conform` executable and captures what it printed.
enum ConformProcess {
    struct Output {
        var exitCode: Int32; var stdout: String; var stderr: String; var seconds: Double
        /// Whether the run was still going at `killAfter` and was killed.
        var killed = false
    }

    static let secret = "sk-e2e-SECRET-5f2d9c71a0"

    /// The `conform` built beside this test bundle (or in `.build/debug`); nil when it was not built.
    static var executable: String? {
        var candidates: [String] = []
        if let first = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: first).deletingLastPathComponent()
            if dir.path.hasSuffix(".xctest/Contents/MacOS") { dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
            if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
            candidates.append(dir.appendingPathComponent("conform").path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/conform").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `conform` with `arguments` (in `directory` when given, so relative suite paths stay relative), on a
    /// thread of its own while the test waits (`offPool`): a pool thread blocked on a subprocess for seconds
    /// would hold up every other test.
    /// `program` runs another executable with `arguments` (a wrapper such as GNU time around `conform`).
    /// `killAfter` (seconds) kills a run still going by then, so a hang fails its test instead of stalling CI.
    static func run(_ arguments: [String], environment extra: [String: String] = [:], withKey: Bool = true,
                    directory: URL? = nil, program: String? = nil, killAfter: Double? = nil) async throws -> Output {
        try await offPool {
            try runBlocking(arguments, environment: extra, withKey: withKey, directory: directory, program: program, killAfter: killAfter)
        }
    }

    static func runBlocking(_ arguments: [String], environment extra: [String: String] = [:], withKey: Bool = true,
                            directory: URL? = nil, program: String? = nil, killAfter: Double? = nil) throws -> Output {
        guard let exe = program ?? executable else { throw FixtureError("conform executable not found: run 'swift build' first") }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("conform-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outPath = tmp.appendingPathComponent("stdout").path, errPath = tmp.appendingPathComponent("stderr").path
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1", "HOME": tmp.path]
        if withKey { env["FIXTURE_API_KEY"] = secret }
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        let started = Date()
        try process.run()
        let killed = KillSwitch()
        if let killAfter {
            DispatchQueue.global().asyncAfter(deadline: .now() + killAfter) { [process] in
                guard process.isRunning else { return }
                killed.set()
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(started)
        let read = { (p: String) in String(decoding: FileManager.default.contents(atPath: p) ?? Data(), as: UTF8.self) }
        return Output(exitCode: process.terminationStatus, stdout: read(outPath), stderr: read(errPath), seconds: seconds,
                      killed: killed.isSet)
    }
}

/// A flag set once, from another thread.
private final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
