import Foundation

/// The HTTP proxy each request goes through, from the environment as curl reads it.
///
/// - `https://` URLs: `https_proxy`, then `HTTPS_PROXY`; `http://` URLs: `http_proxy` only (curl ignores
///   upper-case `HTTP_PROXY`, which a CGI server may set from a request's `Proxy:` header); then
///   `all_proxy` / `ALL_PROXY` for both.
/// - `no_proxy` / `NO_PROXY`: comma- or space-separated; `*` bypasses the proxy for every host; an entry
///   matches the host itself and its subdomains (`example.com` and `.example.com` both match
///   `api.example.com`); IP addresses match exactly, `10.0.0.0/8`-style IPv4 ranges by prefix; a `:port`
///   suffix is ignored, as curl does.
/// - The proxy URL is `http://[user:password@]host[:port]` (port 1080 by default, as curl); credentials are
///   percent-decoded and sent as `Proxy-Authorization: Basic`, and appear in no output: messages name the
///   proxy by `host:port` only. Proxies spoken to over TLS (`https://proxy`) and SOCKS are not supported:
///   a setup error before anything is sent.
/// - `https://` goes through a `CONNECT host:port` tunnel, TLS end to end with the server (the proxy sees no
///   header or credential); `http://` is sent to the proxy in absolute form (`GET http://host/path`), which
///   is what proxies that refuse `CONNECT` to port 80 expect.
public struct ProxySettings: Sendable, Hashable {
    /// One proxy server.
    public struct Proxy: Sendable, Hashable {
        public var host: String
        public var port: Int
        /// `Basic …` for `Proxy-Authorization`, when the proxy URL carried credentials.
        var authorization: String?
        /// The password of the proxy URL (redacted from every output, like a credential).
        var password: String?
        /// Which variable named it (for messages): `HTTPS_PROXY`.
        public var source: String
        /// `host:port`, never the credentials.
        public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// A proxy variable that cannot be used, named with the variable (never its value: it may hold a password).
    public struct SetupError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var http: Proxy?
    public var https: Proxy?
    /// `no_proxy` entries, lower-cased, without leading dots or ports.
    public var bypass: [String]

    public init(http: Proxy? = nil, https: Proxy? = nil, bypass: [String] = []) {
        self.http = http; self.https = https; self.bypass = bypass
    }

    /// No proxy at all.
    public static let none = ProxySettings()

    /// The proxies' passwords, named by their variable (`$HTTPS_PROXY`), for the redactor: a proxy that
    /// forwards its `Proxy-Authorization` to a server that echoes it cannot make a report leak it.
    public var secrets: [Secret] {
        var out: [Secret] = []
        for proxy in [http, https].compactMap({ $0 }) {
            guard let password = proxy.password, !password.isEmpty else { continue }
            let secret = Secret(env: proxy.source, value: password)
            if !out.contains(secret) { out.append(secret) }
        }
        return out
    }

    /// The settings the environment describes.
    public static func from(environment: [String: String]) throws(SetupError) -> ProxySettings {
        func first(_ names: [String]) -> (name: String, value: String)? {
            for name in names { if let v = environment[name], !v.trimmingCharacters(in: .whitespaces).isEmpty { return (name, v) } }
            return nil
        }
        let all = ["all_proxy", "ALL_PROXY"]
        var settings = ProxySettings()
        if let (name, value) = first(["http_proxy"] + all) { settings.http = try proxy(value, source: name) }
        if let (name, value) = first(["https_proxy", "HTTPS_PROXY"] + all) { settings.https = try proxy(value, source: name) }
        if let (_, value) = first(["no_proxy", "NO_PROXY"]) {
            settings.bypass = value.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { entry -> String? in
                var e = entry.trimmingCharacters(in: .whitespaces).lowercased()
                while e.hasPrefix(".") { e.removeFirst() }
                if e.hasPrefix("["), let close = e.firstIndex(of: "]") { e = String(e[e.index(after: e.startIndex)..<close]) }
                else if e.filter({ $0 == ":" }).count == 1, let colon = e.firstIndex(of: ":") { e = String(e[..<colon]) }
                return e.isEmpty ? nil : e
            }
        }
        return settings
    }

    /// The proxy for a request to `scheme://host`, or nil to connect directly.
    public func proxy(scheme: String, host: String) -> Proxy? {
        guard let proxy = scheme.lowercased() == "https" ? https : http else { return nil }
        return bypasses(host) ? nil : proxy
    }

    /// Whether `no_proxy` sends this host direct.
    public func bypasses(_ host: String) -> Bool {
        let bare = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        for entry in bypass {
            if entry == "*" || entry == bare { return true }
            if entry.contains("/") { if Self.ipv4(bare, inRange: entry) { return true }; continue }
            if bare.hasSuffix("." + entry) { return true }
        }
        return false
    }

    static func ipv4(_ address: String, inRange range: String) -> Bool {
        let parts = range.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits),
              let network = ipv4Value(String(parts[0])), let value = ipv4Value(address) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return value & mask == network & mask
    }

    static func ipv4Value(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard let n = UInt32(octet), n <= 255, octet.allSatisfy(\.isNumber) else { return nil }
            value = value << 8 | n
        }
        return value
    }

    static func proxy(_ text: String, source: String) throws(SetupError) -> Proxy {
        var value = text.trimmingCharacters(in: .whitespaces)
        if !value.contains("://") { value = "http://" + value }
        guard let components = URLComponents(string: value), let host = components.host, !host.isEmpty else {
            throw SetupError(message: "\(source) is not a proxy URL (expected http://[user:password@]host[:port])")
        }
        let scheme = components.scheme?.lowercased() ?? "http"
        guard scheme == "http" else {
            throw SetupError(message: "\(source): \(scheme):// proxies are not supported (only http:// proxies, with CONNECT for https)")
        }
        guard components.path.isEmpty || components.path == "/", components.query == nil else {
            throw SetupError(message: "\(source) must be http://[user:password@]host[:port] without a path")
        }
        var authorization: String?
        if let user = components.user {
            let credentials = user + ":" + (components.password ?? "")
            authorization = "Basic " + Data(credentials.utf8).base64EncodedString()
        }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return Proxy(host: bare, port: components.port ?? 1080, authorization: authorization, password: components.password, source: source)
    }
}
