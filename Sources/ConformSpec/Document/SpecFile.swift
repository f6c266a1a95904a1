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

    /// Byte offset of the start of every line: a citation is a binary search, not a scan from the top
    /// (an import cites thousands of nodes of a 3 MB document).
    let lineStarts: [Int]

    public init(path: String, source: SourceFile, value: JSONValue, locations: JSONLocations) {
        self.path = path; self.source = source; self.value = value; self.locations = locations
        var starts = [0]
        for (i, b) in source.bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// `file:line:col` of the node at `pointer` (of its key when it is an object member); the same
    /// position `SourceFile.location(of:)` gives.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        let offset = max(0, min(locations.offset(of: pointer, preferKey: true), source.bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        for b in source.bytes[lineStarts[lo]..<offset] where (b & 0xC0) != 0x80 { column += 1 }
        return SourceLocation(path: source.path, line: lo + 1, column: column)
    }

    /// The 1-based line of the node at `pointer`.
    public func line(of pointer: JSONPointer) -> Int { location(of: pointer).line }
}
