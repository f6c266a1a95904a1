import ConformCore
import Foundation

/// A transport for tests: answers from a closure, a list of outcomes or a table, and records every request.
public final class InMemoryTransport: Transport, @unchecked Sendable {
    /// Computes the outcome for a request (as sent: default headers included).
    public typealias Handler = @Sendable (HTTPRequest) async -> TransportOutcome

    private let handler: Handler
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []

    public init(handler: @escaping Handler) { self.handler = handler }

    /// Answers with `outcomes` in turn; the last one repeats.
    public convenience init(outcomes: [TransportOutcome]) {
        let queue = OutcomeQueue(outcomes)
        self.init { request in queue.next(for: request) }
    }

    /// Answers by `"METHOD /path?query"` (the URL's path and query); anything else gets a 404 naming the key.
    public convenience init(routes: [String: TransportOutcome]) {
        self.init { request in
            let key = "\(request.method) \(Self.pathAndQuery(request.url))"
            if let outcome = routes[key] { return outcome }
            return .success(HTTPResponse(status: 404, headers: [Header("Content-Type", "text/plain")],
                                         body: Array("no canned response for \(key)".utf8), url: request.url))
        }
    }

    /// Every request sent so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { sent } }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let full = request.withDefaultHeaders()
        lock.withLock { sent.append(full) }
        return await handler(full)
    }

    /// `/v5/models?limit=1` from `http://host:1/v5/models?limit=1`.
    static func pathAndQuery(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        let tail = String(rest[slash...])
        return tail.hasPrefix("?") ? "/" + tail : tail
    }
}

/// Hands out canned outcomes in order, repeating the last; fills in the request URL for responses without one.
private final class OutcomeQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [TransportOutcome]

    init(_ outcomes: [TransportOutcome]) { self.outcomes = outcomes }

    func next(for request: HTTPRequest) -> TransportOutcome {
        lock.withLock {
            guard let first = outcomes.first else {
                return .failure(TransportError(.other("no canned outcome left for \(request.url)"), endpoint: Endpoint.hostPort(request.url)))
            }
            if outcomes.count > 1 { outcomes.removeFirst() }
            guard case .success(var response) = first else { return first }
            if response.url.isEmpty { response.url = request.url }
            return .success(response)
        }
    }
}
