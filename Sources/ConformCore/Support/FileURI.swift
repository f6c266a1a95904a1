import Foundation

/// `file://` URIs of local paths, and the paths back: one spelling for suite documents, schema ids and the
/// `$ref`s between them, so a schema registered by one caller is found by another.
public enum FileURI {
    /// The `file://` URI of `path`, made absolute against the current directory, dot segments removed and
    /// every character outside RFC 3986's path set percent-encoded (`/a b.json` → `file:///a%20b.json`).
    public static func forPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file://" + URIReference.removeDotSegments(escaped)
    }

    /// The local path of a `file://` URI (fragment and query dropped, percent-decoded); nil for other schemes.
    public static func path(_ uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        if let end = rest.firstIndex(where: { $0 == "#" || $0 == "?" }) { rest = rest[..<end] }
        // `file://localhost/x` names the same file as `file:///x`.
        if rest.hasPrefix("localhost/") { rest = rest.dropFirst("localhost".count) }
        return String(rest).removingPercentEncodingSafely
    }
}
