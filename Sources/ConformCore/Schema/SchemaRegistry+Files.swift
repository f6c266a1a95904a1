import Foundation

extension SchemaRegistry {
    /// A loader for `file:` URIs and for remote prefixes mapped to local folders
    /// (`http://localhost:1234/` → `/path/to/remotes/`): the file is read and parsed; nil when absent or malformed.
    public static func fileLoader(prefixes: [(prefix: String, directory: String)] = []) -> @Sendable (String) -> JSONValue? {
        let maps = prefixes.map { (prefix: $0.prefix, directory: $0.directory.hasSuffix("/") ? $0.directory : $0.directory + "/") }
        return { uri in
            var path: String?
            for m in maps where uri.hasPrefix(m.prefix) {
                var rest = String(uri.dropFirst(m.prefix.count))
                while rest.hasPrefix("/") { rest.removeFirst() }
                path = m.directory + rest.removingPercentEncodingSafely
                break
            }
            if path == nil, uri.hasPrefix("file://") {
                path = String(uri.dropFirst("file://".count)).removingPercentEncodingSafely
            }
            guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
            return try? JSONParser.parse([UInt8](data))
        }
    }

    /// `file://` URI of a local path (made absolute against the current directory).
    public static func fileURI(forPath path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file://" + URIReference.removeDotSegments(escaped)
    }
}
