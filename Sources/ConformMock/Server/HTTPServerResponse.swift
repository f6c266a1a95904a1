import ConformCore

/// A response an `HTTPServer` handler returns; the server adds `Date`, `Server`, `Content-Length`
/// and `Connection`.
public struct HTTPServerResponse: Sendable {
    public var status: Int
    /// Headers besides the ones the server adds (a `Content-Length` or `Date` here is dropped).
    public var headers: [Header]
    public var body: [UInt8]

    /// A response with these headers and body.
    public init(status: Int, headers: [Header] = [], body: [UInt8] = []) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// A JSON body with `Content-Type: application/json`.
    public static func json(_ status: Int, _ value: JSONValue, headers: [Header] = []) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: [Header("Content-Type", "application/json")] + headers,
                           body: JSONWriter.bytes(value))
    }

    /// As `json(_:_:headers:)`, copying the already written text of any object `known` holds.
    static func json(_ status: Int, _ value: JSONValue, reusing known: (any JSONWrittenObjects)?) -> HTTPServerResponse {
        guard let known else { return json(status, value) }
        return HTTPServerResponse(status: status, headers: [Header("Content-Type", "application/json")],
                                  body: JSONWriter.bytes(value, reusing: known))
    }

    /// A text body with `Content-Type: text/plain; charset=utf-8`.
    public static func text(_ status: Int, _ text: String, headers: [Header] = []) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: [Header("Content-Type", "text/plain; charset=utf-8")] + headers,
                           body: Array(text.utf8))
    }

    /// The status line's reason phrase for the codes the server and mock use.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}

/// What a handler does with a request: answer it, or misbehave on purpose for tests of hostile servers.
public enum HTTPServerReply: Sendable {
    /// A well-formed response.
    case response(HTTPServerResponse)
    /// A well-formed response sent after a delay (slow server).
    case delayed(seconds: Double, HTTPServerResponse)
    /// These exact bytes (truncated bodies, bad status lines); the connection closes afterwards when `close`.
    case raw([UInt8], close: Bool)
    /// Never answer: hold the connection for this long (or until the server stops), then close it.
    case stall(seconds: Double)
    /// Close the connection at once without a byte.
    case closeImmediately
}
