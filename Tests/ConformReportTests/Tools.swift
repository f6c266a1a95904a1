import Foundation

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
