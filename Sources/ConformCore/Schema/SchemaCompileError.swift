/// A schema that cannot be used: bad keyword value, unresolved `$ref`, …
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var documentURI: String
    public var pointer: JSONPointer
    public init(message: String, documentURI: String, pointer: JSONPointer) { self.message = message; self.documentURI = documentURI; self.pointer = pointer }
    public var description: String { "\(documentURI)#\(pointer): \(message)" }
}
