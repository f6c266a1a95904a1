// CONTRACT PLACEHOLDER — replaced by the JSON Schema implementation (branch `schema`).
// The public signatures below are the contract other modules code against; keep them.

/// JSON Schema 2020-12 (plus OpenAPI 3.0 `nullable` and `discriminator`) over one document.
///
/// The document may be a schema or any JSON document holding schemas (a suite file, an OpenAPI file):
/// subschemas are compiled lazily per JSON Pointer and cached, with `$ref`s resolved through the registry.
public final class SchemaValidator: @unchecked Sendable {
    public let uri: String
    public let document: JSONValue
    public let registry: SchemaRegistry

    public init(document: JSONValue, uri: String, registry: SchemaRegistry = SchemaRegistry()) {
        self.document = document; self.uri = uri; self.registry = registry
    }

    /// Checks that the subschema at `pointer` compiles and every `$ref` reachable from it resolves.
    public func compile(at pointer: JSONPointer = .root) throws(SchemaCompileError) {}

    /// Validates an instance against the subschema at `pointer`; returns every error (empty when valid).
    public func validate(_ instance: JSONValue, schemaAt pointer: JSONPointer = .root) -> [SchemaError] { [] }

    /// Resolves a `$ref` value met at `pointer` to the schema it names (for synthesis and tooling).
    public func resolveReference(_ ref: String, from pointer: JSONPointer) -> ResolvedSchema? { nil }
}

/// A schema found by resolving a reference: its value, the document it lives in and its pointer there.
public struct ResolvedSchema: Sendable {
    public var schema: JSONValue
    public var documentURI: String
    public var pointer: JSONPointer
    public init(schema: JSONValue, documentURI: String, pointer: JSONPointer) { self.schema = schema; self.documentURI = documentURI; self.pointer = pointer }
}

/// Documents by absolute URI, plus an optional loader for URIs not yet known (files, `--map` prefixes).
public final class SchemaRegistry: @unchecked Sendable {
    public init(loader: (@Sendable (String) -> JSONValue?)? = nil) {}
    public func add(_ document: JSONValue, uri: String) {}
}

/// One way an instance fails a schema.
public struct SchemaError: Sendable, Hashable {
    /// Where in the instance (`/items/57/model_vendor`).
    public var instancePointer: JSONPointer
    /// Where in the schema document the failing keyword is (`/operations/0/responses/200/schema/…/enum`).
    public var keywordLocation: JSONPointer
    /// The keyword (`enum`, `required`, `type`, `format`, …).
    public var keyword: String
    /// Short title: "enum membership", "required property", "type".
    public var title: String
    /// Detail with types: `expected integer, got string "3"`.
    public var detail: String
    public var expected: String
    public var actual: String
    public init(instancePointer: JSONPointer, keywordLocation: JSONPointer, keyword: String, title: String,
                detail: String, expected: String, actual: String) {
        self.instancePointer = instancePointer; self.keywordLocation = keywordLocation; self.keyword = keyword
        self.title = title; self.detail = detail; self.expected = expected; self.actual = actual
    }
}

/// A schema that cannot be used: bad keyword value, unresolved `$ref`, …
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var documentURI: String
    public var pointer: JSONPointer
    public init(message: String, documentURI: String, pointer: JSONPointer) { self.message = message; self.documentURI = documentURI; self.pointer = pointer }
    public var description: String { "\(documentURI)#\(pointer): \(message)" }
}
