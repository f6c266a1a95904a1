import ConformCore

/// A baseline file that cannot be used: what is wrong, at which JSON Pointer and byte offset.
public struct BaselineFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// JSON Pointer of the offending value (empty for the whole file).
    public var pointer: String
    /// Byte offset in the file, when the error is in its text.
    public var offset: Int?

    /// An error at `pointer` (and `offset`, when known).
    public init(_ message: String, pointer: String = "", offset: Int? = nil) {
        self.message = message; self.pointer = pointer; self.offset = offset
    }

    public var description: String { (pointer.isEmpty ? "" : "at \(pointer): ") + message }

    /// `file:line:col: error: message (at /entries/0/reason)`, the source line and a caret; or `file: error: …`.
    public func rendered(in source: SourceFile) -> String {
        let text = message + (pointer.isEmpty ? "" : " (at \(pointer))")
        guard let offset else { return "\(source.path): error: \(text)" }
        return source.render(message: text, at: offset)
    }
}
