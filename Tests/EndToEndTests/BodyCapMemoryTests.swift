import ConformTestSupport
import Foundation
import Testing

/// `--max-body` bounds what `conform run` holds: a 1 GiB body streamed without a Content-Length costs the
/// process at most the cap and 40 MiB of working space over what a tiny body costs, never the body. Measured on the child process by GNU time (`%M`; `wait4` from this process would
/// count this process's memory, which the child shares until its `exec`), so tests running in parallel here
/// cannot disturb the figure.
@Suite struct BodyCapMemoryTests {
    static let oneGiB = 1 << 30

    @Test func aHugeBodyCostsAtMostTheCap() async throws {
        guard let exe = ConformProcess.executable else { Issue.record("conform executable not found: run 'swift build' first"); return }
        let server = try LoopbackServer { request, connection in
            let total = request.target.hasPrefix("/big") ? Self.oneGiB : 16
            guard connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n") else { return }
            if total == 16 { _ = connection.write(#"{"items": [ ]}  "#); return }
            let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 64 << 10)
            var sent = 0
            while sent < total, connection.write(chunk) { sent += chunk.count }
        }
        defer { server.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-bodycap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func suite(_ path: String) throws -> String {
            let file = dir.appendingPathComponent("\(path).json").path
            try """
            { "suite": "cap\(path)", "title": "Body cap", "source": "test", "baseUrl": "\(server.baseURL)",
              "operations": [ { "id": "list", "method": "GET", "path": "/\(path)",
                "responses": { "200": { "schema": { "type": "object" } } } } ],
              "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
            """.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        let small = try suite("small"), big = try suite("big")
        let cap = 8 << 20
        let env: [String: String] = [:]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            print("skipping: GNU time (/usr/bin/time, Debian package 'time') is not installed; .ci/run installs it"); return
        }
        /// Exit status and peak RSS (bytes) of `conform ARGUMENTS`.
        func measured(_ arguments: [String]) async throws -> (status: Int32, peak: Int) {
            let figure = dir.appendingPathComponent("time-\(UUID().uuidString)").path
            let out = try await ConformProcess.run(["/usr/bin/time", "-f", "%M", "-o", figure, exe] + arguments, environment: env, withKey: false, program: "/usr/bin/time")
            let kb = Int(String(decoding: FileManager.default.contents(atPath: figure) ?? Data(), as: UTF8.self)
                .split(separator: "\n").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "") ?? 0
            return (out.exitCode, kb * 1024)
        }
        let baseline = try await measured(["run", small, "--max-body", "\(cap)", "--quiet"])
        let capped = try await measured(["run", big, "--max-body", "\(cap)", "--quiet"])
        #expect(baseline.status == 0 && baseline.peak > 0)
        #expect(capped.status == 3, "a body over --max-body is an error of the run (exit 3), got \(capped.status)")
        let growth = capped.peak - baseline.peak
        #expect(growth < cap + (40 << 20), "peak RSS grew by \(growth >> 20) MiB for a cap of \(cap >> 20) MiB and a 1 GiB body")
        print("body cap \(cap >> 20) MiB over a 1 GiB body: peak RSS \(capped.peak >> 20) MiB vs \(baseline.peak >> 20) MiB for a tiny body")
    }
}
