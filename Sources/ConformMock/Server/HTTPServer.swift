import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on Glibc sockets: one thread per connection, keep-alive, pipelining.
///
/// Measured (FACTS.md) to outrun nginx on two cores; Dispatch-per-connection starves once a few keep-alive
/// connections sit idle, so each connection owns a thread that ends when the connection ends.
/// Refusals: malformed request line 400, header block over `maxHeadBytes` 431 (empty lines before the request
/// line count, and more than a few are refused 400), body on GET 400, unsupported version 505, chunked request
/// body 501, head not complete within `headTimeout` 408 — each answered with `Connection: close` and closed.
/// Idle keep-alive connections close silently after `idleTimeout`; at `maxConnections` the connection idle the
/// longest is closed to admit a new one. A connection's unsent responses are written out before more of its
/// pipelined requests are read once they reach `maxPendingOutput`, so a client that does not read is not
/// buffered for.
public final class HTTPServer: @unchecked Sendable {
    /// The address listened on (`127.0.0.1`, `::1`).
    public let host: String
    /// The bound port (the one the kernel chose when created with port 0).
    public private(set) var port: UInt16
    /// Open connections at most. A new one beyond this closes the connection idle the longest (one with a request
    /// in progress is not idle); when none is idle, it is answered 503 and closed.
    public var maxConnections = 512
    /// Seconds a client gets to send a complete request head (and body), counted from its first byte, or from
    /// the previous response when pipelined bytes are already waiting; empty lines do not restart it.
    public var headTimeout: Double = 10
    /// Seconds an idle keep-alive connection is kept.
    public var idleTimeout: Double = 15
    /// Largest request head in bytes, empty lines before the request line included; larger is answered 431.
    public var maxHeadBytes = HTTPRequestParser.defaultMaxHeadBytes
    /// Bytes of responses a connection may hold unsent: past this, they are written out (blocking while the
    /// client does not read) before more of its pipelined requests are parsed or read. One response larger than
    /// this is still rendered whole.
    public var maxPendingOutput = 1 << 20
    /// Seconds a send may block on a client that does not read before the connection is closed.
    public var sendTimeout: Double = 30

    /// The largest unsent output any connection held at once, in bytes (for tests of `maxPendingOutput`).
    var peakPendingOutput: Int {
        state.lock(); defer { state.unlock() }
        return peakPending
    }

    /// Connections open now, and how many of them are idle (for tests of `maxConnections`).
    var connectionCounts: (open: Int, idle: Int) {
        state.lock(); defer { state.unlock() }
        return (connections.count, connections.values.count { $0.idleSince != nil })
    }

    let handler: @Sendable (HTTPServerRequest) -> HTTPServerReply
    private var listenFD: Int32
    private let state = NSCondition()
    /// Open connections: the socket, and since when the connection is idle (nil while a request is in progress).
    private var connections: [Int: (fd: Int32, idleSince: Int?)] = [:]
    private var peakPending = 0
    private var nextConnectionID = 0
    private var liveThreads = 0
    private var stopping = false
    private var started = false
    private var closed = false
    private var acceptEnded = false

    /// `http://127.0.0.1:PORT` (IPv6 hosts in brackets).
    public var baseURL: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// Binds and listens at once (so `port` is known); serving begins with `start()`.
    public init(host: String = "127.0.0.1", port: UInt16 = 0,
                handler: @escaping @Sendable (HTTPServerRequest) -> HTTPServerReply) throws {
        signal(SIGPIPE, SIG_IGN)
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.handler = handler
        let (fd, bound) = try Self.listen(host: self.host, port: port)
        self.listenFD = fd
        self.port = bound
    }

    deinit {
        if !closed, listenFD >= 0 { close(listenFD) }
    }

