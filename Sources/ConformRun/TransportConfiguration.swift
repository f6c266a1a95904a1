/// Limits shared by the network transports (`NetworkTransport`, `SocketTransport`, `URLSessionTransport`).
public struct TransportConfiguration: Sendable {
    /// Response body cap in bytes (default 64 MiB, `--max-body`); a larger body is `bodyTooLarge`.
    public var maxBodyBytes: Int
    /// Same-origin redirects followed before `tooManyRedirects`.
    public var maxRedirects: Int
    /// Connections URLSession keeps per host (the socket transport opens one per request).
    public var maxConnectionsPerHost: Int

    public init(maxBodyBytes: Int = 64 << 20, maxRedirects: Int = 5, maxConnectionsPerHost: Int = 8) {
        self.maxBodyBytes = maxBodyBytes; self.maxRedirects = maxRedirects
        self.maxConnectionsPerHost = maxConnectionsPerHost
    }
}
