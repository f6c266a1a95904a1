import ConformCore

/// Why a request produced no usable response, with a message of our own saying what happened and where.
///
/// Messages never come from `localizedDescription` (on Linux it says little and can vary with the
/// platform). `endpoint` is `host:port` of the server involved, so a report line reads
/// "connection refused by 127.0.0.1:9".
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// Nothing listens on the port (TCP RST).
        case refused
        /// The host name did not resolve.
        case unresolvableHost
        /// No complete response within the per-request timeout.
        case timedOut(seconds: Double)
        /// TLS handshake or certificate failure (also: TLS spoken to a plain-HTTP port); the reason spells out
        /// the certificate problem ("certificate verify failed: certificate has expired").
        case tls(reason: String)
        /// The connection closed after part of the response head and before its end.
        case closedInsideHead(received: Int)
        /// The HTTP proxy (`HTTPS_PROXY`, …) failed or refused to carry the request; the text says which and why.
        case proxy(String)
        /// A redirect to another origin (scheme, host or port): not followed, so the credential stays here.
        case redirectToOtherOrigin(location: String)
        /// More same-origin redirects than the limit.
        case tooManyRedirects(limit: Int)
        /// The body grew past the cap; the transfer was stopped there.
        case bodyTooLarge(limit: Int, receivedSoFar: Int)
        /// The connection closed before the `Content-Length` the server announced.
        case truncated(expected: Int, received: Int)
        /// The body is in a `Content-Encoding` that does not decode: `why` says what is wrong with the stream, or
        /// is nil for a coding Conform does not read (`br`, `zstd`; it reads gzip and deflate).
        case undecodableBody(coding: String, why: String?)
        /// The connection dropped (before or during the response) without a length to compare against.
        case connectionLost(receivedSoFar: Int)
        /// Cancelled before completion; the reason says by what ("run deadline of 30 s reached").
        case cancelled(reason: String)
        /// The request could not be built or sent as given (an unparsable URL, an unsupported scheme).
        case invalidRequest(String)
        /// Anything else, in our own words (the text names the endpoint itself).
        case other(String)
    }

    public var kind: Kind
    /// `host:port` of the server the failure concerns ("" when the URL had no host).
    public var endpoint: String

    public init(_ kind: Kind, endpoint: String) { self.kind = kind; self.endpoint = endpoint }

    /// One line for consoles and reports: what happened and where.
    public var message: String {
        let at = endpoint.isEmpty ? "" : " \(endpoint)"
        switch kind {
        case .refused: return "connection refused by\(at)"
        case .unresolvableHost: return "cannot resolve host \(endpoint.isEmpty ? "(none)" : endpoint)"
        case .timedOut(let s): return "no response from\(at) within \(Self.seconds(s))"
        case .tls(let reason): return "TLS handshake with\(at) failed: \(reason)"
        case .closedInsideHead(let received):
            return "connection to\(at) closed inside the response head (after \(Self.bytes(received)) of it)"
        case .proxy(let what): return what
        case .redirectToOtherOrigin(let location):
            return "\(endpoint) redirected to another origin (\(location)); not followed, so the credential was not sent there"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects from\(at)"
        case .bodyTooLarge(let limit, let received):
            return "response body from\(at) exceeds the cap of \(Self.bytes(limit)) (stopped after \(Self.bytes(received)))"
        case .truncated(let expected, let received):
            return "response body from\(at) truncated: connection closed after \(received) of \(expected) bytes announced by Content-Length"
        case .undecodableBody(let coding, let why?):
            return "response body from\(at) is sent as Content-Encoding \(coding) but does not decode: \(why)"
        case .undecodableBody(let coding, nil):
            return "response body from\(at) is sent as Content-Encoding \(coding), which Conform does not read (it asks for identity, and reads gzip and deflate)"
        case .connectionLost(let received):
            return received == 0
                ? "connection to\(at) closed before a complete response"
                : "connection to\(at) closed after \(received) body bytes, before the response was complete"
        case .cancelled(let reason): return "request to\(at) cancelled: \(reason)"
        case .invalidRequest(let why): return "request not sent: \(why)"
        case .other(let what): return what
        }
    }

    public var description: String { message }

    /// Connection-level failures worth another attempt: nothing (or only part of a response) arrived, so a
    /// retry cannot repeat a request the server completed. Timeouts are not retried: the server may have
    /// processed the request, and retrying a server that hangs multiplies the wait by the retry count.
    public var isRetryable: Bool {
        switch kind {
        case .refused, .connectionLost, .closedInsideHead: return true
        default: return false
        }
    }

    /// `1.5 s`, `5 s`.
    static func seconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e9 ? "\(Int(s)) s" : "\((s * 1000).rounded() / 1000) s"
    }

    /// `512 bytes`, `64 MiB`, `1.5 MiB`.
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) bytes" }
        if n < 1 << 20 { return format(Double(n) / 1024, "KiB") }
        return format(Double(n) / Double(1 << 20), "MiB")
    }

    private static func format(_ value: Double, _ unit: String) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(unit)" : "\(rounded) \(unit)"
    }
}
