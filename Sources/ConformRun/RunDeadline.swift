import ConformCore

/// A whole-run deadline (`--deadline`): once reached, requests in flight are cut off and later ones fail
/// at once with `cancelled("run deadline of N s reached")`.
public final class RunDeadline: Sendable {
    /// The deadline's length, for messages.
    public let seconds: Double
    private let end: ContinuousClock.Instant

    public init(seconds: Double) {
        self.seconds = seconds
        self.end = ContinuousClock.now.advanced(by: .nanoseconds(Int64(min(max(0, seconds), 1e9) * 1e9)))
    }

    /// Seconds left (0 once reached).
    public var remaining: Double {
        let left = RetryingTransport.seconds(end - ContinuousClock.now)
        return max(0, left)
    }

    public var isReached: Bool { remaining <= 0 }

    /// The error a request gets when the deadline stops it.
    public func error(endpoint: String) -> TransportError {
        TransportError(.cancelled(reason: "run deadline of \(TransportError.seconds(seconds)) reached"), endpoint: endpoint)
    }
}

/// Wraps a transport so that every request respects a `RunDeadline`: its timeout is shortened to the time
/// left, and a timeout caused by the deadline is reported as `cancelled`, not as the server's slowness.
public struct DeadlineTransport: Transport {
    public var base: any Transport
    public var deadline: RunDeadline

    public init(base: any Transport, deadline: RunDeadline) { self.base = base; self.deadline = deadline }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let endpoint = Endpoint.hostPort(request.url)
        let left = deadline.remaining
        guard left > 0 else { return .failure(deadline.error(endpoint: endpoint)) }
        let cutByDeadline = left < timeout
        let outcome = await base.send(request, timeout: min(timeout, left))
        if case .failure(let error) = outcome, case .timedOut = error.kind, cutByDeadline {
            return .failure(deadline.error(endpoint: endpoint))
        }
        return outcome
    }
}
