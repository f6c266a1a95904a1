import ConformCore
import Foundation

/// The transport `conform run` uses: `SocketTransport` for `http://` (bounded memory, survives hostile
/// servers), `URLSessionTransport` for `https://` (TLS needs it). Both apply the same policy.
public struct NetworkTransport: Transport {
    public let plain: SocketTransport
    public let secure: URLSessionTransport

    public init(configuration: TransportConfiguration = .init()) {
        plain = SocketTransport(configuration: configuration)
        secure = URLSessionTransport(configuration: configuration)
    }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let scheme = request.url.prefix { $0 != ":" }.lowercased()
        return scheme == "http" ? await plain.send(request, timeout: timeout) : await secure.send(request, timeout: timeout)
    }
}