    /// Starts the accept thread.
    public func start() throws {
        state.lock()
        defer { state.unlock() }
        guard !started else { return }
        guard !stopping else { throw HTTPServerError(message: "server already stopped") }
        started = true
        liveThreads += 1
        let thread = Thread { [self] in
            acceptLoop()
            state.lock()
            liveThreads -= 1
            acceptEnded = true
            // stop() gave up waiting and left the listener to this thread (see there).
            if closed { close(listenFD) }
            state.broadcast()
            state.unlock()
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Closes the listener and every connection, waiting (up to 5 s) for their threads to end; the port is free after.
    public func stop() {
        state.lock()
        if closed { state.unlock(); return }
        stopping = true
        for entry in connections.values { shutdown(entry.fd, Int32(SHUT_RDWR)) }
        shutdown(listenFD, Int32(SHUT_RDWR))
        let deadline = Date().addingTimeInterval(5)
        while liveThreads > 0, state.wait(until: deadline) {}
        // Never close the listener under a live accept thread: it would accept on whatever socket reuses the
        // number next (another server's listener) and answer those clients with this server's handler.
        if !started || acceptEnded { close(listenFD) }
        closed = true
        state.unlock()
    }

    /// Whether `stop()` was called; long replies (`stall`, `delayed`) give up when it is.
    var isStopping: Bool {
        state.lock(); defer { state.unlock() }
        return stopping
    }

    private func acceptLoop() {
        while !isStopping {
            guard Socket.waitReadable(listenFD, milliseconds: 500) else { continue }
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                continue
            }
            // accept4 is not visible from Swift's Glibc module; a child process must not inherit the socket.
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            state.lock()
            if stopping { state.unlock(); close(fd); break }
            if connections.count >= maxConnections, !shedLongestIdle() {
                state.unlock()
                var writer = HTTPResponseWriter()
                var out: [UInt8] = []
                writer.append(.text(503, "too many connections\n"), headOnly: false, close: true, to: &out)
                _ = Socket.sendAll(fd, out)
                close(fd)
                continue
            }
            let id = nextConnectionID
            nextConnectionID += 1
            connections[id] = (fd, Socket.nowMilliseconds())
            liveThreads += 1
            state.unlock()
            let thread = Thread { [self] in
                HTTPConnection(fd: fd, id: id, server: self).run()
                state.lock()
                connections[id] = nil
                close(fd)
                liveThreads -= 1
                state.broadcast()
                state.unlock()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Closes the connection idle the longest to make room for a new one; false when every connection is busy.
    /// The caller holds `state`. The entry leaves `connections` at once; its thread ends on the shut-down socket
    /// and closes it (under `state`, so the number is never reused while still shut down from here).
    private func shedLongestIdle() -> Bool {
        var oldest: (id: Int, since: Int)?
        for (id, entry) in connections {
            guard let since = entry.idleSince else { continue }
            if oldest == nil || since < oldest!.since || (since == oldest!.since && id < oldest!.id) { oldest = (id, since) }
        }
        guard let victim = oldest, let entry = connections.removeValue(forKey: victim.id) else { return false }
        shutdown(entry.fd, Int32(SHUT_RDWR))
        return true
    }

    /// A connection's request began (`idle` false) or its last response went out with nothing left to parse.
    func markConnection(_ id: Int, idle: Bool) {
        state.lock()
        if connections[id] != nil { connections[id]!.idleSince = idle ? Socket.nowMilliseconds() : nil }
        state.unlock()
    }

    /// Records the unsent output a connection is about to write.
    func notePendingOutput(_ bytes: Int) {
        state.lock()
        if bytes > peakPending { peakPending = bytes }
        state.unlock()
    }

    private static func listen(host: String, port: UInt16) throws -> (Int32, UInt16) {
        let v6 = host.contains(":")
        let fd = socket(v6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Socket.error("socket") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        if v6 {
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &addr.sin6_addr) == 1 else { close(fd); throw HTTPServerError(message: "not an IP address: \(host)") }
            result = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { close(fd); throw HTTPServerError(message: "not an IP address: \(host)") }
            result = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard result == 0 else { let e = Socket.error("bind \(host):\(port)"); close(fd); throw e }
        guard Glibc.listen(fd, 1024) == 0 else { let e = Socket.error("listen"); close(fd); throw e }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let bound: UInt16 = withUnsafePointer(to: &storage) { p in
            v6 ? p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
               : p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        return (fd, bound)
    }
}
