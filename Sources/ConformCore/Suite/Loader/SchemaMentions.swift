/// Answers "does some branch of this schema name this body path?", so an invariant that reads a field
/// no schema mentions (a typo such as `itmes`) is refused at load time instead of failing — or worse,
/// passing through `??` — at run time.
///
/// A path is mentioned when some branch names each step: `properties`, a matching `patternProperties`,
/// or a schema-valued `additionalProperties` for a member; `items`/`prefixItems` for `*` or an index.
/// Branches are followed through `$ref`, `allOf`, `anyOf`, `oneOf`, `then` and `else`. A `$ref` this
/// class cannot follow (an anchor, a remote URL) counts as mentioning everything: `SchemaValidator`
/// decides whether it resolves, and an undecidable case must not become a false error.
struct SchemaMentions {
    let documents: SchemaDocuments

    /// Whether the schema at `pointer` (in the suite document) mentions `path`.
    func mentions(_ path: [String], schemaAt pointer: JSONPointer) -> Bool {
        guard let root = documents.document(documents.rootURI), let schema = pointer.resolve(in: root) else { return true }
        var visits = 0
        return mentions(path[...], in: schema, uri: documents.rootURI, depth: 0, visits: &visits)
    }

    /// Every member name any branch of the schema declares, at any depth (for "did you mean").
    func memberNames(schemaAt pointer: JSONPointer) -> Set<String> {
        guard let root = documents.document(documents.rootURI), let schema = pointer.resolve(in: root) else { return [] }
        var names = Set<String>()
        var visited = Set<String>()
        collectNames(schema, uri: documents.rootURI, into: &names, visited: &visited, depth: 0)
        return names
    }

    private static let branchKeywords = ["allOf", "anyOf", "oneOf"]
    private static let conditionalKeywords = ["then", "else"]
    /// Bounds the walk on recursive schemas (a tree of models referencing itself).
    private static let maxDepth = 64
    private static let maxVisits = 20_000

    private func mentions(_ path: ArraySlice<String>, in schema: JSONValue, uri: String, depth: Int, visits: inout Int) -> Bool {
        guard let token = path.first else { return true }
        visits += 1
        guard depth < Self.maxDepth, visits < Self.maxVisits, case .object(let o) = schema else { return false }
        if case .string(let ref)? = o["$ref"] {
            switch documents.resolve(ref, from: uri) {
            case .found(let target, _, let s):
                if mentions(path, in: s, uri: target, depth: depth + 1, visits: &visits) { return true }
            case .missing, .unsupported:
                return true
            }
        }
        for key in Self.branchKeywords {
            for branch in o[key]?.arrayValue ?? [] where mentions(path, in: branch, uri: uri, depth: depth + 1, visits: &visits) {
                return true
            }
        }
        for key in Self.conditionalKeywords {
            if let branch = o[key], mentions(path, in: branch, uri: uri, depth: depth + 1, visits: &visits) { return true }
        }
        let rest = path.dropFirst()
        for child in children(of: o, for: token) where mentions(rest, in: child, uri: uri, depth: depth + 1, visits: &visits) {
            return true
        }
        return false
    }

    /// The subschemas that describe the step `token` of an object or array schema.
    private func children(of o: JSONObject, for token: String) -> [JSONValue] {
        var out: [JSONValue] = []
        if token == "*" || JSONPointer.arrayIndex(token) != nil {
            if let items = o["items"] { out.append(items) }
            if let prefix = o["prefixItems"]?.arrayValue {
                if let i = JSONPointer.arrayIndex(token) { if i < prefix.count { out.append(prefix[i]) } } else { out += prefix }
            }
        }
        if let p = o["properties"]?.objectValue?[token] { out.append(p) }
        for (pattern, s) in o["patternProperties"]?.objectValue ?? JSONObject() where Self.matches(pattern, token) {
            out.append(s)
        }
        if let additional = o["additionalProperties"], case .object = additional { out.append(additional) }
        return out
    }

    private static func matches(_ pattern: String, _ text: String) -> Bool {
        guard case .success(let program) = RegexProgramCache.shared.program(pattern) else { return false }
        return program.matches(text)
    }

    private func collectNames(_ schema: JSONValue, uri: String, into names: inout Set<String>, visited: inout Set<String>, depth: Int) {
        guard depth < Self.maxDepth, visited.count < Self.maxVisits else { return }
        switch schema {
        case .object(let o):
            if case .string(let ref)? = o["$ref"], case .found(let target, let pointer, let s) = documents.resolve(ref, from: uri),
               visited.insert(target + "#" + pointer.description).inserted {
                collectNames(s, uri: target, into: &names, visited: &visited, depth: depth + 1)
            }
            if let props = o["properties"]?.objectValue { names.formUnion(props.keys) }
            for (key, value) in o where !["enum", "const", "default", "examples", "example", "$ref"].contains(key) {
                collectNames(value, uri: uri, into: &names, visited: &visited, depth: depth + 1)
            }
        case .array(let a):
            for v in a { collectNames(v, uri: uri, into: &names, visited: &visited, depth: depth + 1) }
        default:
            return
        }
    }
}
