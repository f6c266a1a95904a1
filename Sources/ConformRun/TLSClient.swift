#if canImport(COpenSSL)
import COpenSSL
#endif

/// What `SocketTransport` needs of TLS: a context made once, and a handshake per connection. Backed by the
/// system OpenSSL (`COpenSSL`); a build without it (Darwin) cannot make one, and sends `https://` through
/// URLSession instead (`NetworkTransport`).
final class TLSClient: Sendable {
    #if canImport(COpenSSL)
    private let context: TLSContext

    init(_ configuration: TLSConfiguration) throws(TLSSetupError) { context = try TLSContext(configuration) }

    /// The TLS stream over `connection` once the handshake with `host` succeeded.
    func handshake(over connection: SocketConnection, host: String) throws(SocketConnection.Failure) -> any ByteStream {
        try TLSStream.handshake(over: connection, host: host, context: context)
    }
    #else
    init(_ configuration: TLSConfiguration) throws(TLSSetupError) {
        throw TLSSetupError("this build of conform has no OpenSSL: https goes through the system's URLSession")
    }

    func handshake(over connection: SocketConnection, host: String) throws(SocketConnection.Failure) -> any ByteStream {
        throw .tls("this build of conform has no OpenSSL")
    }
    #endif

    /// Whether this build speaks TLS on its own sockets.
    static var isAvailable: Bool {
        #if canImport(COpenSSL)
        return true
        #else
        return false
        #endif
    }
}
