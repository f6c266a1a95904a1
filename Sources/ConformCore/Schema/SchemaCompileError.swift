/// A schema that cannot be used: bad keyword value, unresolved `$ref`, …
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var documentURI: String
    public var pointer: JSONPointer
    /// For a problem inside a string (a refused regex): the UTF-8 byte offset inside the string value at
    /// `pointer`, or inside its member key when `inKey` (a `patternProperties` name), for a caret.
    public var stringOffset: Int?
    /// True when `stringOffset` counts inside the member key `pointer` names rather than its value.
    public var inKey: Bool
    public init(message: String, documentURI: String, pointer: JSONPointer, stringOffset: Int? = nil, inKey: Bool = false) {
        self.message = message; self.documentURI = documentURI; self.pointer = pointer
        self.stringOffset = stringOffset; self.inKey = inKey
    }
    public var description: String { "\(documentURI)#\(pointer): \(message)" }
}
