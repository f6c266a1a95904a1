import Foundation

/// Compiled regular expressions by pattern, shared across evaluations (a walk evaluates one per page).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    /// Patterns are few (they come from suite files); the bound only stops a runaway dynamic pattern.
    static let capacity = 256

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    /// The compiled regex, or the reason it does not compile.
    func regex(_ pattern: String) -> Result<NSRegularExpression, RegexCompileError> {
        lock.lock()
        defer { lock.unlock() }
        if let r = compiled[pattern] { return .success(r) }
        do {
            let r = try NSRegularExpression(pattern: pattern)
            if compiled.count >= Self.capacity { compiled.removeAll() }
            compiled[pattern] = r
            return .success(r)
        } catch {
            return .failure(RegexCompileError(message: "it does not compile"))
        }
    }

    /// True when the regex matches anywhere in `s` (anchor with `^…$` for a whole-string match).
    static func search(_ regex: NSRegularExpression, in s: String) -> Bool {
        regex.firstMatch(in: s, range: NSRange(s.startIndex..<s.endIndex, in: s)) != nil
    }
}

/// Why a pattern did not compile.
struct RegexCompileError: Error {
    var message: String
}
