import ConformCore

/// One file of a specification as read from disk: its bytes, the value it holds and where every node sits.
///
/// For a Markdown page the value is the fenced block's, but offsets are the page's own, so a location
/// points at the page's real line (`seeds/x.openapi.txt:204:5`).
public struct SpecFile: Sendable {
    /// The path as the user gave it, or as reached through a relative `$ref` (for messages and citations).
    public let path: String
    public let source: SourceFile
    public let value: JSONValue
    public let locations: JSONLocations

    /// Where every line starts: a citation is a binary search, not a scan from the top (an import cites
    /// thousands of nodes of a 3 MB document).
    let lines: LineStarts

    public init(path: String, source: SourceFile, value: JSONValue, locations: JSONLocations) {
        self.path = path; self.source = source; self.value = value; self.locations = locations
        lines = LineStarts(source.bytes)
    }

    /// `file:line:col` of the node at `pointer` (of its key when it is an object member); the same
    /// position `SourceFile.location(of:)` gives.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        let l = source.location(of: locations.offset(of: pointer, preferKey: true), lines: lines)
        return SourceLocation(path: l.path, line: l.line, column: l.column)
    }

    /// The 1-based line of the node at `pointer`.
    public func line(of pointer: JSONPointer) -> Int { location(of: pointer).line }
}
