import ConformCore
import Foundation

/// When and how long to wait before trying a request again.
///
/// Retried: connection errors (`TransportError.isRetryable`: refused, lost) and the statuses in
/// `retryableStatuses` (429, 503). Never other statuses: a 500 or a 422 is the server's answer and the
/// contract check must see it. The wait is exponential backoff with full jitter
/// (`random(0 ... min(maxDelay, baseDelay · 2^n))`) unless the response carries `Retry-After`
/// (seconds or an HTTP-date), which is honoured up to `maxRetryAfter`.
public struct RetryPolicy: Sendable {
    /// Attempts after the first one (`--retries`, default 2: three attempts at most).
    public var retries: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// Longest `Retry-After` honoured; a longer one is cut to this so a server cannot stall the run.
    public var maxRetryAfter: Double
    public var retryableStatuses: Set<Int>
    /// A uniform random number in `0 ... upper` (injectable so tests are exact).
    public var random: @Sendable (_ upper: Double) -> Double
    /// Waits this many seconds (injectable so tests need not sleep).
    public var sleep: @Sendable (_ seconds: Double) async -> Void
    /// The current time, for `Retry-After` dates.
    public var now: @Sendable () -> Date

    public init(retries: Int = 2, baseDelay: Double = 0.2, maxDelay: Double = 5, maxRetryAfter: Double = 10,
                retryableStatuses: Set<Int> = [429, 503],
                random: @escaping @Sendable (Double) -> Double = { $0 > 0 ? Double.random(in: 0...$0) : 0 },
                sleep: @escaping @Sendable (Double) async -> Void = RetryPolicy.taskSleep,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.retries = max(0, retries); self.baseDelay = baseDelay; self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter; self.retryableStatuses = retryableStatuses
        self.random = random; self.sleep = sleep; self.now = now
    }

    /// No retries at all.
    public static let none = RetryPolicy(retries: 0)

    /// Whether this outcome deserves another attempt (ignoring the retry budget).
    public func shouldRetry(_ outcome: TransportOutcome) -> Bool {
        switch outcome {
        case .success(let response): return retryableStatuses.contains(response.status)
        case .failure(let error): return error.isRetryable
        }
    }

    /// Seconds to wait before retry number `retry` (0 for the first retry) after `outcome`.
    public func delay(beforeRetry retry: Int, after outcome: TransportOutcome) -> Double {
        if case .success(let response) = outcome, let value = response.header("Retry-After"),
           let seconds = Self.retryAfterSeconds(value, now: now()) {
            return min(max(0, seconds), maxRetryAfter)
        }
        let exponent = min(retry, 30)
        let ceiling = min(maxDelay, baseDelay * Double(1 << exponent))
        return min(max(0, random(ceiling)), ceiling)
    }

    /// `Retry-After` in seconds: delta-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`,
    /// relative to `now`); nil when it is neither.
    public static func retryAfterSeconds(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return Double(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Real sleeping that ends early when the task is cancelled.
    public static let taskSleep: @Sendable (Double) async -> Void = { seconds in
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
