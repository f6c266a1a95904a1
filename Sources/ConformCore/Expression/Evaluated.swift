/// A value produced during evaluation, with where it sits in the body (so failures can point at it).
struct Evaluated {
    var value: JSONValue
    /// Pointer into the body when the value was read from it.
    var pointer: JSONPointer?
    /// Pointers of the elements when they come from different places (a projection, a filter).
    var elementPointers: [JSONPointer?]?

    init(_ value: JSONValue, pointer: JSONPointer? = nil, elementPointers: [JSONPointer?]? = nil) {
        self.value = value; self.pointer = pointer; self.elementPointers = elementPointers
    }

    /// The body pointer of element `i` of an array value, when known.
    func elementPointer(_ i: Int) -> JSONPointer? {
        if let elementPointers { return i < elementPointers.count ? elementPointers[i] : nil }
        return pointer?.appending(i)
    }

    /// The elements with their pointers; nil when the value is not an array.
    var elements: [Evaluated]? {
        guard case .array(let items) = value else { return nil }
        var out: [Evaluated] = []
        out.reserveCapacity(items.count)
        for (i, v) in items.enumerated() { out.append(Evaluated(v, pointer: elementPointer(i))) }
        return out
    }

    /// An array whose elements keep the pointers they had.
    static func array(_ items: [Evaluated]) -> Evaluated {
        Evaluated(.array(items.map(\.value)), elementPointers: items.map(\.pointer))
    }
}

/// Why evaluation stopped: a missing value (which `??`, `exists` and `type` accept) or any other problem.
struct ExpressionFailure: Error {
    var message: String
    var pointer: JSONPointer?
    var isMissing: Bool

    static func missing(_ message: String, pointer: JSONPointer? = nil) -> ExpressionFailure {
        ExpressionFailure(message: message, pointer: pointer, isMissing: true)
    }

    static func problem(_ message: String, pointer: JSONPointer? = nil) -> ExpressionFailure {
        ExpressionFailure(message: message, pointer: pointer, isMissing: false)
    }
}

extension JSONValue {
    /// `typedDescription` trimmed for explanations.
    var shown: String { typedDescription(limit: 80) }
}
