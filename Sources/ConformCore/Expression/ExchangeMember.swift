/// What `request` holds in an expression: the one definition the runner builds the value from
/// (`RequestMember.object`) and the loader checks `request.NAME` against, so the two cannot drift.
public enum RequestMember: String, CaseIterable, Sendable {
    /// `"GET"`.
    case method
    /// The full URL sent (redacted).
    case url
    /// The path without query (`/v5/models`).
    case path
    /// Query values sent, by parameter name (numbers stay numbers).
    case query
    /// Request headers sent, by lower-case name (redacted).
    case headers
    /// `--var` values, by name.
    case vars

    /// The `request` object: every member, in declaration order, with the value `value` gives it.
    public static func object(_ value: (RequestMember) -> JSONValue) -> JSONValue {
        .object(JSONObject(allCases.map { ($0.rawValue, value($0)) }))
    }
}

/// What `response` holds in an expression; see `RequestMember`.
public enum ResponseMember: String, CaseIterable, Sendable {
    /// The status code (an integer).
    case status
    /// Response headers, by lower-case name (redacted).
    case headers

    /// The `response` object: every member, in declaration order, with the value `value` gives it.
    public static func object(_ value: (ResponseMember) -> JSONValue) -> JSONValue {
        .object(JSONObject(allCases.map { ($0.rawValue, value($0)) }))
    }
}
