/// RFC 3986 reference resolution, enough for `$id` and `$ref`: `http:`, `file:`, `urn:` and relative paths.
///
/// Foundation's `URL(string:relativeTo:)` mangles `urn:` bases and empty fragments, so schemas resolve
/// their references with this small, predictable implementation instead.
public enum URIReference {
    /// The components of a URI reference; nil components are absent (not empty).
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...]); rest = rest[..<hash]
            }
            if let q = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: q)...]); rest = rest[..<q]
            }
            if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
                scheme = String(rest[..<colon]); rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end]); rest = rest[end...]
            }
            path = String(rest)
        }

        private static func isScheme(_ s: Substring) -> Bool {
            guard let first = s.first, first.isASCII, first.isLetter else { return false }
            return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// Resolves `reference` against the absolute `base` (RFC 3986 §5.2).
    public static func resolve(_ reference: String, against base: String) -> String {
        let r = Parts(reference)
        if r.scheme != nil { return withPath(r, removeDotSegments(r.path)) }
        var b = Parts(base)
        b.fragment = r.fragment
        if r.authority != nil {
            b.authority = r.authority; b.path = removeDotSegments(r.path); b.query = r.query
            return b.text
        }
        if r.path.isEmpty {
            if r.query != nil { b.query = r.query }
            return b.text
        }
        b.query = r.query
        if r.path.hasPrefix("/") {
            b.path = removeDotSegments(r.path)
        } else {
            let merged: String
            if b.authority != nil && b.path.isEmpty { merged = "/" + r.path }
            else if let slash = b.path.lastIndex(of: "/") { merged = String(b.path[...slash]) + r.path }
            else { merged = r.path }
            b.path = removeDotSegments(merged)
        }
        return b.text
    }

    private static func withPath(_ p: Parts, _ path: String) -> String { var p = p; p.path = path; return p.text }

    /// Splits `http://x/a.json#/defs/b` into `http://x/a.json` and `/defs/b` (percent-decoded).
    public static func splitFragment(_ uri: String) -> (resource: String, fragment: String) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
        let fragment = String(uri[uri.index(after: hash)...])
        return (String(uri[..<hash]), fragment.removingPercentEncodingSafely)
    }

    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let absolute = path.hasPrefix("/")
        if absolute { input.removeFirst() }
        var out: [String] = []
        for (i, seg) in input.enumerated() {
            let last = i == input.count - 1
            switch seg {
            case ".": if last { out.append("") }
            case "..":
                if !out.isEmpty { out.removeLast() }
                if last { out.append("") }
            default: out.append(seg)
            }
        }
        return (absolute ? "/" : "") + out.joined(separator: "/")
    }
}

extension String {
    /// Percent-decoding that leaves malformed escapes as they are instead of failing (`PercentCoding`).
    var removingPercentEncodingSafely: String { PercentCoding.decode(self) }

}
