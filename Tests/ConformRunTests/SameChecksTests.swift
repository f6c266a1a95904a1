import ConformCore
import Testing
@testable import ConformRun

/// Every case lists the same checks whatever the target answers, so every target has the same denominator.
@Suite struct SameChecksTests {
    static let listed = ["status is 200", "content-type is application/json", "body is JSON", "body matches schema", "total >= len(items)"]

    static func checks(_ outcome: TransportOutcome) async throws -> [CheckResult] {
        let t = InMemoryTransport(outcomes: [outcome])
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: t,
                                          options: RunnerFixture.options(retries: 0))
        return try #require(run.suites.first?.cases.first?.checks)
    }

    @Test func aWrongStatusListsTheLaterChecksAsSkipped() async throws {
        let checks = try await Self.checks(RunnerFixture.json(404, "<html>not here</html>"))
        #expect(checks.map(\.name) == Self.listed)
        #expect(checks.dropFirst().allSatisfy { $0.status == .skipped && $0.skipReason?.contains("status 404 is not 200") == true })
    }

    @Test func noResponseListsEveryCheckAsSkippedAfterTheError() async throws {
        let checks = try await Self.checks(.failure(TransportError(.refused, endpoint: "127.0.0.1:1")))
        #expect(checks.first?.check == CheckKind.transport.id && checks.first?.status == .error)
        #expect(Array(checks.dropFirst().map(\.name)) == Self.listed)
        #expect(checks.dropFirst().allSatisfy { $0.status == .skipped && $0.skipReason?.hasPrefix("no response to check") == true })
    }

    @Test func theSkippedChecksKeepTheIdsOfTheChecksThatRan() async throws {
        let ran = try await Self.checks(RunnerFixture.json(200, #"{"items": [1, 2], "total": 2}"#))
        let skipped = try await Self.checks(RunnerFixture.json(500, "{}"))
        #expect(ran.map(\.sharedId) == skipped.map(\.sharedId))
    }
}
