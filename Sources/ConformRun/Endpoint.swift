import Foundation

/// Origins and `host:port` strings from URL text, for redirect decisions and error messages.
enum Endpoint {
    /// `scheme://host:port` with the default port filled in and scheme and host lower-cased; nil without a host.
    static func origin(_ url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        return "\(scheme)://\(host):\(url.port ?? defaultPort(scheme))"
    }

    /// `host:port` of a URL string ("" when it has no host).
    static func hostPort(_ url: String) -> String {
        guard let parsed = URL(string: url) else { return "" }
        return hostPort(parsed)
    }

    static func hostPort(_ url: URL) -> String {
        guard let host = url.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) else { return "" }
        let port = url.port ?? defaultPort(url.scheme?.lowercased() ?? "")
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }
}
