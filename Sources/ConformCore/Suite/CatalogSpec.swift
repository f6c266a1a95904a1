/// `operations[].catalog`: how to read the catalog from one response of a list operation that has no walk.
///
/// ```json
/// "catalog": { "items": "data", "itemId": "id" }
/// ```
/// A list with a walk is recorded from its walk (every page); this member is for lists that answer the
/// whole catalog at once (OpenAI's `GET /v1/models`), so the loader refuses it on an operation that has a walk.
public struct CatalogSpec: Sendable {
    /// `items`: expression for the listed items in the success body.
    public var items: Expression
    /// `itemId`: member of each item that identifies it (default `id`).
    public var itemId: String
    public var pointer: JSONPointer

    public init(items: Expression, itemId: String = "id", pointer: JSONPointer) {
        self.items = items; self.itemId = itemId; self.pointer = pointer
    }
}
