/// A request as sent, with secrets already redacted: safe to print and to write into any report.
public struct RecordedRequest: Sendable, Hashable, Codable {
    public var method: String
    /// Full URL including the query string.
    public var url: String
    /// Headers in the order sent; secret values replaced by `$ENV_VAR`.
    public var headers: [Header]
    public init(method: String, url: String, headers: [Header]) { self.method = method; self.url = url; self.headers = headers }
}

/// One HTTP header line.
public struct Header: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// One try at sending a request (retries make several).
public struct Attempt: Sendable, Hashable, Codable {
    public var number: Int
    /// HTTP status, when a response arrived.
    public var status: Int?
    /// Transport error, when none did ("connection refused", "timed out after 5 s").
    public var error: String?
    public var durationSeconds: Double
    /// Seconds waited before the next attempt, when there was one.
    public var waitSeconds: Double?
    public init(number: Int, status: Int? = nil, error: String? = nil, durationSeconds: Double, waitSeconds: Double? = nil) {
        self.number = number; self.status = status; self.error = error; self.durationSeconds = durationSeconds; self.waitSeconds = waitSeconds
    }
}

/// The final response as received, redacted.
public struct RecordedResponse: Sendable, Hashable, Codable {
    public var status: Int
    public var headers: [Header]
    public var bodySize: Int
    /// The start of the body as text (redacted, control characters kept as-is; reports escape them).
    public var bodyExcerpt: String
    public init(status: Int, headers: [Header], bodySize: Int, bodyExcerpt: String) {
        self.status = status; self.headers = headers; self.bodySize = bodySize; self.bodyExcerpt = bodyExcerpt
    }
}
