import ConformCore

/// Percent-decoding of paths and WHATWG `application/x-www-form-urlencoded` queries.
enum PercentDecoding {
    /// Decodes `%XX` (invalid sequences stay as they are); `+` becomes a space when `plusIsSpace`: the one
    /// implementation in ConformCore (`PercentCoding`), shared with the client.
    static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool) -> String {
        PercentCoding.decode(text, plusIsSpace: plusIsSpace)
    }

    /// `a=1&b=x+y&c` → `[("a","1"), ("b","x y"), ("c","")]`; empty pieces are skipped.
    static func formPairs<S: StringProtocol>(_ query: S) -> [(String, String)] {
        guard !query.isEmpty else { return [] }
        var pairs: [(String, String)] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            if let eq = piece.firstIndex(of: "=") {
                pairs.append((decode(piece[..<eq], plusIsSpace: true), decode(piece[piece.index(after: eq)...], plusIsSpace: true)))
            } else {
                pairs.append((decode(piece, plusIsSpace: true), ""))
            }
        }
        return pairs
    }

}
