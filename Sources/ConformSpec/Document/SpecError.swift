import ConformCore

/// A document that cannot be read or used, positioned in the file that holds the culprit:
/// `spec.yaml:57:11: error: $ref "#/components/schemas/Modle" does not resolve (at /paths/~1models/get/...)`
/// followed by the source line and a caret.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// `file:line:col: error: …`, the line and a caret; just `file: error: …` when no position is known.
    public let rendered: String

    public init(message: String, rendered: String) { self.message = message; self.rendered = rendered }

    /// An error at a byte offset of a file.
    public init(_ message: String, in source: SourceFile, at offset: Int) {
        self.message = message
        self.rendered = source.render(message: message, at: offset)
    }

    /// An error at a node of a loaded file, naming its JSON Pointer.
    public init(_ message: String, in file: SpecFile, at pointer: JSONPointer) {
        let text = message + (pointer.tokens.isEmpty ? "" : " (at \(pointer))")
        self.message = text
        self.rendered = file.source.render(message: text, at: file.locations.offset(of: pointer, preferKey: true))
    }

    /// An error about a whole file (it cannot be read).
    public init(_ message: String, path: String) {
        self.message = message
        self.rendered = "\(path): error: \(message)"
    }

    public var description: String { rendered }
}
