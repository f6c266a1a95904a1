import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A forward HTTP proxy on 127.0.0.1 for tests: `CONNECT host:port` opens a byte tunnel (what https goes
/// through; the proxy sees only ciphertext), and an absolute-form request (`GET http://host:port/path`) is
/// forwarded in origin form. It records what it was asked, and can demand `Proxy-Authorization`.
public final class LoopbackProxy: @unchecked Sendable {
    /// One request the proxy received: `CONNECT 127.0.0.1:8443` or `GET http://127.0.0.1:8080/v1`.
    public struct Seen: Sendable {
        public var method: String
        public var target: String
        public var authorization: String?
    }

    public let port: UInt16
    /// `Basic …` the proxy requires; nil for none.
    public let requiredAuthorization: String?
    private let listener: Int32
    private let lock = NSLock()
    private var seen: [Seen] = []
    private var stopped = false
    /// Until the accept thread closes the listener.
    private var listening = true
    private var open: Set<Int32> = []

    public init(requiredAuthorization: String? = nil) throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try LoopbackServer.listen()
        self.listener = fd; self.port = port; self.requiredAuthorization = requiredAuthorization
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`, for `HTTPS_PROXY`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// What the proxy was asked, in order.
    public var requests: [Seen] { lock.withLock { seen } }

    public func stop() {
        // Shut down under the lock: each fd is closed by the thread that uses it, after it leaves `open` under this
        // lock, so every number shut down here is still this server's. Outside the lock a number could be closed
        // and reused in between — by another test's socket, even the client's under test, which would then see
        // its connection close for no reason of its own. The listener likewise is closed only by the accept thread.
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            if listening { shutdown(listener, Int32(SHUT_RDWR)) }
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        defer {
            lock.withLock { listening = false }
            close(listener)
        }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { if errno == EINTR || errno == ECONNABORTED { continue }; return }
            let ok: Bool = lock.withLock { if stopped { return false }; open.insert(client); return true }
            guard ok else { close(client); return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        var upstream: Int32 = -1
        defer {
            lock.withLock { _ = open.remove(client); if upstream >= 0 { _ = open.remove(upstream) } }
            shutdown(client, Int32(SHUT_RDWR)); close(client)
            if upstream >= 0 { shutdown(upstream, Int32(SHUT_RDWR)); close(upstream) }
        }
        guard let (head, rest) = Self.readHead(client) else { return }
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
        guard requestLine.count == 3 else { return }
        let authorization = lines.first { $0.lowercased().hasPrefix("proxy-authorization:") }
            .map { String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces) }
        lock.withLock { seen.append(Seen(method: requestLine[0], target: requestLine[1], authorization: authorization)) }
        if let required = requiredAuthorization, authorization != required {
            Self.send(client, Array("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        let authority: String
        var initial: [UInt8] = []
        if requestLine[0] == "CONNECT" {
            authority = requestLine[1]
        } else {
            // Absolute form: forward in origin form, without the proxy's own header.
            guard let url = URLComponents(string: requestLine[1]), let host = url.host else { return }
            authority = "\(host):\(url.port ?? 80)"
            let path = url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath
            let target = path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
            let kept = lines.filter { !$0.lowercased().hasPrefix("proxy-authorization:") }
            initial = Array(([requestLine[0] + " " + target + " " + requestLine[2]] + kept).joined(separator: "\r\n").utf8)
                + Array("\r\n\r\n".utf8) + rest
        }
        let parts = authority.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else { return }
        upstream = Self.connect(String(parts[0]), port)
        guard upstream >= 0 else {
            Self.send(client, Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        lock.withLock { _ = open.insert(upstream) }
        if requestLine[0] == "CONNECT" {
            Self.send(client, Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8))
            if !rest.isEmpty { Self.send(upstream, rest) }
        } else {
            Self.send(upstream, initial)
        }
        let up = upstream
        // The other direction on a thread of its own, waited for before the fds are closed: a pump still reading
        // or writing a number closed under it would move bytes of whatever socket reuses that number next —
        // another test's TLS handshake, garbled.
        let pumped = DispatchSemaphore(value: 0)
        Thread {
            Self.relay(from: client, to: up)
            pumped.signal()
        }.start()
        Self.relay(from: upstream, to: client)
        shutdown(client, Int32(SHUT_RDWR))
        shutdown(upstream, Int32(SHUT_RDWR))
        pumped.wait()
    }

    private static func relay(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = recv(source, &buffer, buffer.count, 0)
            if n <= 0 { shutdown(destination, Int32(SHUT_WR)); return }
            if !send(destination, Array(buffer[0..<n])) { return }
        }
    }

    @discardableResult
    private static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private static func connect(_ host: String, _ port: UInt16) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 { close(fd); return -1 }
        return fd
    }

    /// The head (without its blank line) and whatever followed it.
    private static func readHead(_ fd: Int32) -> (String, [UInt8])? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        while buffer.count < 64 * 1024 {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return nil }
            buffer += chunk[0..<n]
            if let end = buffer.indices.dropLast(3).first(where: { Array(buffer[$0..<($0 + 4)]) == separator }) {
                return (String(decoding: buffer[0..<end], as: UTF8.self), Array(buffer[(end + 4)...]))
            }
        }
        return nil
    }
}
