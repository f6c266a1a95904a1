/// Settings shared by the network transports (`NetworkTransport`, `SocketTransport`, `URLSessionTransport`).
public struct TransportConfiguration: Sendable {
    /// Response body cap in bytes (default 64 MiB, `--max-body`); a larger body is `bodyTooLarge`.
    public var maxBodyBytes: Int
    /// Same-origin redirects followed before `tooManyRedirects`.
    public var maxRedirects: Int
    /// Connections URLSession keeps per host (the socket transport opens one per request).
    public var maxConnectionsPerHost: Int
    /// Trust and client identity for `https://` (`--cacert`, `--insecure`, `--cert`, `--key`, `SSL_CERT_FILE`, …).
    public var tls: TLSConfiguration
    /// The proxies from `HTTPS_PROXY`, `http_proxy`, `NO_PROXY`, … (none unless the command line reads them).
    public var proxy: ProxySettings

    public init(maxBodyBytes: Int = 64 << 20, maxRedirects: Int = 5, maxConnectionsPerHost: Int = 8,
                tls: TLSConfiguration = .init(), proxy: ProxySettings = .none) {
        self.maxBodyBytes = maxBodyBytes; self.maxRedirects = maxRedirects
        self.maxConnectionsPerHost = maxConnectionsPerHost; self.tls = tls; self.proxy = proxy
    }
}
