import ConformCore
import Foundation

/// The outcome of a request after retries, and every attempt that led to it (for the reports).
public struct RetriedOutcome: Sendable {
    /// The last attempt's outcome.
    public var outcome: TransportOutcome
    /// One entry per attempt, in order; all but the last carry the seconds waited after them.
    public var attempts: [Attempt]
    public init(outcome: TransportOutcome, attempts: [Attempt]) { self.outcome = outcome; self.attempts = attempts }
}

/// Sends a request through another transport, retrying per `RetryPolicy` and recording every attempt.
///
/// Not itself a `Transport`: its result carries the attempts. A `deadline`, when given, stops retrying when
/// the wait would outlast it (the last outcome is returned as is).
public struct RetryingTransport: Sendable {
    public var base: any Transport
    public var policy: RetryPolicy
    public var deadline: RunDeadline?

    public init(base: any Transport, policy: RetryPolicy = RetryPolicy(), deadline: RunDeadline? = nil) {
        self.base = base; self.policy = policy; self.deadline = deadline
    }

    /// Sends `request`, each attempt limited to `timeout` seconds.
    public func send(_ request: HTTPRequest, timeout: Double) async -> RetriedOutcome {
        var attempts: [Attempt] = []
        var retry = 0
        while true {
            let started = ContinuousClock.now
            let outcome = await base.send(request, timeout: timeout)
            let duration = Self.seconds(ContinuousClock.now - started)
            var attempt = Attempt(number: attempts.count + 1, durationSeconds: duration)
            switch outcome {
            case .success(let response): attempt.status = response.status
            case .failure(let error): attempt.error = error.message
            }
            guard retry < policy.retries, policy.shouldRetry(outcome), !Task.isCancelled else {
                attempts.append(attempt)
                return RetriedOutcome(outcome: outcome, attempts: attempts)
            }
            let wait = policy.delay(beforeRetry: retry, after: outcome)
            if let deadline, wait >= deadline.remaining {
                attempts.append(attempt)
                return RetriedOutcome(outcome: outcome, attempts: attempts)
            }
            attempt.waitSeconds = wait
            attempts.append(attempt)
            await policy.sleep(wait)
            retry += 1
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
