#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The README's sessions, run as a reader runs them: the walkthrough's commands against the built
/// executable in a fresh folder, each output compared with what the README shows (ports, durations and
/// timestamps normalised). The demo and self-test blocks are checked where those commands already run
/// (`DemoEndToEndTests`). A README that drifts from the tool fails here.
@Suite(.serialized) struct ReadmeTranscriptTests {
    static let root = ReportValidation.packageRoot

    /// The sessions labelled `label` in a document of the repository (`README.md`, `docs/selftest.md`).
    static func sessions(_ label: String, in document: String = "README.md") throws -> [Transcript] {
        let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
        return Transcript.parse(text).sessions.filter { $0.label == label }
    }

    @Test func theWalkthroughRunsAsShown() async throws {
        guard let exe = ConformProcess.executable else { throw FixtureError("conform executable not found: run 'swift build' first") }
        let text = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let parsed = Transcript.parse(text)
        let steps = parsed.sessions.filter { $0.label == "walkthrough" }.flatMap(\.steps)
        try #require(steps.count >= 10, "the README's walkthrough sessions are missing")
        try #require(!parsed.files.isEmpty, "the README's walkthrough suite file is missing")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in parsed.files {
            let url = dir.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        var environment = ["PATH": URL(fileURLWithPath: exe).deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "NO_COLOR": "1", "HOME": dir.path, "LANG": "C.UTF-8"]
        let port = try Self.freePort()
        var background: Process?
        defer { background?.terminate(); background?.waitUntilExit() }
        for (index, step) in steps.enumerated() {
            let command = step.command.replacingOccurrences(of: "8181", with: "\(port)")
            if command.hasPrefix("export "), let eq = command.firstIndex(of: "=") {
                environment[String(command[command.index(command.startIndex, offsetBy: 7)..<eq])] = String(command[command.index(after: eq)...])
                continue
            }
            if command == "kill %1" {
                background?.terminate(); background?.waitUntilExit(); background = nil
                continue
            }
            let log = dir.appendingPathComponent(".step-\(index)")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.currentDirectoryURL = dir
            process.environment = environment
            let sink = try FileHandle(forWritingTo: log)
            process.standardOutput = sink
            process.standardError = sink
            let read = { String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self) }
            if command.hasSuffix(" &") {
                // A server: started, compared once it printed what the README shows, stopped by `kill %1`.
                process.arguments = ["-c", "exec " + command.dropLast(2)]
                try process.run()
                background = process
                let deadline = Date().addingTimeInterval(10)
                while read().split(separator: "\n").count < step.output.count, Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
            } else {
                process.arguments = ["-c", command]
                try process.run()
                while process.isRunning { try await Task.sleep(nanoseconds: 20_000_000) }
            }
            let problem = Transcript.mismatch(expected: step.output, actual: read().replacingOccurrences(of: "\(port)", with: "8181"))
            #expect(problem == nil, "README step `$ \(step.command)`: \(problem ?? "")")
            if problem != nil { return }
        }
    }

    /// The matcher itself: a gap skips lines, anything else must match line for line, and the end must match.
    @Test func transcriptsCompareLineByLine() {
        let actual = "a\nb 12 ms\nc\nd (3 checks, 0.4 s)\n"
        #expect(Transcript.mismatch(expected: ["a", "b 7 ms", "c", "d (3 checks, 1.2 s)"], actual: actual) == nil)
        #expect(Transcript.mismatch(expected: ["a", "… (left out)", "d (3 checks, 0.1 s)"], actual: actual) == nil)
        #expect(Transcript.mismatch(expected: ["a", "c"], actual: actual) != nil)
        #expect(Transcript.mismatch(expected: ["a", "b 7 ms"], actual: actual) != nil, "the output goes on: the README must say so with a gap")
        #expect(Transcript.mismatch(expected: ["a", "b 7 ms", "c", "d (4 checks, 0.4 s)"], actual: actual) != nil)
        #expect(Transcript.mismatch(expected: ["x at http://127.0.0.1:1"], actual: "x at http://127.0.0.1:54321") == nil)
    }

    /// A port nothing listens on now (bound, read, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw FixtureError("bind failed") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
