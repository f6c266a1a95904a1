/// One way an instance fails a schema.
public struct SchemaError: Sendable, Hashable, CustomStringConvertible {
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
    /// The document holding the failing keyword when it is not the validator's own (a `$ref` into another file).
    public var keywordDocumentURI: String?
    /// The keyword's argument that names this problem when the instance pointer does not: the missing
    /// member of `required` / `dependentRequired`.
    public var argument: String?
    public init(instancePointer: JSONPointer, keywordLocation: JSONPointer, keyword: String, title: String,
                detail: String, expected: String, actual: String, keywordDocumentURI: String? = nil, argument: String? = nil) {
        self.instancePointer = instancePointer; self.keywordLocation = keywordLocation; self.keyword = keyword
        self.title = title; self.detail = detail; self.expected = expected; self.actual = actual
        self.keywordDocumentURI = keywordDocumentURI; self.argument = argument
    }

    /// `/items/0/id: type: expected string, got integer 3 (schema /properties/items/…/type)`.
    public var description: String {
        let at = instancePointer.tokens.isEmpty ? "(root)" : instancePointer.description
        let schema = (keywordDocumentURI.map { $0 + "#" } ?? "") + keywordLocation.description
        return "\(at): \(title): \(detail) (schema \(schema))"
    }
}
