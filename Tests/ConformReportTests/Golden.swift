import Foundation
import Testing

/// Golden files beside this source file; `CONFORM_RECORD=1` rewrites them instead of comparing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["CONFORM_RECORD"] == "1" }

    /// Compares `actual` with the golden file `name` byte for byte, or records it.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing; record it with CONFORM_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
            Issue.record("""
                \(name) differs from the golden file at line \(line + 1) (re-record with CONFORM_RECORD=1 if intended)
                expected: \(line < e.count ? String(e[line]) : "<end of file>")
                actual:   \(line < a.count ? String(a[line]) : "<end of file>")
                """, sourceLocation: sourceLocation)
        }
    }
}

/// External tools the tests use when installed (`xmllint`, `cmark-gfm`) and the shared folder.
enum Tools {
    static func path(of tool: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var shared: String {
        if let env = ProcessInfo.processInfo.environment["CONFORM_SHARED"], !env.isEmpty { return env }
        // Tests/ConformReportTests/X.swift → package root → ../shared
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared").standardized.path
    }

    static var junitXSD: String { shared + "/junit/junit-10.xsd" }

    /// Runs a tool with arguments and optional stdin; returns exit status, stdout and stderr.
    static func run(_ tool: String, _ arguments: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so neither fills up and blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { errData = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let input = inPipe.fileHandleForWriting
        group.enter()
        DispatchQueue.global().async {
            if let stdin { input.write(Data(stdin.utf8)) }
            try? input.close()
            group.leave()
        }
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
