import ConformCore
import Foundation

/// One request over `SocketConnection`s, following same-origin redirects: the blocking body of `SocketTransport`.
struct SocketExchange {
    let request: HTTPRequest
    let timeout: Double
    let deadline: ContinuousClock.Instant
    let cancel: CancelFlag
    let configuration: TransportConfiguration

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
        guard let host = url.host else { throw ResponseReader.Failure.notHTTP("no host") }
        let port = url.port ?? 80
        let connection: SocketConnection
        do { connection = try SocketConnection.open(host: host, port: port, deadline: deadline, cancel: cancel) } catch {
            throw ResponseReader.Failure.connection(error, receivedSoFar: 0)
        }
        do { try connection.write(requestBytes(url: url, host: host, port: port, method: method, body: body)) } catch {
            throw ResponseReader.Failure.connection(error, receivedSoFar: 0)
        }
        var reader = ResponseReader(connection: connection, maxBodyBytes: configuration.maxBodyBytes)
        let head = try reader.readHead()
        return (head, try reader.readBody(for: head, method: method))
    }

    /// The request head and body as bytes; `Connection: close` because each request has its own connection.
    private func requestBytes(url: URL, host: String, port: Int, method: String, body: [UInt8]?) -> [UInt8] {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let hostHeader = (bare.contains(":") ? "[\(bare)]" : bare) + (port == 80 ? "" : ":\(port)")
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\n"
        let skipped: Set<String> = ["host", "connection", "content-length", "transfer-encoding"]
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
        case .notHTTP(let what): return .other("the reply from \(Endpoint.hostPort(request.url)) is not valid HTTP: \(what)")
        case .connection(let reason, let received):
            switch reason {
            case .refused: return .refused
            case .unresolvable: return .unresolvableHost
            case .timedOut: return .timedOut(seconds: timeout)
            case .cancelled: return .cancelled(reason: "the run was interrupted")
            case .closed: return .connectionLost(receivedSoFar: received)
            case .system(let message): return .other("connection to \(Endpoint.hostPort(request.url)) failed: \(message)")
            }
        }
    }
}
