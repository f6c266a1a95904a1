#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard output and error: results on standard output, diagnostics on standard error; colour on a
/// terminal, never with `NO_COLOR`, always with `FORCE_COLOR`; ASCII glyphs with `--ascii` or a non-UTF-8 locale.
enum Console {
    /// Writes a line to standard output (unbuffered: progress and results interleave correctly with errors).
    /// When a report goes to standard output (`--markdown -`), these lines go to standard error instead.
    static func out(_ s: String) { write(stdoutTakenByReport ? 2 : 1, s + "\n") }
    static func err(_ s: String) { write(2, s + "\n") }
    /// Writes to standard error without a newline (the progress line rewrites itself with `\r`).
    static func errRaw(_ s: String) { write(2, s) }
    /// Writes a report's text to standard output as is (`--junit -`): never transliterated, never painted.
    static func report(_ s: String) { writeBytes(1, Array(s.utf8)) }

    /// Set when a report flag is `-`: standard output then carries only that report.
    nonisolated(unsafe) static var stdoutTakenByReport = false
    /// `--ascii`, or a locale that is not UTF-8: the glyphs below print as ASCII.
    nonisolated(unsafe) static var ascii = localeIsNotUTF8(ProcessInfo.processInfo.environment)

    /// The glyphs Conform prints and their ASCII stand-ins.
    static let asciiGlyphs: [(String, String)] = [("✔", "+"), ("✘", "x"), ("›", ">"), ("→", "->"), ("…", "..."),
                                                  ("—", "-"), ("–", "-"), ("⚠", "!"), ("·", "-"), ("×", "x"), ("≥", ">="), ("≤", "<=")]

    /// `text` with every glyph of `asciiGlyphs` replaced by its stand-in.
    static func asciified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var out = text
        for (glyph, stand) in asciiGlyphs { out = out.replacingOccurrences(of: glyph, with: stand) }
        return out
    }

    /// True when the effective locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) is set and names no UTF-8
    /// charset (`C`, `POSIX`, `en_US.ISO-8859-1`). Unset means UTF-8: what CI logs and terminals use today.
    static func localeIsNotUTF8(_ environment: [String: String]) -> Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return false }
        let lower = locale.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }

    /// Streams whose reader went away (EPIPE): nothing more is written there, and the run goes on.
    nonisolated(unsafe) private static var closed: Set<Int32> = []
    private static let closedLock = NSLock()

    private static func write(_ fd: Int32, _ s: String) { writeBytes(fd, Array((ascii ? asciified(s) : s).utf8)) }

    private static func writeBytes(_ fd: Int32, _ bytes: [UInt8]) {
        guard !closedLock.withLock({ closed.contains(fd) }) else { return }
        var bytes = bytes
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
    /// `NO_COLOR` (set, not empty) wins; then `FORCE_COLOR` (set, not empty, not `0`); else whether the
    /// stream the lines go to is a terminal.
    static var colorEnabled: Bool {
        if let v = getenv("NO_COLOR"), v.pointee != 0 { return false }
        if let v = getenv("FORCE_COLOR"), v.pointee != 0, String(cString: v) != "0" { return true }
        return isatty(stdoutTakenByReport ? 2 : 1) == 1
    }

    enum Color: String { case red = "31", green = "32", yellow = "33", dim = "2", bold = "1" }
    static func paint(_ s: String, _ c: Color) -> String { colorEnabled ? "\u{1B}[\(c.rawValue)m\(s)\u{1B}[0m" : s }
}
