import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server for end-to-end tests that can also misbehave on purpose: never answer,
/// close mid-body, stream 100 MiB, redirect elsewhere. One thread per connection, `Connection: close`.
final class FixtureServer: @unchecked Sendable {
    /// A request as received.
    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [(String, String)]
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    /// What to do with a request.
    enum Reply: Sendable {
        case response(status: Int, headers: [(String, String)], body: [UInt8])
        /// Bytes written as they are, then the connection is closed.
        case raw([UInt8])
        /// Never answer (until the server stops).
        case hang
        /// A 200 with a body of `bytes` bytes, streamed.
        case huge(bytes: Int)
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var received: [Request] = []
    private var stopped = false
    /// Until the accept thread closes the listener.
    private var listening = true

    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [Request] { lock.withLock { received } }

    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        signal(SIGPIPE, SIG_IGN)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw FixtureError("bind/listen failed") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// A port nothing listens on (bound, then closed): connections to it are refused.
    static func closedPort() -> UInt16 {
        guard let s = try? FixtureServer(handler: { _ in .hang }) else { return 9 }
        let p = s.port
        s.stop()
        return p
    }

    /// Shuts the listener down; the accept thread closes it. Closed here, under the accept thread, the number could
    /// be reused by another test's socket before `accept` is called on it again.
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if listening { shutdown(listener, Int32(SHUT_RDWR)) }
        }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        defer {
            lock.withLock { listening = false }
            close(listener)
        }
        while !isStopped {
            let client = accept(listener, nil, nil)
            if client < 0 { if isStopped { return }; continue }
            let t = Thread { [self] in serve(client) }
            t.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while !buffer.containsHeadEnd {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return }
            buffer += chunk[0..<n]
            if buffer.count > 1 << 20 { return }
        }
        guard let request = Self.parse(buffer) else { return }
        lock.withLock { received.append(request) }
        switch handler(request) {
        case .response(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (n, v) in headers { head += "\(n): \(v)\r\n" }
            _ = sendAll(fd, Array((head + "\r\n").utf8) + body)
        case .raw(let bytes):
            _ = sendAll(fd, bytes)
        case .hang:
            while !isStopped { usleep(20_000) }
        case .huge(let total):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(total)\r\nConnection: close\r\n\r\n"
            guard sendAll(fd, Array(head.utf8)) else { return }
            let block = [UInt8](repeating: UInt8(ascii: " "), count: 1 << 20)
            var sent = 0
            while sent < total, !isStopped {
                let n = min(block.count, total - sent)
                guard sendAll(fd, Array(block[0..<n])) else { return }
                sent += n
            }
        }
        shutdown(fd, Int32(SHUT_WR))
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    static func parse(_ bytes: [UInt8]) -> Request? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Request(method: String(parts[0]), target: String(parts[1]), headers: headers)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

private extension Array where Element == UInt8 {
    var containsHeadEnd: Bool {
        guard count >= 4 else { return false }
        for i in 0...(count - 4) where self[i] == 13 && self[i + 1] == 10 && self[i + 2] == 13 && self[i + 3] == 10 { return true }
        return false
    }
}
