/// Why a pattern is refused: a construct outside the supported subset, one that cannot be matched in
/// linear time (backreferences, lookaround), or plain bad syntax. `offset` is the UTF-8 byte offset of
/// the culprit inside the pattern, for a caret.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, without the position (`backreference \1 cannot be matched in linear time`).
    public var message: String
    /// UTF-8 byte offset of the culprit inside the pattern.
    public var offset: Int

    /// A refusal at `offset`.
    public init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }

    /// The message, where in the pattern, and the supported subset.
    public var description: String { "\(message) (pattern byte \(offset + 1)); \(Self.supported)" }

    /// The subset, in one line, for error messages and docs/regex.md.
    public static let supported = "supported: literals, escapes \\d \\D \\w \\W \\s \\S \\b \\B \\t \\n \\r \\f \\v \\0 \\cX \\xHH \\uHHHH "
        + "\\p{…} \\P{…} (General_Category names) and escaped punctuation, '.', classes [a-z] [^…], anchors ^ $, groups ( ) (?: ) (?<name> ), alternation |, "
        + "quantifiers * + ? {n} {n,} {n,m} (counts up to \(RegexParser.maxCount)) and their lazy forms"
}

extension RegexSyntaxError {
    /// `regex "(a)\1" is refused: backreference \1 …, at character 4; supported: …` — for messages
    /// that may be shown without a caret.
    public func explained(in pattern: String) -> String {
        "regex \(JSONWriter.quote(pattern)) is refused: \(message), at character \(column(in: pattern)); \(Self.supported)"
    }

    /// The 1-based position of the culprit in Unicode scalars.
    public func column(in pattern: String) -> Int {
        var bytes = 0, column = 1
        for s in pattern.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(s); column += 1
        }
        return column
    }
}
