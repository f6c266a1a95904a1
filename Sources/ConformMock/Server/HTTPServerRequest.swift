import ConformCore

/// One parsed HTTP/1.1 request, as handed to an `HTTPServer` handler.
public struct HTTPServerRequest: Sendable {
    /// `GET`, `HEAD`, … exactly as sent.
    public var method: String
    /// The request target exactly as sent (`/v5/models?limit=2`).
    public var target: String
    /// The percent-decoded path (`/v5/models`).
    public var path: String
    /// Query parameters in order, form-decoded (`+` is a space, `%XX` decoded).
    public var query: [(String, String)]
    /// Header lines in the order received.
    public var headers: [Header]
    /// The request body (Content-Length bytes).
    public var body: [UInt8]
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String

    /// A request as parsed off the wire (or built by a test); path and query are decoded from `target`.
    public init(method: String, target: String, headers: [Header] = [], body: [UInt8] = [], version: String = "HTTP/1.1") {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.version = version
        let (rawPath, rawQuery) = Self.split(target: target)
        self.path = PercentDecoding.decode(rawPath, plusIsSpace: false)
        self.query = PercentDecoding.formPairs(rawQuery)
    }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Every value of a query parameter, in order.
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.0 == name }.map(\.1)
    }

    /// Path and query of an origin-form or absolute-form target (`http://host/p?q` → `/p`, `q`).
    static func split(target: String) -> (path: Substring, query: Substring) {
        var t = Substring(target)
        if let scheme = t.range(of: "://"), !t.hasPrefix("/") {
            let afterAuthority = t[scheme.upperBound...]
            t = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? "/"
        }
        if let hash = t.firstIndex(of: "#") { t = t[..<hash] }
        guard let q = t.firstIndex(of: "?") else { return (t, "") }
        return (t[..<q], t[t.index(after: q)...])
    }
}

extension String {
    /// ASCII case-insensitive equality (header names are ASCII).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lx = (x >= 65 && x <= 90) ? x + 32 : x
            let ly = (y >= 65 && y <= 90) ? y + 32 : y
            if lx != ly { return false }
        }
        return true
    }
}
