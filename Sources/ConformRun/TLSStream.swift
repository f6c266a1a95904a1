#if canImport(COpenSSL)
import COpenSSL
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TLS over a `SocketConnection`: the handshake and every record go through the connection's deadline and
/// cancellation (non-blocking OpenSSL, waiting in `poll` slices), and bytes are read only when the reader
/// asks — so body cap, timeouts and back-pressure are the plain socket's.
final class TLSStream: ByteStream {
    private let connection: SocketConnection
    private let ssl: OpaquePointer

    private init(connection: SocketConnection, ssl: OpaquePointer) { self.connection = connection; self.ssl = ssl }

    deinit { SSL_free(ssl) }

    /// Shakes hands with the server `host` on `connection`: SNI for host names, the certificate checked
    /// against `host` (DNS name or IP address) unless the context is insecure.
    static func handshake(over connection: SocketConnection, host: String, context: TLSContext) throws(SocketConnection.Failure) -> TLSStream {
        guard let ssl = SSL_new(context.pointer) else { throw .tls("OpenSSL could not create a TLS session (\(TLSContext.lastError()))") }
        let stream = TLSStream(connection: connection, ssl: ssl)
        guard SSL_set_fd(ssl, connection.fd) == 1 else { throw .tls("OpenSSL could not use the socket (\(TLSContext.lastError()))") }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if ProxySettings.ipv4Value(bare) == nil && !bare.contains(":") { _ = conform_ssl_set_sni(ssl, bare) }
        if !context.configuration.insecure, conform_ssl_expect_host(ssl, bare) != 1 {
            throw .tls("cannot check the certificate against the host name '\(bare)'")
        }
        while true {
            ERR_clear_error()
            let result = SSL_connect(ssl)
            if result == 1 { return stream }
            let code = SSL_get_error(ssl, result)
            switch code {
            case SSL_ERROR_WANT_READ: try connection.wait(for: Int16(POLLIN))
            case SSL_ERROR_WANT_WRITE: try connection.wait(for: Int16(POLLOUT))
            default: throw .tls(stream.handshakeFailure(code, host: bare))
            }
        }
    }

    func write(_ bytes: [UInt8]) throws(SocketConnection.Failure) {
        var offset = 0
        while offset < bytes.count {
            ERR_clear_error()
            var written = 0
            let result = bytes[offset...].withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &written) }
            if result == 1 { offset += written; continue }
            try recover(SSL_get_error(ssl, result))
        }
    }

    /// Gathers records (16 KiB at most each) until `limit` or until the socket has nothing more right now, and
    /// returns an array of exactly what was read: a 16 KiB piece kept in a 64 KiB buffer would make the body
    /// cost four times its size.
    func read(upTo limit: Int) throws(SocketConnection.Failure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        var total = 0
        while total < limit {
            ERR_clear_error()
            var count = 0
            let result = buffer.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress! + total, limit - total, &count) }
            if result == 1 { total += count; continue }
            // What was read comes back now; an end or an error shows again on the next call.
            if total > 0 { break }
            let code = SSL_get_error(ssl, result)
            if code == SSL_ERROR_ZERO_RETURN { return [] }
            try recover(code)
        }
        return total == limit ? buffer : Array(buffer[..<total])
    }

    /// Waits for the socket when OpenSSL asks to, or throws what went wrong.
    private func recover(_ code: Int32) throws(SocketConnection.Failure) {
        switch code {
        case SSL_ERROR_WANT_READ: try connection.wait(for: Int16(POLLIN))
        case SSL_ERROR_WANT_WRITE: try connection.wait(for: Int16(POLLOUT))
        case SSL_ERROR_ZERO_RETURN: throw .closed
        case SSL_ERROR_SYSCALL:
            // No OpenSSL error queued: the socket itself failed (a reset, or a close while writing).
            if ERR_peek_last_error() == 0 { throw .closed }
            throw .tls(TLSContext.lastError())
        default: throw .tls(TLSContext.lastError())
        }
    }

    /// Why the handshake failed, certificate problems spelled out (`X509_verify_cert_error_string`).
    private func handshakeFailure(_ code: Int32, host: String) -> String {
        let verify = Int32(truncatingIfNeeded: SSL_get_verify_result(ssl))
        if verify != X509_V_OK {
            let problem = String(cString: X509_verify_cert_error_string(Int(verify)))
            return "certificate verify failed: \(problem)" + Self.hint(verify, host: host)
        }
        if (code == SSL_ERROR_SYSCALL || code == SSL_ERROR_ZERO_RETURN) && ERR_peek_last_error() == 0 {
            return "the server closed the connection during the handshake"
        }
        let reason = TLSContext.lastError()
        if reason == "wrong version number" || reason == "packet length too long" || reason == "record layer failure" {
            return "\(reason) (is it plain HTTP on this port?)"
        }
        return reason
    }

    private static func hint(_ verify: Int32, host: String) -> String {
        switch verify {
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            return " (the certificate does not name '\(host)')"
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
             X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT,
             X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
            return " (its CA is not trusted: pass it with --cacert FILE, or set SSL_CERT_FILE)"
        default:
            return ""
        }
    }
}
#endif
