import COpenSSL
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server read it off the socket.
public struct RawRequest: Sendable {
    public var method: String
    public var target: String
    /// Header lines in order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
}

/// One accepted connection; the handler writes whatever bytes it likes, hostile ones included — encrypted
/// when the server speaks TLS, so every hostile reply can be replayed over https.
public final class LoopbackConnection: @unchecked Sendable {
    public let fd: Int32
    /// The TLS session of this connection (nil for plain http).
    let ssl: OpaquePointer?
    init(fd: Int32, ssl: OpaquePointer? = nil) { self.fd = fd; self.ssl = ssl }

    /// Writes all bytes; false once the peer has gone.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        if let ssl {
            guard !bytes.isEmpty else { return true }
            var written = 0
            return bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) } == 1
        }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    public func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// A whole response with Content-Length and `Connection: close`.
    @discardableResult
    public func respond(status: Int, headers: [(String, String)] = [], body: String = "") -> Bool {
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        return write(head + body)
    }
}

/// A test-only HTTP/1.1 server on 127.0.0.1 over raw Glibc sockets — plain, or TLS with a certificate of the
/// test's own CA (`LoopbackTLS`): a thread per connection, one request per connection, and a handler that
/// writes raw bytes — so tests can misbehave in ways a real server will not (never answer, close mid-body or
/// mid-head, stream 100 MiB, redirect anywhere).
public final class LoopbackServer: @unchecked Sendable {
    public typealias Handler = @Sendable (RawRequest, LoopbackConnection) -> Void

    public let port: UInt16
    /// The TLS identity this server presents; nil for plain http.
    public let tls: LoopbackTLS?
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var received: [RawRequest] = []
    private var accepted = 0
    private var handshakeFailures = 0
    private var names: [String?] = []
    private var open: Set<Int32> = []
    private var stopped = false
    /// Until the accept thread closes the listener.
    private var listening = true

    public init(tls: LoopbackTLS? = nil, handler: @escaping Handler) throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Self.listen()
        self.listener = fd
        self.port = port
        self.tls = tls
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`, or `https://…` for a TLS server.
    public var baseURL: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    /// Requests read so far, in arrival order.
    public var requests: [RawRequest] { lock.withLock { received } }

    /// TCP connections accepted so far (a client that sent nothing still counts).
    public var connections: Int { lock.withLock { accepted } }

    /// TLS handshakes the client broke off (it did not trust this server's certificate, say).
    public var failedHandshakes: Int { lock.withLock { handshakeFailures } }

    /// The SNI host name of each completed TLS handshake (nil when the client sent none), in order.
    public var serverNames: [String?] { lock.withLock { names } }

    /// Whether the handler should keep a connection hanging.
    public var isStopped: Bool { lock.withLock { stopped } }

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

    /// A port that refuses connections: bound, then closed again.
    public static func refusingPort() throws -> UInt16 {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    static func listen() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        defer {
            lock.withLock { listening = false }
            close(listener)
        }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let admitted: Bool = lock.withLock {
                if stopped { return false }
                accepted += 1
                open.insert(client)
                return true
            }
            guard admitted else { close(client); return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        var ssl: OpaquePointer?
        defer {
            if let ssl {
                SSL_shutdown(ssl)  // close_notify: a clean end of the TLS stream
                SSL_free(ssl)
            }
            lock.withLock { _ = open.remove(fd) }
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
        if let tls, tls.handshake != .complete {
            var hello = [UInt8](repeating: 0, count: 4096)
            _ = recv(fd, &hello, hello.count, 0)
            if tls.handshake == .stall { while !isStopped { usleep(20_000) } }
            return
        }
        if let tls {
            ssl = tls.accept(fd)
            guard let session = ssl else { lock.withLock { handshakeFailures += 1 }; return }
            let name = SSL_get_servername(session, TLSEXT_NAMETYPE_host_name).map { String(cString: $0) }
            lock.withLock { names.append(name) }
        }
        let connection = LoopbackConnection(fd: fd, ssl: ssl)
        guard let request = Self.read(connection) else {
            // What a plain HTTP server says to anything that is not HTTP (a TLS ClientHello, say).
            connection.respond(status: 400, body: "bad request")
            return
        }
        lock.withLock { received.append(request) }
        handler(request, connection)
    }

    /// Reads one request head and its Content-Length body.
    private static func read(_ connection: LoopbackConnection) -> RawRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            let n = connection.receive(into: &chunk)
            if n <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<n])
            if let first = buffer.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) { return nil }
            if buffer.count > 1 << 20 { return nil }
            headEnd = buffer.indices.dropLast(3).first { Array(buffer[$0..<($0 + 4)]) == separator }
        }
        guard let end = headEnd else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(buffer[(end + 4)...])
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while body.count < length {
            let n = connection.receive(into: &chunk)
            if n <= 0 { break }
            body.append(contentsOf: chunk[0..<n])
        }
        return RawRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}

extension LoopbackConnection {
    /// Up to `buffer.count` bytes into `buffer`; 0 at end of stream, negative on error.
    func receive(into buffer: inout [UInt8]) -> Int {
        let count = buffer.count
        if let ssl {
            var got = 0
            return buffer.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, count, &got) } == 1 ? got : 0
        }
        return buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, count, 0) }
    }
}
