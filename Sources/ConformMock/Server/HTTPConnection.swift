import ConformCore
#if canImport(Glibc)
import Glibc
#endif

/// One client connection, served on its own thread until either side closes it.
///
/// Reads block with a short `SO_RCVTIMEO` tick so a request costs one `recv` and one `send`, while idle and
/// slow-client deadlines and `stop()` are still noticed within a tick. The head deadline is also checked after
/// every read, so a client that trickles bytes (bare CRLFs or a header that never ends) cannot extend it.
/// Sends block (up to `sendTimeout`), and nothing more is read or parsed while they do: that is the
/// back-pressure on a client that pipelines requests and does not read the answers.
struct HTTPConnection {
    let fd: Int32
    let id: Int
    let server: HTTPServer
    private static let tickMilliseconds = 200

    init(fd: Int32, id: Int, server: HTTPServer) {
        self.fd = fd
        self.id = id
        self.server = server
        var tick = timeval(tv_sec: 0, tv_usec: Self.tickMilliseconds * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        // A client that never reads must not hold the thread forever.
        let limit = max(0.001, min(server.sendTimeout, 86_400))
        var sendLimit = timeval(tv_sec: Int(limit), tv_usec: Int((limit - limit.rounded(.down)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, socklen_t(MemoryLayout<timeval>.size))
    }

    func run() {
        var writer = HTTPResponseWriter()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        var chunk = [UInt8](repeating: 0, count: 16384)
        var idleSince = Socket.nowMilliseconds()
        // When the request being received began: its first byte, or the previous response when its bytes were
        // already waiting. Nil while idle.
        var requestStarted: Int?
        while true {
            var out: [UInt8] = []
            var start = 0
            var refused = false
            var closeAfter = false
            parsing: while start < buffer.count {
                switch HTTPRequestParser.parse(buffer, from: start, maxHeadBytes: server.maxHeadBytes) {
                case .incomplete:
                    break parsing
                case .refuse(let status, let message):
                    writer.append(.text(status, message + "\n"), headOnly: false, close: true, to: &out)
                    refused = true
                    closeAfter = true
                    break parsing
                case .request(let request, let consumed, let keepAlive):
                    start += consumed
                    if !answer(request, keepAlive: keepAlive, writer: &writer, out: &out) {
                        closeAfter = true
                        break parsing
                    }
                    // Back-pressure: write out (blocking) before parsing further pipelined requests.
                    if out.count >= server.maxPendingOutput {
                        guard flush(&out) else { return }
                    }
                }
            }
            if !out.isEmpty, !flush(&out) { return }
            if refused { return lingeringClose() }
            if closeAfter { return }
            let now = Socket.nowMilliseconds()
            if start > 0 {
                if start >= buffer.count { buffer.removeAll(keepingCapacity: true) } else { buffer.removeFirst(start) }
                if buffer.isEmpty {
                    requestStarted = nil
                    idleSince = now
                    server.markConnection(id, idle: true)
                } else {
                    requestStarted = now
                }
            }
            if let began = requestStarted, Double(now - began) >= server.headTimeout * 1000 { return timedOut(&writer) }
            // Wait for more bytes, minding the deadlines.
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    buffer.append(contentsOf: chunk[0..<n])
                    if requestStarted == nil {
                        requestStarted = Socket.nowMilliseconds()
                        server.markConnection(id, idle: false)
                    }
                    break
                }
                if n == 0 { return }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return }
                if server.isStopping { return }
                let now = Socket.nowMilliseconds()
                if let began = requestStarted {
                    if Double(now - began) >= server.headTimeout * 1000 { return timedOut(&writer) }
                } else if Double(now - idleSince) >= server.idleTimeout * 1000 {
                    return
                }
            }
        }
    }

    /// Sends `out` and empties it, recording its size for `peakPendingOutput`; false when the client is gone.
    private func flush(_ out: inout [UInt8]) -> Bool {
        server.notePendingOutput(out.count)
        defer { out.removeAll(keepingCapacity: true) }
        return Socket.sendAll(fd, out)
    }

    /// Answers 408 to a request not completed within `headTimeout`.
    private func timedOut(_ writer: inout HTTPResponseWriter) {
        var timeout: [UInt8] = []
        writer.append(.text(408, "request not completed in time\n"), headOnly: false, close: true, to: &timeout)
        guard Socket.sendAll(fd, timeout) else { return }
        lingeringClose()
    }

    /// After a refusal, stops sending and discards what the client still sends (up to 1 s and 1 MiB) before
    /// the socket is closed: closing with unread bytes would send a reset that can destroy the refusal before
    /// the client reads it (RFC 9112 §9.6).
    private func lingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        var chunk = [UInt8](repeating: 0, count: 16384)
        let end = Socket.nowMilliseconds() + 1000
        var discarded = 0
        while discarded < 1 << 20, Socket.nowMilliseconds() < end, !server.isStopping {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { discarded += n; continue }
            if n == 0 { return }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return }
        }
    }

    /// Runs the handler and renders its reply into `out`; false when the connection must close afterwards.
    private func answer(_ request: HTTPServerRequest, keepAlive: Bool, writer: inout HTTPResponseWriter, out: inout [UInt8]) -> Bool {
        let headOnly = request.method == "HEAD"
        switch server.handler(request) {
        case .response(let response):
            let close = !keepAlive || wantsClose(response)
            writer.append(response, headOnly: headOnly, close: close, to: &out)
            return !close
        case .delayed(let seconds, let response):
            if !out.isEmpty { guard flush(&out) else { return false } }
            guard pause(seconds) else { return false }
            let close = !keepAlive || wantsClose(response)
            writer.append(response, headOnly: headOnly, close: close, to: &out)
            return !close
        case .raw(let bytes, let close):
            out.append(contentsOf: bytes)
            return !close
        case .stall(let seconds):
            if !out.isEmpty { _ = Socket.sendAll(fd, out); out.removeAll() }
            _ = pause(seconds)
            return false
        case .closeImmediately:
            return false
        }
    }

    private func wantsClose(_ response: HTTPServerResponse) -> Bool {
        response.headers.contains { $0.name.caseInsensitiveEquals("connection") && $0.value.lowercased().contains("close") }
    }

    /// Sleeps in small steps; false when the server stopped meanwhile.
    private func pause(_ seconds: Double) -> Bool {
        let end = Socket.nowMilliseconds() + Int(max(0, min(seconds, 86_400)) * 1000)
        while Socket.nowMilliseconds() < end {
            if server.isStopping { return false }
            usleep(UInt32(min(50, max(1, end - Socket.nowMilliseconds()))) * 1000)
        }
        return !server.isStopping
    }
}
