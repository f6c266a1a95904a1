import ConformCore

/// A node of a loaded specification: which file, where in it, and its value.
public struct SpecNode: Sendable {
    /// Key of the file in `SpecDocuments` (its standardised path).
    public let file: String
    public let pointer: JSONPointer
    public let value: JSONValue

    public init(file: String, pointer: JSONPointer, value: JSONValue) {
        self.file = file; self.pointer = pointer; self.value = value
    }

    /// The member `key` of this object node, or nil.
    public func member(_ key: String) -> SpecNode? {
        value[key].map { SpecNode(file: file, pointer: pointer.appending(key), value: $0) }
    }

    /// The elements of this array node (none for other values).
    public var elements: [SpecNode] {
        (value.arrayValue ?? []).enumerated().map { SpecNode(file: file, pointer: pointer.appending($0.offset), value: $0.element) }
    }

    /// The members of this object node, in document order (none for other values).
    public var members: [(key: String, node: SpecNode)] {
        guard let object = value.objectValue else { return [] }
        return object.map { ($0.key, SpecNode(file: file, pointer: pointer.appending($0.key), value: $0.value)) }
    }

    /// Identity of the node across the documents: file and pointer.
    public var identity: String { file + "#" + pointer.description }
}
