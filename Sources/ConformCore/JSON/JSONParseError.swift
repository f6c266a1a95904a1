/// Malformed JSON: what is wrong and the byte offset where it was found.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }

    public var description: String { "\(message) (at byte \(offset))" }

    /// `file:line:col: error: …` with the source line and a caret.
    public func rendered(in source: SourceFile) -> String { source.render(message: message, at: offset) }
}

/// Byte offsets of every value and member key in a parsed document, by JSON Pointer.
/// Recorded only on request (suite files), so response bodies parse at full speed.
public struct JSONLocations: Sendable {
    public var values: [JSONPointer: Int] = [:]
    public var keys: [JSONPointer: Int] = [:]
    public init() {}

    /// Offset of the key when the pointer names an object member, else of the value, else of the
    /// nearest ancestor that was recorded.
    public func offset(of pointer: JSONPointer, preferKey: Bool = false) -> Int {
        var p: JSONPointer? = pointer
        while let q = p {
            if preferKey, let k = keys[q] { return k }
            if let v = values[q] { return v }
            if let k = keys[q] { return k }
            p = q.parent
        }
        return 0
    }
}
