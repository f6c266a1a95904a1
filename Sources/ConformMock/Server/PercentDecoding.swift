import ConformCore

/// Percent-decoding of paths and WHATWG `application/x-www-form-urlencoded` queries.
enum PercentDecoding {
    /// Decodes `%XX` (invalid sequences stay as they are); `+` becomes a space when `plusIsSpace`.
    static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, let h = HexDigit.value(bytes[i + 1]), let l = HexDigit.value(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            }
            out.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
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
