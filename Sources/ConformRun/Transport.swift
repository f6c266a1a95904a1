import ConformCore

/// What a transport returns: the response, or why there is none.
public typealias TransportOutcome = Result<HTTPResponse, TransportError>

/// Sends one HTTP request. Implementations: `SocketTransport` (the network, via `NetworkTransport`), `InMemoryTransport`
/// (tests); `DeadlineTransport` and `RetryingTransport` wrap another one.
///
/// A transport never throws and never hangs: every failure, including running out of `timeout` seconds,
/// comes back as a `TransportError`.
public protocol Transport: Sendable {
    /// Sends `request` (plus `HTTPRequest.defaultHeaders` where unset) and waits at most `timeout` seconds.
    func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome
}
