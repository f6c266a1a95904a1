import ConformRun

/// The TLS flags `conform run` and `conform compat` share, and the transport settings they make together
/// with the environment (`SSL_CERT_FILE`, `SSL_CERT_DIR`, `CURL_CA_BUNDLE`, `HTTPS_PROXY`, `NO_PROXY`, …).
struct NetworkOptions {
    var cacert: String?
    var insecure: Bool
    var certificate: String?
    var key: String?
    /// `--compressed`: ask for gzip or deflate answers.
    var compressed: Bool

    /// `--cacert`, `--cert`, `--key`, `--compressed`, and `--insecure` where the command offers it.
    static func specs(insecure: Bool) -> [OptionSpec] {
        [OptionSpec("cacert", value: "FILE", help: "Trust the CA certificates in this PEM file for https (instead of the system store, CURL_CA_BUNDLE, SSL_CERT_FILE and SSL_CERT_DIR).")]
            + (insecure ? [OptionSpec("insecure", short: "k", help: "Do not verify https certificates or host names (still encrypted). Every report says so in capitals.")] : [])
            + [OptionSpec("cert", value: "FILE", help: "Client certificate (PEM, may hold the chain and the key) for mutual TLS."),
               OptionSpec("key", value: "FILE", help: "Private key (PEM, unencrypted) of --cert, when not in the --cert file."),
               OptionSpec("compressed", help: "Ask for compressed answers (Accept-Encoding: gzip, deflate) where a case sets none, as curl --compressed; answers are decoded before any check and the body cap holds for the decoded size.")]
    }

    init(_ parsed: ParsedArguments) throws(UsageError) {
        cacert = parsed.value("cacert"); insecure = parsed.flag("insecure")
        certificate = parsed.value("cert"); key = parsed.value("key"); compressed = parsed.flag("compressed")
        if key != nil && certificate == nil { throw UsageError(message: "--key needs --cert (the client certificate the key belongs to)") }
        if insecure && cacert != nil { throw UsageError(message: "--insecure and --cacert exclude each other (with --insecure nothing is verified)") }
    }

    /// The transport for these flags and the environment, or the message to print before exiting 2 with
    /// nothing sent (an unreadable CA file, a key that does not match its certificate, an unusable proxy variable).
    func transport(maxBody: Int, environment: [String: String]) -> Result<NetworkTransport, UsageError> {
        let proxy: ProxySettings
        do { proxy = try ProxySettings.from(environment: environment) } catch {
            return .failure(UsageError(message: error.message))
        }
        let tls = TLSConfiguration.resolve(cacert: cacert, insecure: insecure, certificate: certificate, key: key, environment: environment)
        let transport = NetworkTransport(configuration: .init(maxBodyBytes: maxBody, tls: tls, proxy: proxy))
        if let problem = transport.setupError { return .failure(UsageError(message: problem.message)) }
        return .success(transport)
    }
}
