import Foundation

/// JSON Schema 2020-12 (plus OpenAPI 3.0 `nullable` and `discriminator`) over one document.
///
/// The document may be a schema or any JSON document holding schemas (a suite file, an OpenAPI file):
/// subschemas are compiled lazily per JSON Pointer and cached, with `$ref`s resolved through the registry.
/// Compiling a pointer compiles everything reachable from it (so `compile(at:)` finds every unresolved
/// `$ref`, and a validation walks an immutable graph that many threads may share).
public final class SchemaValidator: @unchecked Sendable {
    public let uri: String
    public let document: JSONValue
    public let registry: SchemaRegistry
    /// Whether `format` is an assertion (the default; Conform checks API data) or only an annotation.
    public let assertFormats: Bool

    let lock = NSLock()
    /// The validator's document first, then each document a `$ref` led to.
    var documents: [JSONValue]
    var documentURIs: [String]
    var index = SchemaResourceIndex()
    var cache: [SchemaResourceIndex.Location: SchemaNode] = [:]
    var resourceIDs: [String: Int] = [:]
    /// `$dynamicAnchor` name → resource id → node: where a dynamic `$dynamicRef` may land.
    var dynamicTargets: [String: [Int: SchemaNode]] = [:]
    var usesDynamicScope = false
    /// Anchor names some dynamic `$dynamicRef` uses: their `$dynamicAnchor`s are compiled as they are found.
    var dynamicNames: Set<String> = []
    /// Compile problems by pointer, once asked for (a run asks once per response).
    var problemCache: [JSONPointer: [SchemaCompileError]] = [:]
    /// Meta-schema URI → the vocabularies its `$vocabulary` declares (nil: no declaration, all apply).
    var vocabularyCache: [String: Set<String>?] = [:]

    public init(document: JSONValue, uri: String, registry: SchemaRegistry = SchemaRegistry(), assertFormats: Bool = true) {
        let uri = URIReference.splitFragment(uri).resource
        self.document = document; self.uri = uri; self.registry = registry; self.assertFormats = assertFormats
        documents = [document]
        documentURIs = [uri]
        index.add(document: document, index: 0, uri: uri)
    }

    deinit {
        for node in cache.values { node.unlink() }
    }

    /// Checks that the subschema at `pointer` compiles and every `$ref` reachable from it resolves.
    public func compile(at pointer: JSONPointer = .root) throws(SchemaCompileError) {
        if let first = compileProblems(at: pointer).first { throw first }
    }

    /// Every problem reachable from the subschema at `pointer`: bad keyword values, unresolved `$ref`s.
    public func compileProblems(at pointer: JSONPointer = .root) -> [SchemaCompileError] {
        guard document.isSchemaPlace(pointer) else {
            return [SchemaCompileError(message: "no schema at this pointer", documentURI: uri, pointer: pointer)]
        }
        let root = node(at: pointer)
        lock.lock(); defer { lock.unlock() }
        if let cached = problemCache[pointer] { return cached }
        var seen: Set<ObjectIdentifier> = []
        var stack = [root]
        var problems: [SchemaCompileError] = []
        while let n = stack.popLast() {
            guard seen.insert(ObjectIdentifier(n)).inserted else { continue }
            problems += n.problems
            stack += n.children.reversed()
        }
        problemCache[pointer] = problems
        return problems
    }

    /// A document the validator holds by URI: its own, or one a `$ref` led it to load (nil otherwise).
    public func loadedDocument(_ uri: String) -> JSONValue? {
        lock.lock(); defer { lock.unlock() }
        return documentURIs.firstIndex(of: uri).map { documents[$0] }
    }

    /// Validates an instance against the subschema at `pointer`; returns every error (empty when valid).
    public func validate(_ instance: JSONValue, schemaAt pointer: JSONPointer = .root) -> [SchemaError] {
        validate(instance, schemaAt: pointer, limit: .unlimited).kept
    }

