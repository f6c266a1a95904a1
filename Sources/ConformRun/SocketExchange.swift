import ConformCore
import Foundation

/// One request over `SocketConnection`s (TLS on top for `https://`, through the proxy when one applies),
/// following same-origin redirects: the blocking body of `SocketTransport`.
struct SocketExchange {
    let request: HTTPRequest
    let timeout: Double
    let deadline: ContinuousClock.Instant
    let cancel: CancelFlag
    let configuration: TransportConfiguration
    /// The TLS client context (nil where this build has no OpenSSL: `https://` is then not sent here).
    let tls: TLSClient?

    func run() -> TransportOutcome {
        let started = ContinuousClock.now
        guard let first = URL(string: request.url), let origin = Endpoint.origin(first) else {
            return .failure(TransportError(.invalidRequest("'\(request.url)' is not an absolute URL"), endpoint: ""))
        }
        var url = first
        var method = request.method
        var body = request.body
        var redirects: [String] = []
        while true {
            let endpoint = Endpoint.hostPort(url)
            let head: ResponseReader.Head
            let content: [UInt8]
            do { (head, content) = try exchange(url: url, method: method, body: body) } catch {
                return .failure(TransportError(kind(of: error), endpoint: endpoint))
            }
            if [301, 302, 303, 307, 308].contains(head.status), let location = head.value("Location"),
               let target = URL(string: location, relativeTo: url)?.absoluteURL {
                guard Endpoint.origin(target) == origin else {
                    return .failure(TransportError(.redirectToOtherOrigin(location: target.absoluteString), endpoint: endpoint))
                }
                guard redirects.count < configuration.maxRedirects else {
                    return .failure(TransportError(.tooManyRedirects(limit: configuration.maxRedirects), endpoint: endpoint))
                }
                redirects.append(target.absoluteString)
                url = target
                // As browsers and URLSession do: 303, and 301/302 after a POST, continue as a GET without body.
                if head.status == 303 || ((head.status == 301 || head.status == 302) && method == "POST") {
                    method = "GET"; body = nil
                }
                continue
            }
            let duration = RetryingTransport.seconds(ContinuousClock.now - started)
            return .success(HTTPResponse(status: head.status, headers: head.headers, body: content, url: url.absoluteString,
                                         redirects: redirects, durationSeconds: duration))
        }
    }

    private func exchange(url: URL, method: String, body: [UInt8]?) throws -> (ResponseReader.Head, [UInt8]) {
        guard let host = url.host, let scheme = url.scheme?.lowercased() else { throw ResponseReader.Failure.notHTTP("no host") }
        let port = url.port ?? Endpoint.defaultPort(scheme)
        let proxy = configuration.proxy.proxy(scheme: scheme, host: host)
        let connection: SocketConnection
        do {
            connection = try SocketConnection.open(host: proxy?.host ?? host, port: proxy?.port ?? port, deadline: deadline, cancel: cancel)
        } catch {
            if let proxy, error != .timedOut, error != .cancelled { throw ResponseReader.Failure.proxy(proxyMessage(proxy, url, "\(error.phrase)")) }
            throw ResponseReader.Failure.connection(error, receivedSoFar: 0)
        }
        var stream: any ByteStream = connection
        if scheme == "https" {
            guard let tls else { throw ResponseReader.Failure.notHTTP("https is not available in this build") }
            if let proxy { try tunnel(connection, to: host, port: port, through: proxy, url: url) }
            do { stream = try tls.handshake(over: connection, host: host) } catch {
                throw ResponseReader.Failure.connection(error, receivedSoFar: 0)
            }
        }
        let absolute = scheme == "http" && proxy != nil
        do {
            try stream.write(requestBytes(url: url, host: host, port: port, method: method, body: body, absoluteForm: absolute,
                                          proxyAuthorization: absolute ? proxy?.authorization : nil))
        } catch {
            // A TLS 1.3 server that refuses the client (no certificate, say) says so in an alert after the
            // handshake, then closes: the request write fails first, and the alert is what to report.
            if error == .closed, scheme == "https", case .tls(let reason)? = Self.failure(reading: stream) {
                throw ResponseReader.Failure.connection(.tls(reason), receivedSoFar: 0)
            }
            throw ResponseReader.Failure.connection(error, receivedSoFar: 0)
        }
        var reader = ResponseReader(connection: stream, maxBodyBytes: configuration.maxBodyBytes)
        let head = try reader.readHead()
        return (head, try reader.readContent(for: head, method: method))
    }

