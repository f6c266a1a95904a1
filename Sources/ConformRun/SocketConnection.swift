import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The bytes of one connection, plain (`SocketConnection`) or encrypted (`TLSStream`): what `ResponseReader`
/// reads, so http and https share one reader, one body cap and one deadline.
package protocol ByteStream: AnyObject {
    /// Sends every byte.
    func write(_ bytes: [UInt8]) throws(SocketConnection.Failure)
    /// Up to `limit` bytes; an empty array at end of stream.
    func read(upTo limit: Int) throws(SocketConnection.Failure) -> [UInt8]
}

/// One TCP connection with a deadline on every operation, for `SocketTransport`.
///
/// Blocking work is done in short `poll` slices so that both the request's deadline and cancellation
/// (`CancelFlag`) are noticed within ≈ 50 ms. Reads happen only when the caller asks for more, which is what
/// bounds memory: a server streaming 100 MiB waits in its socket buffer once the body passes the cap.
package final class SocketConnection: ByteStream {
    /// Why an operation stopped.
    package enum Failure: Error, Equatable {
        case refused, unresolvable, timedOut, cancelled, closed
        case system(String)
        /// The TLS handshake or a TLS record failed; the text says why (OpenSSL's reason, or the certificate problem).
        case tls(String)

        /// What happened, in a few words (`connection refused`).
        var phrase: String {
            switch self {
            case .refused: return "connection refused"
            case .unresolvable: return "cannot resolve the host"
            case .timedOut: return "timed out"
            case .cancelled: return "cancelled"
            case .closed: return "the connection closed"
            case .system(let message): return message
            case .tls(let reason): return "TLS failed: \(reason)"
            }
        }
    }

    let fd: Int32
    private let deadline: ContinuousClock.Instant
    private let cancel: CancelFlag

    private init(fd: Int32, deadline: ContinuousClock.Instant, cancel: CancelFlag) {
        self.fd = fd; self.deadline = deadline; self.cancel = cancel
    }

    deinit { close(fd) }

    /// Resolves `host` and connects to the first address that accepts.
    static func open(host: String, port: Int, deadline: ContinuousClock.Instant, cancel: CancelFlag) throws(Failure) -> SocketConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bare, String(port), &hints, &list) == 0, let first = list else { throw .unresolvable }
        defer { freeaddrinfo(list) }
        var failure = Failure.refused
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let info = entry {
            entry = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd < 0 { continue }
            let connection = SocketConnection(fd: fd, deadline: deadline, cancel: cancel)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else { failure = errno == ECONNREFUSED ? .refused : .system(String(cString: strerror(errno))); continue }
            do { try connection.wait(for: Int16(POLLOUT)) } catch {
                switch error {
                case .timedOut, .cancelled: throw error
                default: failure = error; continue
                }
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return connection }
            failure = code == ECONNREFUSED ? .refused : .system(String(cString: strerror(code)))
        }
        throw failure
    }

    /// Sends every byte.
    package func write(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { try wait(for: Int16(POLLOUT)); continue }
            throw .closed
        }
    }

    /// Up to `limit` bytes; an empty array at end of stream. The array holds exactly what was read: a short
    /// read kept in its `limit`-sized buffer would make a body that trickles in cost many times its size.
    package func read(upTo limit: Int = 64 << 10) throws(Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, limit, 0) }
            if n > 0 { return n == limit ? buffer : Array(buffer[..<n]) }
            if n == 0 { return [] }
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { try wait(for: Int16(POLLIN)); continue }
            if errno == ECONNRESET { throw .closed }
            throw .system(String(cString: strerror(errno)))
        }
    }

    /// Waits until the socket is ready for `events`, in slices so cancellation and the deadline are seen.
    func wait(for events: Int16) throws(Failure) {
        while true {
            if cancel.isSet { throw .cancelled }
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw .timedOut }
            let slice = min(50, max(1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, slice)
            if ready > 0 {
                if entry.revents & Int16(POLLOUT) != 0 || entry.revents & Int16(POLLIN) != 0 { return }
                if entry.revents & Int16(POLLERR | POLLHUP) != 0 { return }  // the next call reports the error
                return
            }
            if ready < 0, errno != EINTR { throw .system(String(cString: strerror(errno))) }
        }
    }
}

/// Set once to stop a request's blocking work (Swift task cancellation).
final class CancelFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    var isSet: Bool { lock.withLock { set } }
    func raise() { lock.withLock { set = true } }
}
