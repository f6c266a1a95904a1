import ConformCore

/// One HTTP request as Conform means to send it: method, absolute URL, ordered headers, optional body.
///
/// The URL is kept as the string we built (not a Foundation `URL`) so that what is recorded, redacted and
/// reproduced with curl is exactly what was sent.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    /// Absolute URL including the query string (`http://127.0.0.1:8080/v5/models?limit=10`).
    public var url: String
    /// Headers in the order they are sent.
    public var headers: [Header]
    public var body: [UInt8]?

    public init(method: String = "GET", url: String, headers: [Header] = [], body: [UInt8]? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }

    /// The first value of a header, compared case-insensitively as HTTP requires.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The headers every Conform request carries unless the caller set them: our own User-Agent, a JSON
    /// `Accept`, and `Accept-Encoding: identity` so body sizes and caps apply to the bytes on the wire.
    public static let defaultHeaders: [Header] = [
        Header("User-Agent", ConformVersion.userAgent),
        Header("Accept", "application/json"),
        Header("Accept-Encoding", "identity"),
    ]

    /// This request with `defaultHeaders` appended where the caller did not set that header; the transport
    /// sends exactly this, so record this form.
    public func withDefaultHeaders() -> HTTPRequest {
        var copy = self
        for header in Self.defaultHeaders where self.header(header.name) == nil { copy.headers.append(header) }
        return copy
    }
}
