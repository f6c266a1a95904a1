import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the test server read it off the socket.
struct RawRequest: Sendable {
    var method: String
    var target: String
    /// Header lines in order, names as sent.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
}

/// One accepted connection; the handler writes whatever bytes it likes, hostile ones included.
final class LoopbackConnection: @unchecked Sendable {
    let fd: Int32
    init(fd: Int32) { self.fd = fd }

    /// Writes all bytes; false once the peer has gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// A whole response with Content-Length and `Connection: close`.
    @discardableResult
    func respond(status: Int, headers: [(String, String)] = [], body: String = "") -> Bool {
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        return write(head + body)
    }
}

/// A test-only HTTP/1.1 server on 127.0.0.1 over raw Glibc sockets: a thread per connection, one request per
/// connection, and a handler that writes raw bytes — so tests can misbehave in ways a real server will not
/// (never answer, close mid-body, stream 100 MiB, redirect anywhere).
final class LoopbackServer: @unchecked Sendable {
    typealias Handler = @Sendable (RawRequest, LoopbackConnection) -> Void

    let port: UInt16
    private let listener: Int32
    private let handler: Handler
    private let lock = NSLock()
    private var received: [RawRequest] = []
    private var open: Set<Int32> = []
    private var stopped = false

    init(handler: @escaping Handler) throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Self.listen()
        self.listener = fd
        self.port = port
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests read so far, in arrival order.
    var requests: [RawRequest] { lock.withLock { received } }

    /// Whether the handler should keep a connection hanging.
    var isStopped: Bool { lock.withLock { stopped } }

    func stop() {
        let fds: [Int32] = lock.withLock {
            guard !stopped else { return [] }
            stopped = true
            return [listener] + Array(open)
        }
        // Only shut down here: each fd is closed by the thread that uses it. Closing the listener under the
        // accept thread would let it accept on whatever socket reuses the number next — another test's server.
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    /// A port that refuses connections: bound, then closed again.
    static func refusingPort() throws -> UInt16 {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    private static func listen() throws -> (Int32, UInt16) {
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
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let accepted: Bool = lock.withLock {
                if stopped { return false }
                open.insert(client)
                return true
            }
            guard accepted else { close(client); return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.withLock { _ = open.remove(fd) }
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
        guard let request = Self.read(fd) else {
            // What a plain HTTP server says to anything that is not HTTP (a TLS ClientHello, say).
            LoopbackConnection(fd: fd).respond(status: 400, body: "bad request")
            return
        }
        lock.withLock { received.append(request) }
        handler(request, LoopbackConnection(fd: fd))
    }

    /// Reads one request head and its Content-Length body.
    private static func read(_ fd: Int32) -> RawRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
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
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            body.append(contentsOf: chunk[0..<n])
        }
        return RawRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}