    /// Validates an instance against the subschema at `pointer`, keeping errors in full only under `limit`
    /// (every distinct problem's first instances, in document order) and counting the others per problem
    /// without building them: memory follows the limit, not the number of errors.
    public func validate(_ instance: JSONValue, schemaAt pointer: JSONPointer = .root, limit: FindingLimit) -> SchemaErrors {
        guard document.isSchemaPlace(pointer) else {
            return SchemaErrors(kept: [SchemaError(instancePointer: .root, keywordLocation: pointer, keyword: "$ref", title: "unresolved reference",
                                                   detail: "no schema at \(pointer) in \(uri)", expected: "a schema", actual: "nothing")],
                                omitted: [], unlisted: 0)
        }
        let root = node(at: pointer)
        let dynamicScope = usesDynamicScopeSnapshot
        // Most instances are valid: a yes/no walk (no paths, no messages) settles those, and only an
        // invalid one pays for a second, collecting walk. A list (an array, or an object holding one) goes
        // straight to the collecting walk: it checks each item yes/no first and collects only from the items
        // that fail, so a valid list costs about the yes/no walk and an invalid one is not walked twice.
        var none: SchemaWalk.Evaluated? = nil
        if !Self.isList(instance) {
            var quick = SchemaWalk(validator: self, dynamicScope: dynamicScope)
            quick.collecting = false
            if quick.check(root, instance, &none) { return SchemaErrors(kept: [], omitted: [], unlisted: 0) }
        }
        var walk = SchemaWalk(validator: self, dynamicScope: dynamicScope, limit: limit)
        _ = walk.check(root, instance, &none)
        return SchemaErrors(kept: walk.errors, omitted: walk.sink.tally.omitted, unlisted: walk.sink.tally.unlisted)
    }

    /// An array, or an object with an array among its members (a page of items).
    static func isList(_ instance: JSONValue) -> Bool {
        switch instance {
        case .array: return true
        case .object(let o): return o.values.contains { if case .array = $0 { return true } else { return false } }
        default: return false
        }
    }

    /// True when the instance is valid (stops at the first error: cheaper than `validate` on failures).
    public func isValid(_ instance: JSONValue, schemaAt pointer: JSONPointer = .root) -> Bool {
        guard document.isSchemaPlace(pointer) else { return false }
        let root = node(at: pointer)
        var walk = SchemaWalk(validator: self, dynamicScope: usesDynamicScopeSnapshot)
        walk.collecting = false
        var none: SchemaWalk.Evaluated? = nil
        return walk.check(root, instance, &none)
    }

    /// Resolves a `$ref` value met at `pointer` to the schema it names (for synthesis and tooling).
    /// `documentURI` names the document holding the `$ref` when it is not the validator's own (a schema
    /// reached through an earlier `resolveReference`); nil means the validator's document.
    public func resolveReference(_ ref: String, from pointer: JSONPointer, documentURI: String? = nil) -> ResolvedSchema? {
        lock.lock(); defer { lock.unlock() }
        let origin = documentURI ?? uri
        guard case .found(let root) = resolve(origin, base: origin) else { return nil }
        let base = SchemaResourceIndex.baseURI(of: pointer, in: documents[root.document], documentURI: documentURIs[root.document])
        guard case .found(let location) = resolve(ref, base: base),
              let value = location.pointer.resolve(in: documents[location.document]) else { return nil }
        return ResolvedSchema(schema: value, documentURI: documentURIs[location.document], pointer: location.pointer)
    }

    private var usesDynamicScopeSnapshot: Bool {
        lock.lock(); defer { lock.unlock() }
        return usesDynamicScope
    }

    /// The compiled node for a pointer into the validator's own document (compiled now if new).
    func node(at pointer: JSONPointer) -> SchemaNode {
        lock.lock(); defer { lock.unlock() }
        let n = build(SchemaResourceIndex.Location(document: 0, pointer: pointer))
        completeDynamicTargets()
        return n
    }
}

extension JSONValue {
    /// Whether a pointer names a value that can be a schema (an object or a boolean).
    func isSchemaPlace(_ pointer: JSONPointer) -> Bool {
        switch pointer.resolve(in: self) {
        case .object?, .bool?: return true
        default: return false
        }
    }
}
