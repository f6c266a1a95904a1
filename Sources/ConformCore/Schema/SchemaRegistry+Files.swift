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
            if path == nil { path = FileURI.path(uri) }
            guard let path, case .success(let bytes) = LocalFile.read(path) else { return nil }
            return try? JSONParser.parse(bytes)
        }
    }
}
