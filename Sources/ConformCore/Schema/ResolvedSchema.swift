/// A schema found by resolving a reference: its value, the document it lives in and its pointer there.
public struct ResolvedSchema: Sendable {
    public var schema: JSONValue
    public var documentURI: String
    public var pointer: JSONPointer
    public init(schema: JSONValue, documentURI: String, pointer: JSONPointer) { self.schema = schema; self.documentURI = documentURI; self.pointer = pointer }
}
