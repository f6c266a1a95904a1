import Foundation

/// Makes outputs comparable across runs: ports, temporary paths, durations and timestamps replaced.
struct Normaliser {
    var replacements: [(String, String)]

    func text(_ s: String) -> String {
        var out = s
        for (from, to) in replacements.sorted(by: { $0.0.count > $1.0.count }) where !from.isEmpty {
            out = out.replacingOccurrences(of: from, with: to)
        }
        out = Self.replace(#"\b\d+ ms\b"#, in: out, with: "N ms")
        out = Self.replace(#"\b\d+\.\d+ s\b"#, in: out, with: "N s")
        return out
    }

    /// Reports also carry timestamps and second counts in table cells.
    func report(_ s: String) -> String {
        var out = text(s)
        out = Self.replace(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"#, in: out, with: "TIMESTAMP")
        out = Self.replace(#"\b\d+\.\d+ ?s\b"#, in: out, with: "N s")
        out = Self.replace(#"\| \d+\.\d+ \|"#, in: out, with: "| N |")
        return out
    }

    static func replace(_ pattern: String, in s: String, with template: String) -> String {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return s }
        return re.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }
}
