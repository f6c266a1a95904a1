import ConformCore
import Foundation
import Testing
@testable import ConformRun

/// The runner against an in-memory transport: verdicts, skips, errors, attempts and redaction.
@Suite struct RunnerTests {
    @Test func passingCaseRecordsRequestResponseAndCurl() async throws {
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(200, #"{"items": [1, 2], "total": 2}"#)])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t)
        let c = try #require(run.suites.first?.cases.first)
        #expect(c.name == "GET /v1/models?limit=2 › lists models")
        #expect(c.checks.map(\.name) == ["status is 200", "content-type is application/json", "body is JSON", "body matches schema", "total >= len(items)"])
        #expect(c.checks.allSatisfy { $0.status == .passed })
        #expect(c.request?.url == "http://127.0.0.1:1/api/v1/models?limit=2")
        #expect(c.request?.headers.contains(Header("x-api-key", "$FIXTURE_API_KEY")) == true)
        #expect(c.curl?.contains("\"x-api-key: $FIXTURE_API_KEY\"") == true)
        #expect(t.requests.first?.header("x-api-key") == RunnerFixture.secret)
        #expect(run.exitCode == 0)
    }

    @Test func invariantFailureFailsTheRun() async throws {
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(200, #"{"items": [1, 2, 3], "total": 2}"#)])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t)
        let inv = try #require(run.suites.first?.cases.first?.checks.first { $0.check == "invariant" })
        #expect(inv.status == .failed)
        #expect(inv.findings.first?.ruleLocation?.hasPrefix("fixture.json:") == true)
        #expect(run.exitCode == 1)
    }

    @Test func statusMismatchSkipsTheRulesOfTheExpectedStatus() async throws {
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(500, #"{"oops": true}"#)])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(checks.first?.status == .failed)
        #expect(checks.dropFirst().allSatisfy { $0.status == .skipped })
        #expect(checks.dropFirst().first?.skipReason?.contains("status 500 is not 200") == true)
    }

    @Test func unexpected2xxOnARejectionProbeFails() async throws {
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(200, #"{"items": [], "total": 0}"#)])
        let probe = RunnerFixture.listCase("list.limit.above-maximum", query: [("limit", 1001)], statuses: [422])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [probe]), transport: t)
        let status = try #require(run.suites.first?.cases.first?.checks.first)
        #expect(status.status == .failed)
        #expect(status.findings.first?.title == "request that must be rejected was accepted")
    }

    @Test func transportFailureIsAnErrorAndExitCode3() async throws {
        let t = InMemoryTransport(outcomes: [.failure(TransportError(.refused, endpoint: "127.0.0.1:1"))])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t,
                                          options: RunnerFixture.options(retries: 2))
        let c = try #require(run.suites.first?.cases.first)
        #expect(c.checks.first?.status == .error)
        #expect(c.checks.first?.findings.first?.detail.contains("connection refused") == true)
        #expect(c.attempts.count == 3)
        #expect(c.checks.dropFirst().allSatisfy { $0.status == .skipped })
        #expect(run.exitCode == 3)
    }

    @Test func retriesOn503AreRecordedAndThenPass() async throws {
        let busy = RunnerFixture.json(503, "{}", headers: [Header("Retry-After", "1")])
        let t = InMemoryTransport(outcomes: [busy, busy, RunnerFixture.json(200, #"{"items": [], "total": 0}"#)])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t,
                                          options: RunnerFixture.options(retries: 2))
        let c = try #require(run.suites.first?.cases.first)
        #expect(c.attempts.map(\.status) == [503, 503, 200])
        #expect(c.attempts.first?.waitSeconds == 1)
        #expect(run.exitCode == 0)
    }

    @Test func secretEchoedByTheServerNeverAppearsInTheResult() async throws {
        let t = InMemoryTransport { request in
            let echoed = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\\n")
            return RunnerFixture.json(200, #"{"echo": "\#(echoed)", "items": "\#(request.header("x-api-key") ?? "")"}"#,
                                      headers: [Header("X-Echo-Key", request.header("x-api-key") ?? "")])
        }
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t)
        let dump = String(describing: run)
        #expect(!dump.contains(RunnerFixture.secret))
        #expect(dump.contains("$FIXTURE_API_KEY"))
        #expect(run.exitCode == 1)  // items is not an array: the invariant fails, quoting redacted values only
    }

    @Test(arguments: [(Case.AuthMode.none, nil as String?), (.wrong, SuiteRun.wrongCredential)])
    func authModesNeverSendTheRealCredential(mode: Case.AuthMode, sent: String?) async throws {
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(401, #"{"detail": "no"}"#)])
        let c = RunnerFixture.listCase("auth", statuses: [401], auth: mode)
        _ = await RunnerFixture.run(try RunnerFixture.suite(cases: [c]), transport: t)
        #expect(t.requests.first?.header("x-api-key") == sent)
    }

    @Test func missingCredentialIsReportedBeforeRunning() throws {
        let missing = Runner.missingCredentials(in: [try RunnerFixture.suite()], environment: [:])
        #expect(missing.map(\.env) == ["FIXTURE_API_KEY"])
        #expect(Runner.missingCredentials(in: [try RunnerFixture.suite(optionalAuth: true)], environment: [:]).isEmpty)
    }

    @Test func filterAndVariables() async throws {
        var options = RunnerFixture.options()
        options.filter = "list.*"
        options.variables = ["LIMIT": "7"]
        let t = InMemoryTransport(outcomes: [RunnerFixture.json(200, #"{"items": [], "total": 0}"#)])
        let cases = [RunnerFixture.listCase("list.a", query: [("limit", "${LIMIT}")]), RunnerFixture.listCase("other")]
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: cases), transport: t, options: options)
        #expect(run.suites.first?.cases.map(\.id) == ["list.a"])
        #expect(t.requests.first?.url.hasSuffix("limit=7") == true)
        #expect(RunOptions(filter: "models").selects(id: "x", name: "GET /v1/models"))
    }

    @Test func concurrencyKeepsPlanOrder() async throws {
        let t = InMemoryTransport { request in
            if request.url.contains("limit=1") { try? await Task.sleep(nanoseconds: 50_000_000) }
            return RunnerFixture.json(200, #"{"items": [], "total": 0}"#)
        }
        let cases = (1...6).map { RunnerFixture.listCase("c\($0)", query: [("limit", JSONValue($0))]) }
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: cases), transport: t)
        #expect(run.suites.first?.cases.map(\.id) == ["c1", "c2", "c3", "c4", "c5", "c6"])
    }
}

/// A result's `startedAt`: what `ISO8601DateFormatter` with `.withInternetDateTime` writes, in UTC.
@Suite struct RunnerTimestampTests {
    @Test(arguments: [0.0, 59.999, 951_782_400, 1_795_000_000.5, 4_102_444_799, -1])
    func writesInternetDateTime(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        #expect(Runner.timestamp(date) == f.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))))
    }
}
