import ConformCore

/// The rules a response with a given status must meet: its media type, body schema and invariants.
struct ResponseRules: Sendable {
    var contentType: String?
    var contentTypeRule: JSONPointer?
    var schema: JSONPointer?
    var invariants: [Invariant]

    static let none = ResponseRules(contentType: nil, contentTypeRule: nil, schema: nil, invariants: [])
    var needsBody: Bool { schema != nil || !invariants.isEmpty }
}

/// What a response is checked against: the accepted statuses and, per status, the rules.
struct ResponseExpectation: Sendable {
    var statuses: [Int]
    var statusRule: JSONPointer
    var citation: String?
    var rules: @Sendable (Int) -> ResponseRules
}
