import Foundation

/// The JSON documents a suite's schemas can reach: the suite itself and JSON files next to it.
///
/// Resolves `$ref`s whose fragment is a JSON Pointer, for the loader's own checks (does every `$ref`
/// resolve, does some schema mention a field). Anchors and remote URLs are left to `SchemaValidator`.
final class SchemaDocuments {
    enum Resolution {
        case found(uri: String, pointer: JSONPointer, schema: JSONValue)
        /// The reference names a file or pointer that does not exist; the reason says which.
        case missing(String)
        /// An anchor, a `$id`-relative or remote reference: not decided here.
        case unsupported
    }

    let rootURI: String
    private var cache: [String: JSONValue?]

    init(rootURI: String, root: JSONValue) {
        self.rootURI = rootURI
        cache = [rootURI: root]
    }

    func document(_ uri: String) -> JSONValue? {
        if let cached = cache[uri] { return cached }
        let loaded = Self.readFileDocument(uri)
        cache[uri] = loaded
        return loaded
    }

    /// Resolves a `$ref` met in document `uri`.
    func resolve(_ ref: String, from uri: String) -> Resolution {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts.isEmpty ? "" : String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        var target = uri
        if !base.isEmpty {
            guard let resolved = URL(string: base, relativeTo: URL(string: uri))?.absoluteURL, resolved.isFileURL else {
                return .unsupported
            }
            target = resolved.absoluteString
        }
        guard fragment.isEmpty || fragment.hasPrefix("/") else { return .unsupported }
        guard let decoded = PercentCoding.decodeStrictly(fragment), let pointer = JSONPointer(decoded) else {
            return .missing("\(JSONWriter.quote(fragment)) is not a valid JSON Pointer")
        }
        guard let document = document(target) else {
            return .missing("cannot read \(base) as JSON")
        }
        guard let schema = pointer.resolve(in: document) else {
            return .missing("nothing at \(pointer.description.isEmpty ? "the root" : pointer.description)\(base.isEmpty ? "" : " of \(base)")")
        }
        return .found(uri: target, pointer: pointer, schema: schema)
    }

    /// Reads and parses a `file://` URI; nil for anything else or when unreadable.
    static func readFileDocument(_ uri: String) -> JSONValue? {
        guard let path = FileURI.path(uri), case .success(let bytes) = LocalFile.read(path) else { return nil }
        return try? JSONParser.parse(bytes)
    }
}
