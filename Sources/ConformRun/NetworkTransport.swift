import ConformCore
import Foundation

/// The transport `conform run` uses: `SocketTransport` for `http://` and `https://` (TLS through the system
/// OpenSSL), so both schemes share one reader, one body cap, one deadline and one redirect rule. In builds
/// without OpenSSL (Darwin) `https://` goes through `URLSessionTransport`, which ignores `--cacert`, client
/// certificates and proxies (`setupError` says so when they are asked for).
public struct NetworkTransport: Transport {
    public let socket: SocketTransport
    #if !canImport(COpenSSL)
    public let secure: URLSessionTransport
    #endif
    public let configuration: TransportConfiguration

    public init(configuration: TransportConfiguration = .init()) {
        self.configuration = configuration
        socket = SocketTransport(configuration: configuration)
        #if !canImport(COpenSSL)
        secure = URLSessionTransport(configuration: configuration)
        #endif
    }

    /// Why these TLS settings cannot be used; nil when they can (checked before anything is sent: exit 2).
    public var setupError: TLSSetupError? {
        #if canImport(COpenSSL)
        return socket.setupError
        #else
        let tls = configuration.tls
        if tls.trust != .system || tls.insecure || tls.certificateFile != nil || configuration.proxy != .none {
            return TLSSetupError("--cacert, --insecure, --cert/--key and proxies need a build with OpenSSL (Linux)")
        }
        return nil
        #endif
    }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        #if canImport(COpenSSL)
        return await socket.send(request, timeout: timeout)
        #else
        let scheme = request.url.prefix { $0 != ":" }.lowercased()
        return scheme == "https" ? await secure.send(request, timeout: timeout) : await socket.send(request, timeout: timeout)
        #endif
    }
}
