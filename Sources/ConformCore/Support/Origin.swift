/// The origin of an absolute URL (RFC 6454): scheme, host and port — the one same-origin rule Conform has.
/// Redirects (the HTTP client), `next` links of pagination walks and the `redirect` check all decide with it,
/// so they cannot disagree about where a credential may go.
///
/// Scheme and host are compared lower-cased, the default port is made explicit (`https://a.com` and
/// `https://A.com:443` are one origin), user information is not part of it, and an IPv6 host is kept without
/// brackets. Text that is not an absolute URL with a host and a valid port has no origin — and nothing is
/// the same origin as it.
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    public init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        var authority = url[schemeEnd.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" }) { authority = authority[..<end] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty { guard rest.hasPrefix(":") else { return nil }; portText = rest.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { return nil }
        var port = Self.defaultPort(scheme)
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), portText.count <= 5, let value = Int(portText), value <= 65_535 else { return nil }
            port = value
        }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// 443 for https, 80 otherwise.
    public static func defaultPort(_ scheme: String) -> Int { scheme.lowercased() == "https" ? 443 : 80 }

    /// Whether both URLs have an origin and it is the same one.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard let x = Origin(a), let y = Origin(b) else { return false }
        return x == y
    }

    /// `host:port` (`[::1]:8080` for IPv6), for messages.
    public var hostPort: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `scheme://host:port`.
    public var description: String { "\(scheme)://\(hostPort)" }
}
