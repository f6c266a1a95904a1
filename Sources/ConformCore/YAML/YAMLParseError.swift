/// Malformed YAML (or YAML that cannot become JSON): what is wrong and the byte offset where it was found.
public struct YAMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }

    public var description: String { "\(message) (at byte \(offset))" }

    /// `file:line:col: error: …` with the source line and a caret.
    public func rendered(in source: SourceFile) -> String { source.render(message: message, at: offset) }
}
