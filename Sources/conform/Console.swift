#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard output and error, with colour only on a terminal and never when `NO_COLOR` is set.
enum Console {
    /// Writes a line to standard output (unbuffered: progress and results interleave correctly with errors).
    static func out(_ s: String) { write(1, s + "\n") }
    static func err(_ s: String) { write(2, s + "\n") }
    /// Writes to standard error without a newline (the progress line rewrites itself with `\r`).
    static func errRaw(_ s: String) { write(2, s) }

    /// Streams whose reader went away (EPIPE): nothing more is written there, and the run goes on.
    nonisolated(unsafe) private static var closed: Set<Int32> = []
    private static let closedLock = NSLock()

    private static func write(_ fd: Int32, _ s: String) {
        guard !closedLock.withLock({ closed.contains(fd) }) else { return }
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if errno == EPIPE { _ = closedLock.withLock { closed.insert(fd) } }
                return
            }
            offset += n
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var colorEnabled: Bool {
        if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
        return stdoutIsTerminal
    }

    enum Color: String { case red = "31", green = "32", yellow = "33", dim = "2", bold = "1" }
    static func paint(_ s: String, _ c: Color) -> String { colorEnabled ? "\u{1B}[\(c.rawValue)m\(s)\u{1B}[0m" : s }
}
