#if canImport(COpenSSL)
import COpenSSL
import Foundation

/// The OpenSSL client context of one transport, made once from a `TLSConfiguration`: trust loaded, client
/// certificate checked against its key, peer verification on (unless insecure), TLS 1.2 minimum, ALPN
/// `http/1.1`. Every connection's `SSL` is made from it.
final class TLSContext: @unchecked Sendable {
    let pointer: OpaquePointer
    let configuration: TLSConfiguration

    init(_ configuration: TLSConfiguration) throws(TLSSetupError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw TLSSetupError("OpenSSL could not create a TLS context: \(Self.lastError())") }
        self.pointer = context
        self.configuration = configuration
        guard conform_ssl_ctx_min_tls12(context) == 1 else { throw TLSSetupError("OpenSSL refused TLS 1.2 as the minimum version") }
        conform_ssl_ctx_ignore_unexpected_eof(context)
        conform_ssl_ctx_no_passphrase_prompt(context)
        let alpn: [UInt8] = [8] + Array("http/1.1".utf8)
        _ = SSL_CTX_set_alpn_protos(context, alpn, UInt32(alpn.count))
        try loadTrust(configuration.trust)
        try loadIdentity(certificate: configuration.certificateFile, key: configuration.privateKeyFile)
        SSL_CTX_set_verify(context, configuration.insecure ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nil)
    }

    deinit { SSL_CTX_free(pointer) }

    private func loadTrust(_ trust: TLSConfiguration.Trust) throws(TLSSetupError) {
        switch trust {
        case .system:
            // Also honours SSL_CERT_FILE / SSL_CERT_DIR, but those are resolved explicitly (`.custom`) so a bad path is an error.
            guard SSL_CTX_set_default_verify_paths(pointer) == 1 else { throw TLSSetupError("cannot load the system trust store: \(Self.lastError())") }
        case .custom(let file, let directory, let source):
            var isDirectory: ObjCBool = false
            if let file {
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                      FileManager.default.isReadableFile(atPath: file) else {
                    throw TLSSetupError("\(source): cannot read the CA file '\(file)'")
                }
            }
            if let directory {
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw TLSSetupError("\(source): '\(directory)' is not a folder")
                }
            }
            ERR_clear_error()
            guard SSL_CTX_load_verify_locations(pointer, file, directory) == 1 else {
                throw TLSSetupError("\(source): no usable PEM certificate in '\(file ?? directory ?? "")' (\(Self.lastError()))")
            }
        }
    }

    private func loadIdentity(certificate: String?, key: String?) throws(TLSSetupError) {
        guard let certificate else {
            if key != nil { throw TLSSetupError("--key needs --cert (the client certificate the key belongs to)") }
            return
        }
        guard FileManager.default.isReadableFile(atPath: certificate) else { throw TLSSetupError("--cert: cannot read '\(certificate)'") }
        ERR_clear_error()
        guard SSL_CTX_use_certificate_chain_file(pointer, certificate) == 1 else {
            throw TLSSetupError("--cert: no usable PEM certificate in '\(certificate)' (\(Self.lastError()))")
        }
        let keyFile = key ?? certificate
        let flag = key == nil ? "--cert" : "--key"
        guard FileManager.default.isReadableFile(atPath: keyFile) else { throw TLSSetupError("\(flag): cannot read '\(keyFile)'") }
        ERR_clear_error()
        let mismatch = TLSSetupError("\(flag) '\(keyFile)' does not belong to the certificate in --cert '\(certificate)'")
        guard SSL_CTX_use_PrivateKey_file(pointer, keyFile, SSL_FILETYPE_PEM) == 1 else {
            let reason = Self.lastError()
            if reason == "key values mismatch" { throw mismatch }
            throw TLSSetupError("\(flag): no usable unencrypted PEM private key in '\(keyFile)' (\(reason))")
        }
        guard SSL_CTX_check_private_key(pointer) == 1 else { throw mismatch }
    }

    /// OpenSSL's reason for the most recent error ("certificate verify failed"), or "unknown error".
    static func lastError() -> String {
        let code = ERR_peek_last_error()
        guard code != 0 else { return "unknown error" }
        if let reason = ERR_reason_error_string(code) { return String(cString: reason) }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
#endif
