import ConformCore
import Foundation

/// Conform's HTTP/1.1 client on Glibc sockets, one connection per request: `http://`, and `https://` through
/// the system OpenSSL (`TLSStream`) — one reader, so body cap, timeouts, deadline and redirect rules are the
/// same whatever the scheme. Proxies from the environment (`ProxySettings`) apply to both.
///
/// Why not URLSession: measured on Linux with Swift 6.3.1, (1) URLSession has no
/// back-pressure — its delegate queue buffers whatever libcurl reads, so with a body cap of 8 MiB a 100 MiB
/// body still reached +110 MiB RSS when the machine was busy; here the socket is read only as the body is
/// consumed, so memory stays at the cap; (2) FoundationNetworking crashes the whole process
/// (`fatalError("Transfer completed, but there's no response.")`, swift-corelibs-foundation#5285) when a
/// server closes the connection in the middle of the response head — over TLS too (docs/tls.md); (3) it ignores
/// CA settings and proxies. Policy: same-origin redirects only, no cookies, our own headers, our own timeout,
/// body cap.
public final class SocketTransport: Transport, @unchecked Sendable {
    public let configuration: TransportConfiguration
    private let lock = NSLock()
    private var made: Result<TLSClient, TLSSetupError>?

    public init(configuration: TransportConfiguration = .init()) { self.configuration = configuration }

    /// The TLS client, or why the TLS settings cannot be used (then every `https://` request fails with it).
    /// Made on first use, so a transport that only ever speaks http never loads a trust store.
    private var tls: Result<TLSClient, TLSSetupError> {
        lock.withLock {
            if let made { return made }
            let configuration = self.configuration
            let result = Result { () throws(TLSSetupError) in try TLSClient(configuration.tls) }
            made = result
            return result
        }
    }

    /// Why `https://` cannot be sent with these settings (an unreadable `--cacert`, a key that does not match
    /// `--cert`); the command line checks it before anything is sent.
    public var setupError: TLSSetupError? {
        if case .failure(let error) = tls { return error }
        return nil
    }

    /// Whether this transport sends `https://` itself (false in builds without OpenSSL).
    public static var speaksTLS: Bool { TLSClient.isAvailable }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let full = request.withDefaultHeaders()
        guard let url = URL(string: full.url), let scheme = url.scheme?.lowercased(), url.host != nil else {
            return .failure(TransportError(.invalidRequest("'\(full.url)' is not an absolute URL"), endpoint: ""))
        }
        let endpoint = Endpoint.hostPort(url)
        guard scheme == "http" || (scheme == "https" && Self.speaksTLS) else {
            return .failure(TransportError(.invalidRequest("unsupported scheme '\(scheme)' in \(full.url)"), endpoint: endpoint))
        }
        var client: TLSClient?
        if scheme == "https" {
            switch tls {
            case .success(let c): client = c
            case .failure(let error): return .failure(TransportError(.invalidRequest("TLS settings: \(error.message)"), endpoint: endpoint))
            }
        }
        if let bad = full.headers.first(where: { Self.unsafe($0.name) || Self.unsafe($0.value) }) {
            return .failure(TransportError(.invalidRequest("header '\(bad.name)' contains a line break"), endpoint: endpoint))
        }
        let cancel = CancelFlag()
        let deadline = ContinuousClock.now.advanced(by: .nanoseconds(Int64(min(max(0, timeout), 1e6) * 1e9)))
        let configuration = self.configuration
        let tlsClient = client
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransportOutcome, Never>) in
                let thread = Thread {
                    let exchange = SocketExchange(request: full, timeout: timeout, deadline: deadline, cancel: cancel,
                                                  configuration: configuration, tls: tlsClient)
                    continuation.resume(returning: exchange.run())
                }
                thread.stackSize = 1 << 20
                thread.start()
            }
        } onCancel: {
            cancel.raise()
        }
    }

    static func unsafe(_ text: String) -> Bool { text.contains("\r") || text.contains("\n") || text.contains("\0") }
}
