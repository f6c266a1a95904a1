/// The one rule for the path of a request URL: `/v5/models` from `http://host:1/v5/models?limit=1`.
public enum URLPath {
    /// The path without query or fragment; the URL itself when it has no scheme, `/` when it has no path.
    public static func of(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let tail = rest[slash...]
        return String(tail.prefix { $0 != "?" && $0 != "#" })
    }
}
