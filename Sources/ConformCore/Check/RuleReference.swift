/// Where a rule lives in a suite: its pointer in the suite document and, when known, its `file:line:col`.
public struct RuleReference: Sendable, Hashable {
    public var pointer: JSONPointer
    public var location: String?

    /// A rule at a pointer, with its location when already known.
    public init(pointer: JSONPointer, location: String? = nil) { self.pointer = pointer; self.location = location }

    /// A rule at `pointer` in `file`, located to `file:line:col`.
    public init(pointer: JSONPointer, in file: SuiteFile?) {
        self.pointer = pointer
        self.location = file.map { $0.location(of: pointer).description }
    }

    /// A finding stamped with this rule's pointer and location.
    public func finding(kind: Finding.Kind = .failure, check: String, title: String, detail: String, pointer: String? = nil,
                        expected: String? = nil, actual: String? = nil, citation: String? = nil) -> Finding {
        Finding(kind: kind, check: check, title: title, detail: detail, pointer: pointer, rulePointer: self.pointer.description,
                ruleLocation: location, expected: expected, actual: actual, citation: citation)
    }
}
