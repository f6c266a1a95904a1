import ConformCore

/// What kind of departure a failing finding is, read from its check kind (never from its text): the
/// classification a compatibility cell shows ("member missing", "wrong type", "bound", …).
public enum FailureClass: String, Sendable, CaseIterable, Codable {
    case memberMissing = "member missing"
    case nullNotAllowed = "null where not allowed"
    case wrongType = "wrong type"
    case outsideEnum = "value outside the enum"
    case format = "format"
    case bound = "bound"
    case unexpectedMember = "unexpected member"
    case schema = "schema"
    case invariant = "invariant"
    case status = "status"
    case contentType = "content type"
    case notJSON = "not JSON"
    case pagination = "pagination"
    case crossRequest = "cross-request"
    case redirect = "redirect"
    case bodySize = "body size"

    /// The class of a finding: its check kind (`schema.required`, `walk.fullPages`, …); a `schema.type`
    /// finding whose actual value is null is "null where not allowed".
    public init(_ finding: Finding) {
        let kind = finding.check
        switch kind {
        case "schema.required", "schema.dependentRequired", "schema.dependentSchemas": self = .memberMissing
        case "schema.type": self = (finding.actual == "null") ? .nullNotAllowed : .wrongType
        case "schema.enum", "schema.const": self = .outsideEnum
        case "schema.format", "schema.pattern", "schema.contentEncoding", "schema.contentMediaType": self = .format
        case "schema.minimum", "schema.maximum", "schema.exclusiveMinimum", "schema.exclusiveMaximum", "schema.multipleOf",
             "schema.minLength", "schema.maxLength", "schema.minItems", "schema.maxItems", "schema.minProperties",
             "schema.maxProperties", "schema.minContains", "schema.maxContains", "schema.uniqueItems": self = .bound
        case "schema.additionalProperties", "schema.unevaluatedProperties", "schema.propertyNames", "schema.unevaluatedItems": self = .unexpectedMember
        case CheckKind.invariant.id, CheckKind.walkPageInvariant.id: self = .invariant
        case CheckKind.status.id: self = .status
        case CheckKind.contentType.id: self = .contentType
        case CheckKind.json.id: self = .notJSON
        case CheckKind.redirect.id: self = .redirect
        case CheckKind.bodySize.id: self = .bodySize
        default:
            if kind.hasPrefix("walk.") { self = .pagination }
            else if kind.hasPrefix("cross.") { self = .crossRequest }
            else { self = .schema }
        }
    }
}
