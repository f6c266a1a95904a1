/// A text file held as bytes, to turn byte offsets into 1-based `line:col` and show the culprit line.
///
/// Offsets are kept while parsing (cheap); lines and columns are computed only when an error is printed.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    public init(path: String, text: String) { self.path = path; self.bytes = Array(text.utf8) }

    /// 1-based line and column (column counts Unicode scalars, so a caret lines up under non-ASCII text).
    public func location(of offset: Int) -> SourceLocation {
        location(of: offset, lines: LineStarts(bytes))
    }

    /// As `location(of:)`, with the file's `LineStarts` computed once for many offsets.
    public func location(of offset: Int, lines: LineStarts) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        let (line, lineStart) = lines.line(containing: offset)
        var column = 1
        for b in bytes[lineStart..<offset] where (b & 0xC0) != 0x80 { column += 1 }
        return SourceLocation(path: path, line: line, column: column, lineStart: lineStart)
    }

    /// The text of the line that contains `offset`, without its newline.
    public func lineText(containing offset: Int) -> String {
        let loc = location(of: offset)
        var end = loc.lineStart
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") && bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[loc.lineStart..<end], as: UTF8.self)
    }

    /// `path:line:col: error: message`, the source line, and a caret under the column.
    public func render(message: String, at offset: Int, severity: String = "error") -> String {
        let loc = location(of: offset)
        let line = lineText(containing: offset).replacingOccurrences(of: "\t", with: " ")
        let caret = String(repeating: " ", count: max(0, loc.column - 1)) + "^"
        return "\(loc): \(severity): \(message)\n    \(line)\n    \(caret)"
    }
}

/// A 1-based position in a source file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    let lineStart: Int

    public var description: String { "\(path):\(line):\(column)" }

    /// A position computed elsewhere (a line index over a large file), for printing and comparing.
    public init(path: String, line: Int, column: Int) {
        self.init(path: path, line: line, column: column, lineStart: 0)
    }

    init(path: String, line: Int, column: Int, lineStart: Int) {
        self.path = path; self.line = line; self.column = column; self.lineStart = lineStart
    }
}
