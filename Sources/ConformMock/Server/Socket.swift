#if canImport(Glibc)
import Glibc
#endif

/// Thin, non-throwing wrappers over the Glibc socket calls the server needs.
enum Socket {
    /// Sends every byte (retrying partial writes and EINTR); false when the peer is gone.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(fd, base + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n > 0 { sent += n; continue }
            if n < 0, errno == EINTR { continue }
            return false
        }
        return true
    }

    /// Waits until `fd` is readable or `milliseconds` pass; true when readable (or hung up).
    static func waitReadable(_ fd: Int32, milliseconds: Int) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let r = poll(&p, 1, Int32(clamping: max(0, milliseconds)))
            if r < 0, errno == EINTR { continue }
            return r > 0
        }
    }

    /// Milliseconds on the monotonic clock.
    static func nowMilliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    /// A socket error with the failing call and `strerror`.
    static func error(_ call: String) -> HTTPServerError {
        HTTPServerError(message: "\(call): \(String(cString: strerror(errno)))")
    }
}

/// Why the server could not start (bind, listen, address).
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
