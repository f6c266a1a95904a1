import ConformCore
import Foundation

/// A plain-HTTP (`http://`) HTTP/1.1 client on Glibc sockets, one connection per request.
///
/// Why not URLSession for `http://`: measured on Linux with Swift 6.3.1, (1) URLSession has no
/// back-pressure — its delegate queue buffers whatever libcurl reads, so with a body cap of 8 MiB a 100 MiB
/// body still reached +110 MiB RSS when the machine was busy; here the socket is read only as the body is
/// consumed, so memory stays at the cap; (2) FoundationNetworking crashes the whole process
/// (`fatalError("Transfer completed, but there's no response.")`, swift-corelibs-foundation#5285) when a
/// server closes the connection in the middle of the response head. Same policy as `URLSessionTransport`:
/// same-origin redirects only, no cookies, our own headers, our own timeout, body cap.
public final class SocketTransport: Transport {
    public let configuration: TransportConfiguration

    public init(configuration: TransportConfiguration = .init()) { self.configuration = configuration }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let full = request.withDefaultHeaders()
        guard let url = URL(string: full.url), let scheme = url.scheme?.lowercased(), url.host != nil else {
            return .failure(TransportError(.invalidRequest("'\(full.url)' is not an absolute URL"), endpoint: ""))
        }
        let endpoint = Endpoint.hostPort(url)
        guard scheme == "http" else {
            return .failure(TransportError(.invalidRequest("SocketTransport speaks plain http, not '\(scheme)'"), endpoint: endpoint))
        }
        if let bad = full.headers.first(where: { Self.unsafe($0.name) || Self.unsafe($0.value) }) {
            return .failure(TransportError(.invalidRequest("header '\(bad.name)' contains a line break"), endpoint: endpoint))
        }
        let cancel = CancelFlag()
        let deadline = ContinuousClock.now.advanced(by: .nanoseconds(Int64(min(max(0, timeout), 1e6) * 1e9)))
        let configuration = self.configuration
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransportOutcome, Never>) in
                let thread = Thread {
                    let exchange = SocketExchange(request: full, timeout: timeout, deadline: deadline, cancel: cancel,
                                                  configuration: configuration)
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
