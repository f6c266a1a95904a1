/// Where schema resources and anchors live: absolute URI → (document, pointer), built by scanning documents
/// for `$id`, `$anchor` and `$dynamicAnchor` once, when a validator first meets each document.
struct SchemaResourceIndex {
    /// A place in one of the validator's documents.
    struct Location: Hashable {
        var document: Int
        var pointer: JSONPointer
    }

    /// Resource URIs (no fragment): the document root under its retrieval URI, plus each `$id`.
    var resources: [String: Location] = [:]
    /// `resource#name` for `$anchor` and `$dynamicAnchor` (a dynamic anchor is also a plain anchor).
    var anchors: [String: Location] = [:]
    /// `resource#name` for `$dynamicAnchor` only.
    var dynamicAnchors: [String: Location] = [:]

    /// Values of these keywords are data, not schemas: an `$id` inside an `enum` declares nothing.
    static let dataKeywords: Set<String> = ["enum", "const", "default", "examples", "example"]

    mutating func add(document value: JSONValue, index: Int, uri: String) {
        if resources[uri] == nil { resources[uri] = Location(document: index, pointer: .root) }
        var tokens: [String] = []
        Self.walk(value, base: uri, tokens: &tokens) { kind, key, tokens in
            let location = Location(document: index, pointer: JSONPointer(tokens: tokens))
            switch kind {
            case .id: if resources[key] == nil { resources[key] = location }
            case .anchor: if anchors[key] == nil { anchors[key] = location }
            case .dynamicAnchor:
                if anchors[key] == nil { anchors[key] = location }
                if dynamicAnchors[key] == nil { dynamicAnchors[key] = location }
            }
        }
    }

    enum Kind { case id, anchor, dynamicAnchor }

    /// Every absolute `$id` in a document (for the registry's embedded-resource lookup).
    static func scanIDs(_ value: JSONValue, base: String, _ found: (String) -> Void) {
        var tokens: [String] = []
        walk(value, base: base, tokens: &tokens) { kind, key, _ in if kind == .id { found(key) } }
    }

    private static func walk(_ value: JSONValue, base: String, tokens: inout [String],
                             _ visit: (Kind, String, [String]) -> Void) {
        switch value {
        case .object(let o):
            var base = base
            if case .string(let id)? = o["$id"] {
                base = URIReference.splitFragment(URIReference.resolve(id, against: base)).resource
                visit(.id, base, tokens)
            }
            if case .string(let a)? = o["$anchor"] { visit(.anchor, base + "#" + a, tokens) }
            if case .string(let a)? = o["$dynamicAnchor"] { visit(.dynamicAnchor, base + "#" + a, tokens) }
            for (k, v) in zip(o.keys, o.values) where !dataKeywords.contains(k) {
                switch v {
                case .object, .array:
                    tokens.append(k); walk(v, base: base, tokens: &tokens, visit); tokens.removeLast()
                default: continue
                }
            }
        case .array(let a):
            for (i, v) in a.enumerated() {
                tokens.append(String(i)); walk(v, base: base, tokens: &tokens, visit); tokens.removeLast()
            }
        default: break
        }
    }

    /// The base URI in effect at `pointer`: the document URI changed by every `$id` on the way down.
    static func baseURI(of pointer: JSONPointer, in document: JSONValue, documentURI: String) -> String {
        var base = documentURI
        var current: JSONValue? = document
        var inData = false
        for i in 0...pointer.tokens.count {
            guard let value = current else { break }
            if !inData, case .string(let id)? = value["$id"] {
                base = URIReference.splitFragment(URIReference.resolve(id, against: base)).resource
            }
            guard i < pointer.tokens.count else { break }
            let token = pointer.tokens[i]
            if dataKeywords.contains(token), case .object = value { inData = true }
            current = JSONPointer(tokens: [token]).resolve(in: value)
        }
        return base
    }

    /// The meta-schema in effect at `pointer`: the nearest `$schema` on the way down (absolute), or nil.
    static func metaSchema(of pointer: JSONPointer, in document: JSONValue, documentURI: String) -> String? {
        var base = documentURI
        var meta: String?
        var current: JSONValue? = document
        for i in 0...pointer.tokens.count {
            guard let value = current else { break }
            if case .string(let id)? = value["$id"] {
                base = URIReference.splitFragment(URIReference.resolve(id, against: base)).resource
            }
            if case .string(let m)? = value["$schema"] { meta = URIReference.resolve(m, against: base) }
            guard i < pointer.tokens.count else { break }
            if dataKeywords.contains(pointer.tokens[i]) { break }
            current = JSONPointer(tokens: [pointer.tokens[i]]).resolve(in: value)
        }
        return meta
    }
}
