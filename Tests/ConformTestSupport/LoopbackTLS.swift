import COpenSSL
import Foundation

/// The TLS side of a `LoopbackServer`: a certificate and key (from `TestPKI`), optionally a CA whose client
/// certificates the server requires (mutual TLS), optionally an outdated protocol ceiling.
public final class LoopbackTLS: @unchecked Sendable {
    /// How the server treats the client's handshake.
    public enum Handshake: Sendable {
        /// Completes it (or fails it, as OpenSSL decides).
        case complete
        /// Reads the ClientHello, then closes the connection.
        case closeAfterHello
        /// Reads the ClientHello, then never answers (until the server stops).
        case stall
    }

    let context: OpaquePointer
    /// What the server does with a handshake.
    public var handshake: Handshake = .complete

    /// - Parameters:
    ///   - clientCA: when set, the handshake fails unless the client presents a certificate signed by it.
    ///   - maxVersion: e.g. `TLS1_1_VERSION` to play a server too old for Conform.
    public init(certificate: String, key: String, clientCA: String? = nil, maxVersion: Int32? = nil) throws {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw TestPKIError("SSL_CTX_new failed") }
        self.context = context
        guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1,
              SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
            throw TestPKIError("cannot load \(certificate) / \(key)")
        }
        if let clientCA {
            guard SSL_CTX_load_verify_locations(context, clientCA, nil) == 1 else { throw TestPKIError("cannot load \(clientCA)") }
            SSL_CTX_set_client_CA_list(context, SSL_load_client_CA_file(clientCA))
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        }
        if let maxVersion {
            _ = SSL_CTX_set_cipher_list(context, "DEFAULT:@SECLEVEL=0")
            _ = conform_ssl_ctx_max_version(context, maxVersion)
        }
    }

    deinit { SSL_CTX_free(context) }

    /// The server side of the handshake on a blocking socket; nil when the client broke it off.
    func accept(_ fd: Int32) -> OpaquePointer? {
        guard let ssl = SSL_new(context) else { return nil }
        SSL_set_fd(ssl, fd)
        if SSL_accept(ssl) == 1 { return ssl }
        SSL_free(ssl)
        return nil
    }
}
