/// "Did you mean …?": the known name closest to a misspelt one (STYLE habit 3).
public enum NearestName {
    /// The candidate within a small edit distance of `name` (case-insensitive), or nil when none is close.
    public static func find(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for c in candidates {
            let d = distance(target, Array(c.lowercased()))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        let allowed = max(1, min(3, target.count / 3))
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

    /// Damerau–Levenshtein (optimal string alignment) distance.
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