    /// `CONNECT host:port` through the proxy; returns once the proxy answered 2xx and the tunnel is open.
    private func tunnel(_ connection: SocketConnection, to host: String, port: Int, through proxy: ProxySettings.Proxy, url: URL) throws {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let authority = (bare.contains(":") ? "[\(bare)]" : bare) + ":\(port)"
        var head = "CONNECT \(authority) HTTP/1.1\r\nHost: \(authority)\r\nUser-Agent: \(ConformVersion.userAgent)\r\n"
        if let authorization = proxy.authorization { head += "Proxy-Authorization: \(authorization)\r\n" }
        head += "\r\n"
        var reader = ResponseReader(connection: connection, maxBodyBytes: 0)
        let answer: ResponseReader.Head
        do {
            try connection.write(Array(head.utf8))
            answer = try reader.readHead()
        } catch let failure as SocketConnection.Failure where failure == .timedOut || failure == .cancelled {
            throw ResponseReader.Failure.connection(failure, receivedSoFar: 0)
        } catch ResponseReader.Failure.connection(let failure, _) where failure == .timedOut || failure == .cancelled {
            throw ResponseReader.Failure.connection(failure, receivedSoFar: 0)
        } catch {
            throw ResponseReader.Failure.proxy(proxyMessage(proxy, url, "the tunnel (CONNECT) failed: \(Self.describe(error))"))
        }
        guard (200..<300).contains(answer.status) else {
            let why = answer.status == 407 ? " (proxy authentication required: put user:password in the proxy URL)" : ""
            throw ResponseReader.Failure.proxy(proxyMessage(proxy, url, "refused the tunnel (CONNECT \(authority) answered \(answer.status))\(why)"))
        }
        guard !reader.hasUnreadBytes else {
            throw ResponseReader.Failure.proxy(proxyMessage(proxy, url, "sent bytes after accepting the tunnel"))
        }
    }

    /// `proxy 127.0.0.1:3128 (HTTPS_PROXY) for api.example.com:443: …` — never the proxy's credentials.
    private func proxyMessage(_ proxy: ProxySettings.Proxy, _ url: URL, _ what: String) -> String {
        "proxy \(proxy.endpoint) (\(proxy.source)) for \(Endpoint.hostPort(url)): \(what)"
    }

    /// The failure a read now ends in, if any.
    private static func failure(reading stream: any ByteStream) -> SocketConnection.Failure? {
        do { _ = try stream.read(upTo: 16 << 10); return nil } catch { return error }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case let failure as SocketConnection.Failure: return failure.phrase
        case ResponseReader.Failure.connection(let failure, _): return failure.phrase
        case ResponseReader.Failure.closedInsideHead: return "the connection closed inside its answer"
        case ResponseReader.Failure.notHTTP(let what): return "its answer is not valid HTTP: \(what)"
        default: return "\(error)"
        }
    }

    /// The request head and body as bytes; `Connection: close` because each request has its own connection.
    /// `absoluteForm`: the request target is the whole URL (`GET http://host/path`), as an http proxy expects.
    private func requestBytes(url: URL, host: String, port: Int, method: String, body: [UInt8]?, absoluteForm: Bool,
                              proxyAuthorization: String?) -> [UInt8] {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let scheme = url.scheme?.lowercased() ?? "http"
        let hostHeader = (bare.contains(":") ? "[\(bare)]" : bare) + (port == Endpoint.defaultPort(scheme) ? "" : ":\(port)")
        if absoluteForm { target = "\(scheme)://\(hostHeader)\(target)" }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
        if let proxyAuthorization { head += "Proxy-Authorization: \(proxyAuthorization)\r\n" }
        let skipped: Set<String> = ["host", "connection", "content-length", "transfer-encoding", "proxy-authorization"]
        for header in request.headers where !skipped.contains(header.name.lowercased()) {
            head += "\(header.name): \(header.value)\r\n"
        }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + (body ?? [])
    }

    private func kind(of error: Error) -> TransportError.Kind {
        guard let failure = error as? ResponseReader.Failure else { return .other("\(error)") }
        switch failure {
        case .tooLarge(let received): return .bodyTooLarge(limit: configuration.maxBodyBytes, receivedSoFar: received)
        case .truncated(let expected, let received): return .truncated(expected: expected, received: received)
        case .closedInsideHead(let received): return .closedInsideHead(received: received)
        case .proxy(let what): return .proxy(what)
        case .undecodable(let coding, let why): return .undecodableBody(coding: coding, why: why)
        case .notHTTP(let what): return .other("the reply from \(Endpoint.hostPort(request.url)) is not valid HTTP: \(what)")
        case .connection(let reason, let received):
            switch reason {
            case .refused: return .refused
            case .unresolvable: return .unresolvableHost
            case .timedOut: return .timedOut(seconds: timeout)
            case .cancelled: return .cancelled(reason: "the run was interrupted")
            case .closed: return .connectionLost(receivedSoFar: received)
            case .system(let message): return .other("connection to \(Endpoint.hostPort(request.url)) failed: \(message)")
            case .tls(let reason): return .tls(reason: reason)
            }
        }
    }
}
