import Foundation

/// Compiled patterns by source, shared by every caller (schema `pattern`, `patternProperties`,
/// `matches()`, the loader): a pattern is parsed and compiled once per process, not per item.
public final class RegexProgramCache: @unchecked Sendable {
    /// The process-wide cache.
    public static let shared = RegexProgramCache()
    /// Patterns are few (they come from suite files); the bound only stops a runaway dynamic pattern.
    static let capacity = 512

    private let lock = NSLock()
    private var programs: [String: Result<RegexProgram, RegexSyntaxError>] = [:]

    /// The compiled pattern, or why it is refused.
    public func program(_ pattern: String) -> Result<RegexProgram, RegexSyntaxError> {
        lock.lock()
        if let p = programs[pattern] { lock.unlock(); return p }
        lock.unlock()
        let result: Result<RegexProgram, RegexSyntaxError>
        do { result = .success(try RegexProgram(pattern)) } catch { result = .failure(error) }
        lock.lock()
        defer { lock.unlock() }
        if programs.count >= Self.capacity { programs.removeAll() }
        programs[pattern] = result
        return result
    }
}
