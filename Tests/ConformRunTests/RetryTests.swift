import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Retries against loopback servers (real sleeping) and against canned outcomes (injected sleep and random).
@Suite struct RetryTests {
    /// Counts requests so a handler can answer differently each time.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    @Test func twoServiceUnavailablesWithRetryAfterThenSuccess() async throws {
        let counter = Counter()
        let server = try LoopbackServer { _, connection in
            if counter.next() <= 2 {
                connection.respond(status: 503, headers: [("Retry-After", "1")], body: #"{"detail":"busy"}"#)
            } else {
                connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: #"{"items":[]}"#)
            }
        }
        defer { server.stop() }
        let retrying = RetryingTransport(base: SocketTransport(), policy: RetryPolicy(retries: 2))
        let (result, seconds) = await timed { await retrying.send(HTTPRequest(url: server.baseURL + "/v5/models"), timeout: 5) }
        #expect(result.outcome.response?.status == 200)
        #expect(result.attempts.map(\.number) == [1, 2, 3])
        #expect(result.attempts.map(\.status) == [503, 503, 200])
        #expect(result.attempts.map(\.waitSeconds) == [1, 1, nil])
        #expect(seconds >= 1.9 && seconds < 5, "took \(seconds) s")
    }

    @Test func tooManyRequestsForeverFailsAfterTheBudget() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(status: 429, body: #"{"detail":"slow down"}"#) }
        defer { server.stop() }
        let retrying = RetryingTransport(base: SocketTransport(), policy: RetryPolicy(retries: 2))
        let (result, seconds) = await timed { await retrying.send(HTTPRequest(url: server.baseURL + "/v5/models"), timeout: 5) }
        #expect(result.outcome.response?.status == 429)
        #expect(result.attempts.map(\.status) == [429, 429, 429])
        #expect(server.requests.count == 3)
        // Full jitter: the first wait is within 0...0.2 s, the second within 0...0.4 s.
        let waits = result.attempts.compactMap(\.waitSeconds)
        #expect(waits.count == 2 && waits[0] <= 0.2 && waits[1] <= 0.4)
        #expect(seconds < 5)
    }

    @Test func refusedConnectionIsRetriedAndEveryAttemptRecorded() async throws {
        let port = try LoopbackServer.refusingPort()
        let retrying = RetryingTransport(base: SocketTransport(), policy: RetryPolicy(retries: 1, sleep: { _ in }))
        let result = await retrying.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"), timeout: 5)
        #expect(result.attempts.count == 2)
        #expect(result.attempts.allSatisfy { $0.error == "connection refused by 127.0.0.1:\(port)" && $0.status == nil })
    }

    static func response(_ status: Int, _ headers: [Header] = []) -> TransportOutcome {
        .success(HTTPResponse(status: status, headers: headers, url: ""))
    }

    @Test(arguments: [500, 502, 404, 422, 200])
    func otherStatusesAreNotRetried(status: Int) async {
        let transport = InMemoryTransport(outcomes: [Self.response(status), Self.response(200)])
        let result = await RetryingTransport(base: transport, policy: RetryPolicy(sleep: { _ in })).send(HTTPRequest(url: "http://h/"), timeout: 1)
        #expect(result.attempts.count == 1)
        #expect(transport.requests.count == 1)
    }

    @Test func timeoutsAreNotRetried() async {
        let timedOut = TransportOutcome.failure(TransportError(.timedOut(seconds: 1), endpoint: "h:80"))
        let transport = InMemoryTransport(outcomes: [timedOut, Self.response(200)])
        let result = await RetryingTransport(base: transport, policy: RetryPolicy(sleep: { _ in })).send(HTTPRequest(url: "http://h/"), timeout: 1)
        #expect(result.attempts.map(\.error) == ["no response from h:80 within 1 s"])
    }

    @Test func backoffIsExponentialWithFullJitterAndCapped() {
        // `random` returns its upper bound, exposing the ceiling of each wait.
        let policy = RetryPolicy(retries: 10, baseDelay: 0.2, maxDelay: 5, random: { $0 })
        let waits = (0..<7).map { policy.delay(beforeRetry: $0, after: Self.response(503)) }
        #expect(waits == [0.2, 0.4, 0.8, 1.6, 3.2, 5, 5])
        let zero = RetryPolicy(random: { _ in 0 })
        #expect(zero.delay(beforeRetry: 3, after: Self.response(503)) == 0)
    }

    @Test(arguments: [
        ("3", 3.0), ("0", 0.0), ("600", 10.0), ("Sun, 22 Nov 2026 04:00:05 GMT", 5.0),
        ("Sun, 22 Nov 2026 03:59:00 GMT", 0.0), ("soon", 0.123),
    ])
    func retryAfterIsHonouredAndCapped(value: String, expected: Double) {
        let now = Date(timeIntervalSince1970: 1_795_320_000)  // Sun, 22 Nov 2026 04:00:00 GMT
        let policy = RetryPolicy(maxRetryAfter: 10, random: { _ in 0.123 }, now: { now })
        #expect(policy.delay(beforeRetry: 0, after: Self.response(429, [Header("retry-after", value)])) == expected)
    }

    @Test func waitsAreSleptAndAttemptsNumbered() async {
        let slept = SleepLog()
        let transport = InMemoryTransport(outcomes: [Self.response(503, [Header("Retry-After", "2")]), Self.response(429), Self.response(200)])
        let policy = RetryPolicy(retries: 5, random: { $0 / 2 }, sleep: { await slept.add($0) })
        let result = await RetryingTransport(base: transport, policy: policy).send(HTTPRequest(url: "http://h/"), timeout: 1)
        #expect(await slept.values == [2, 0.2])
        #expect(result.attempts.map(\.waitSeconds) == [2, 0.2, nil])
        #expect(result.attempts.map(\.status) == [503, 429, 200])
    }

    @Test func noRetryWhenTheWaitWouldOutlastTheDeadline() async {
        let transport = InMemoryTransport(outcomes: [Self.response(503, [Header("Retry-After", "5")]), Self.response(200)])
        let retrying = RetryingTransport(base: transport, policy: RetryPolicy(sleep: { _ in }), deadline: RunDeadline(seconds: 2))
        let result = await retrying.send(HTTPRequest(url: "http://h/"), timeout: 1)
        #expect(result.attempts.count == 1)
        #expect(result.attempts.first?.waitSeconds == nil)
        #expect(result.outcome.response?.status == 503)
    }
}

actor SleepLog {
    var values: [Double] = []
    func add(_ value: Double) { values.append(value) }
}
