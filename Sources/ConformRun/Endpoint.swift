import ConformCore
import Foundation

/// `host:port` strings and origins of Foundation `URL`s, for redirect decisions and error messages — both
/// through `Origin`, ConformCore's one same-origin rule.
enum Endpoint {
    /// The origin of `url`; nil without a host.
    static func origin(_ url: URL) -> Origin? { Origin(url.absoluteString) }

    /// `host:port` of a URL string, host lower-cased ("" when it has no host).
    static func hostPort(_ url: String) -> String { Origin(url)?.hostPort ?? "" }

    static func hostPort(_ url: URL) -> String { hostPort(url.absoluteString) }

    static func defaultPort(_ scheme: String) -> Int { Origin.defaultPort(scheme) }
}
