/// "Did you mean …?": the known name closest to a misspelt one (STYLE habit 3).
///
/// Bounded in time and memory whatever a suite holds: names longer than `maxComparedLength` are never compared
/// (a 10-million-character key gets no hint instead of a 10⁷ × n distance table), and a candidate whose length
/// differs by more than the allowed distance is skipped without computing one.
public enum NearestName {
    /// The longest name (in UTF-8 bytes) compared at all; real keys and identifiers are far shorter.
    public static let maxComparedLength = 128

    /// The candidate within a small edit distance of `name` (case-insensitive), or nil when none is close.
    public static func find(_ name: String, in candidates: [String]) -> String? {
        guard isComparable(name) else { return nil }
        let target = Array(name.lowercased())
        let allowed = max(1, min(3, target.count / 3))
        var best: (String, Int)?
        for c in candidates where isComparable(c) {
            let lowered = c.lowercased()
            let prefixHint = target.count >= 3 && lowered.hasPrefix(String(target))
            let candidate = Array(lowered)
            // Too far apart in length to be within `allowed` edits, and not a prefix hint: no distance needed.
            if abs(candidate.count - target.count) > allowed && !prefixHint { continue }
            let d = distance(target, candidate)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        if d <= allowed { return candidate }
        // A prefix or containment is also a good hint (`lim` → `limit`).
        if target.count >= 3, candidate.lowercased().hasPrefix(String(target)) { return candidate }
        return nil
    }

    /// `; did you mean "x"?` or "" — ready to append to a message.
    public static func hint(_ name: String, in candidates: [String], quote: String = "\"") -> String {
        guard let n = find(name, in: candidates) else { return "" }
        return "; did you mean \(quote)\(n)\(quote)?"
    }

    /// Whether a name is short enough to be compared (O(1) for native strings: no copy, no scan).
    public static func isComparable(_ name: String) -> Bool { name.utf8.count <= maxComparedLength }

    /// Damerau–Levenshtein (optimal string alignment) distance. Callers keep both sides within
    /// `maxComparedLength` (`find` does), so the table stays small.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
