import ConformTestSupport
import Foundation
import Testing

/// `--max-body` bounds what `conform run` holds: a 100 MiB body streamed without a Content-Length costs the
/// process at most the cap (plus working space) over what a tiny body costs. Measured on the child process
/// (`wait4`), so tests running in parallel in this process cannot disturb the figure.
@Suite struct BodyCapMemoryTests {
    static let hundredMiB = 100 << 20

    @Test func aHugeBodyCostsAtMostTheCap() async throws {
        guard let exe = ConformProcess.executable else { Issue.record("conform executable not found: run 'swift build' first"); return }
        let server = try LoopbackServer { request, connection in
            let total = request.target.hasPrefix("/big") ? Self.hundredMiB : 16
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
        let env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1"]
        let baseline = try await offPool { try ChildProcess.run(exe, ["run", small, "--max-body", "\(cap)", "--quiet"], environment: env) }
        let capped = try await offPool { try ChildProcess.run(exe, ["run", big, "--max-body", "\(cap)", "--quiet"], environment: env) }
        #expect(baseline.status == 0)
        #expect(capped.status == 3, "a body over --max-body is an error of the run (exit 3), got \(capped.status)")
        let growth = capped.peakRSSBytes - baseline.peakRSSBytes
        #expect(growth < cap + (40 << 20), "peak RSS grew by \(growth >> 20) MiB for a cap of \(cap >> 20) MiB")
        print("body cap \(cap >> 20) MiB over a 100 MiB body: peak RSS \(capped.peakRSSBytes >> 20) MiB vs \(baseline.peakRSSBytes >> 20) MiB for a tiny body")
    }
}
