import ConformCore
#if canImport(Glibc)
import Glibc
#endif

/// One client connection, served on its own thread until either side closes it.
///
/// Reads block with a short `SO_RCVTIMEO` tick so a request costs one `recv` and one `send`, while idle and
/// slow-client deadlines and `stop()` are still noticed within a tick.
struct HTTPConnection {
    let fd: Int32
    let server: HTTPServer
    private static let tickMilliseconds = 200

    init(fd: Int32, server: HTTPServer) {
        self.fd = fd
        self.server = server
        var tick = timeval(tv_sec: 0, tv_usec: Self.tickMilliseconds * 1000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, socklen_t(MemoryLayout<timeval>.size))
        // A client that never reads must not hold the thread forever.
        var sendLimit = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendLimit, socklen_t(MemoryLayout<timeval>.size))
    }

    func run() {
        var writer = HTTPResponseWriter()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8192)
        var chunk = [UInt8](repeating: 0, count: 16384)
        var idleSince = Socket.nowMilliseconds()
        var requestStarted: Int?
        while true {
            var out: [UInt8] = []
            var start = 0
            var closeAfter = false
            parsing: while start < buffer.count {
                switch HTTPRequestParser.parse(buffer, from: start) {
                case .incomplete:
                    break parsing
                case .refuse(let status, let message):
                    writer.append(.text(status, message + "\n"), headOnly: false, close: true, to: &out)
                    closeAfter = true
                    break parsing
                case .request(let request, let consumed, let keepAlive):
                    start += consumed
                    requestStarted = nil
                    if !answer(request, keepAlive: keepAlive, writer: &writer, out: &out) {
                        closeAfter = true
                        break parsing
                    }
                }
            }
            if !out.isEmpty, !Socket.sendAll(fd, out) { return }
            if closeAfter { return }
            if start > 0 {
                if start >= buffer.count { buffer.removeAll(keepingCapacity: true) } else { buffer.removeFirst(start) }
                idleSince = Socket.nowMilliseconds()
            }
            // Wait for more bytes, minding the deadlines.
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 {
                    buffer.append(contentsOf: chunk[0..<n])
                    if requestStarted == nil { requestStarted = Socket.nowMilliseconds() }
                    break
                }
                if n == 0 { return }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return }
                if server.isStopping { return }
                let now = Socket.nowMilliseconds()
                if let began = requestStarted, !buffer.isEmpty {
                    if Double(now - began) >= server.headTimeout * 1000 {
                        var timeout: [UInt8] = []
                        writer.append(.text(408, "request not completed in time\n"), headOnly: false, close: true, to: &timeout)
                        _ = Socket.sendAll(fd, timeout)
                        return
                    }
                } else if Double(now - idleSince) >= server.idleTimeout * 1000 {
                    return
                }
            }
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
            if !out.isEmpty { guard Socket.sendAll(fd, out) else { return false }; out.removeAll() }
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
