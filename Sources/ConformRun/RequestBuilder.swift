import ConformCore

/// Why a request could not be built from a suite's values.
public struct RequestBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Builds requests from a base URL, a path template and parameter values (pure: no I/O).
///
/// `http://127.0.0.1:8080/api/v1` + `/models/{id}` with `id = "a b"` and `limit = 10`
/// → `http://127.0.0.1:8080/api/v1/models/a%20b?limit=10`. Values are written as their JSON text says:
/// strings raw, numbers by their exact text (`1.50` stays `1.50`), booleans `true`/`false`, null as an empty
/// value, arrays repeated (`view=a&view=b`, style `form`) or comma-joined (`sort_by=a,b`, style `comma`),
/// objects as compact JSON. Every component is percent-encoded per RFC 3986 (only unreserved characters stay).
public enum RequestBuilder {
    /// A request for `operation`: path, query and header parameters placed where the operation declares them
    /// (names it does not declare go to the query, so probes can send extra parameters), plus the credential.
    ///
    /// - Parameters:
    ///   - values: parameter values in the order they are sent.
    ///   - credential: the header value to send for `auth` (`auth.headerValue(secret:)`), or nil for none.
    public static func request(operation: Operation, baseURL: String, values: [(String, JSONValue)],
                               auth: AuthSpec? = nil, credential: String? = nil,
                               headers extra: [Header] = []) throws(RequestBuildError) -> HTTPRequest {
        var pathValues: [String: JSONValue] = [:]
        var query: [(String, JSONValue)] = []
        var headers: [Header] = []
        for (name, value) in values {
            switch operation.parameter(name)?.location {
            case .path: pathValues[name] = value
            case .header: headers.append(Header(name, queryText(value)))
            case .query, nil: query.append((name, value))
            }
        }
        let url = try url(baseURL: baseURL, path: operation.path, pathValues: pathValues, query: query) { name in
            operation.parameter(name)?.arrayStyle ?? .form
        }
        headers.append(contentsOf: extra)
        if let auth, let credential { headers.append(Header(auth.headerName, credential)) }
        return HTTPRequest(method: operation.method.uppercased(), url: url, headers: headers)
    }

    /// Base URL (which may carry a path prefix) + path template with `{name}` filled + query string.
    public static func url(baseURL: String, path: String, pathValues: [String: JSONValue] = [:],
                           query: [(String, JSONValue)] = [],
                           arrayStyle: (String) -> Parameter.ArrayStyle = { _ in .form }) throws(RequestBuildError) -> String {
        guard let schemeEnd = baseURL.range(of: "://"), !baseURL[schemeEnd.upperBound...].isEmpty else {
            throw RequestBuildError("base URL '\(baseURL)' is not absolute (expected http://host[:port][/prefix])")
        }
        guard !baseURL.contains("?"), !baseURL.contains("#") else {
            throw RequestBuildError("base URL '\(baseURL)' must not carry a query or fragment")
        }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var url = base + (path.hasPrefix("/") ? "" : "/") + (try fill(path, pathValues))
        let pairs = query.flatMap { name, value in pairsFor(name, value, style: arrayStyle(name)) }
        if !pairs.isEmpty { url += "?" + pairs.joined(separator: "&") }
        return url
    }

    /// `/models/{model_id}` with its placeholders replaced by percent-encoded values.
    static func fill(_ template: String, _ values: [String: JSONValue]) throws(RequestBuildError) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw RequestBuildError("path '\(template)' has an unclosed '{'")
            }
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = values[name] else {
                throw RequestBuildError("path parameter '\(name)' of '\(template)' has no value")
            }
            let text = queryText(value)
            guard !text.isEmpty else { throw RequestBuildError("path parameter '\(name)' is empty") }
            out += percentEncode(text)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// `name=value` pairs for one parameter, encoded.
    static func pairsFor(_ name: String, _ value: JSONValue, style: Parameter.ArrayStyle) -> [String] {
        let key = percentEncode(name)
        guard case .array(let items) = value else { return ["\(key)=\(percentEncode(queryText(value)))"] }
        switch style {
        case .form: return items.map { "\(key)=\(percentEncode(queryText($0)))" }
        case .comma: return ["\(key)=" + items.map { percentEncode(queryText($0)) }.joined(separator: ",")]
        }
    }

    /// A JSON value as parameter text (before encoding).
    public static func queryText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return s
        case .array, .object: return JSONWriter.write(value)
        }
    }

    /// RFC 3986 percent-encoding keeping only unreserved characters (`PercentCoding.encode`).
    public static func percentEncode(_ text: String) -> String { PercentCoding.encode(text) }
}
