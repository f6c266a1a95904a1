import ConformCore

/// How `https://` is trusted and who Conform is to the server: the `--cacert`, `--insecure`, `--cert` and
/// `--key` flags and the `CURL_CA_BUNDLE`, `SSL_CERT_FILE`, `SSL_CERT_DIR` variables, resolved once.
///
/// Trust, first that applies (curl's order): `--cacert FILE`; `CURL_CA_BUNDLE`; `SSL_CERT_FILE` and/or
/// `SSL_CERT_DIR`; else the system trust store (OpenSSL's default paths). A file or folder named this way that
/// cannot be read is a setup error before anything is sent, never a silent fall-back to the system store.
/// The server's certificate must chain to that trust and name the host (DNS name, or IP address SAN);
/// TLS 1.2 is the minimum. `insecure` skips the chain and name checks — only when asked, and every report says so.
public struct TLSConfiguration: Sendable, Hashable {
    /// Where the trusted CA certificates come from, and which flag or variable named them.
    public enum Trust: Sendable, Hashable {
        /// OpenSSL's default paths: the system store (`/etc/ssl/certs` on Debian).
        case system
        /// A PEM bundle and/or a hashed certificate folder; `source` names the flag or variable ("--cacert").
        case custom(file: String?, directory: String?, source: String)
    }

    public var trust: Trust
    /// Skip certificate chain and host name verification (`--insecure`). Encryption still happens.
    public var insecure: Bool
    /// PEM client certificate (chain) for mutual TLS (`--cert`).
    public var certificateFile: String?
    /// PEM private key of `certificateFile` (`--key`; default: the certificate file itself, as curl does).
    public var privateKeyFile: String?

    public init(trust: Trust = .system, insecure: Bool = false, certificateFile: String? = nil, privateKeyFile: String? = nil) {
        self.trust = trust; self.insecure = insecure
        self.certificateFile = certificateFile; self.privateKeyFile = privateKeyFile
    }

    /// The settings from flags and the environment, flags first.
    public static func resolve(cacert: String?, insecure: Bool, certificate: String?, key: String?,
                               environment: [String: String]) -> TLSConfiguration {
        let nonEmpty = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let trust: Trust
        if let cacert {
            trust = .custom(file: cacert, directory: nil, source: "--cacert")
        } else if let bundle = nonEmpty("CURL_CA_BUNDLE") {
            trust = .custom(file: bundle, directory: nil, source: "CURL_CA_BUNDLE")
        } else if nonEmpty("SSL_CERT_FILE") != nil || nonEmpty("SSL_CERT_DIR") != nil {
            let names = ["SSL_CERT_FILE", "SSL_CERT_DIR"].filter { nonEmpty($0) != nil }
            trust = .custom(file: nonEmpty("SSL_CERT_FILE"), directory: nonEmpty("SSL_CERT_DIR"), source: names.joined(separator: " and "))
        } else {
            trust = .system
        }
        return TLSConfiguration(trust: trust, insecure: insecure, certificateFile: certificate, privateKeyFile: key)
    }

    /// One line for consoles and reports: `system trust store`, `CA from --cacert ca.pem`, and loudly the insecure mode.
    public var summary: String {
        if insecure { return Self.insecureWarning }
        var text: String
        switch trust {
        case .system: text = "system trust store"
        case .custom(let file, let directory, let source): text = "CA from \(source) \([file, directory].compactMap { $0 }.joined(separator: ", "))"
        }
        if let certificateFile { text += "; client certificate \(certificateFile)" }
        return text
    }

    /// What every report prints when certificates were not verified.
    public static let insecureWarning = RunResult.insecureTLSWarning
}

/// TLS settings that cannot be used (an unreadable CA file, a key that does not match its certificate):
/// reported before anything is sent (exit 2), naming the flag or variable.
public struct TLSSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
