/// One problem in a suite file: what is wrong, the JSON Pointer of the value concerned and its byte offset.
///
/// Rendered as `file:line:col: error: <what> (at /pointer)`, then the source line and a caret
/// (STYLE habit 1).
public struct SuiteLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Where in the suite document; nil for problems with the file itself (unreadable, not JSON).
    public var pointer: JSONPointer?
    /// Byte offset in the file; nil when the file could not be read.
    public var offset: Int?
    /// True when the source line may hold a secret (an `auth.env` that is not a variable name): the
    /// rendering then shows the position only, never the line.
    public var hidesSourceLine: Bool

    public init(_ message: String, pointer: JSONPointer?, offset: Int?, hidesSourceLine: Bool = false) {
        self.message = message; self.pointer = pointer; self.offset = offset; self.hidesSourceLine = hidesSourceLine
    }

    /// The message with its pointer appended (`… (at /operations/0/path)`); the root pointer is not shown.
    public var description: String {
        guard let pointer, !pointer.tokens.isEmpty else { return message }
        return "\(message) (at \(pointer))"
    }

    /// 1-based position in the file, when the problem has an offset.
    public func location(in source: SourceFile) -> SourceLocation? {
        offset.map { source.location(of: $0) }
    }

    /// `file:line:col: error: …` with the source line and a caret; `file: error: …` without an offset.
    public func rendered(in source: SourceFile) -> String {
        guard let offset else { return "\(source.path): error: \(description)" }
        if hidesSourceLine { return "\(source.location(of: offset)): error: \(description)" }
        return source.render(message: description, at: offset)
    }
}
