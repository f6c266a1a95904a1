import ConformCore
@testable import ConformMock
import ConformRun
import ConformSelftest
import ConformTestSupport
import Foundation
import Testing

/// The self-test's shortcuts change nothing but its speed: reusing the conforming run's checks for identical
/// answers (`EvaluationMemo`) gives the verdicts checking every answer afresh gives, and the remembered
/// order of a catalog for a request (`ListResponder.listed`) is the order computing it again gives.
@Suite struct AnswerReuseTests {
    static func suite(_ relative: String) throws -> Suite {
        try SuiteLoader.load(path: SuiteFiles.packageRoot.appendingPathComponent(relative).path)
    }

    /// A verdict in comparable form: outcome, evidence and every failed check of every case.
    static func fingerprint(_ v: DriftVerdict) -> String {
        let failed = v.result.cases.flatMap { c in
            c.checks.filter { $0.status != .passed }.map { "\(c.id):\($0.check):\($0.status):\($0.findings.map(\.problemKey))" }
        }
        return "\(v.drift.name) \(v.outcome) \(v.evidence?.check ?? "-") \(v.evidence?.caseName ?? "-") \(v.evidence?.rulePointer ?? "-") \(failed)"
    }

    @Test(arguments: ["Tests/UserSuites/cursor-list.json", "Tests/UserSuites/fixed-pages.json", "suites/digitalocean-gradient-list-models.json"])
    func reusedAnswersGiveTheVerdictsOfFreshChecks(_ path: String) async throws {
        let suite = try Self.suite(path)
        var unmemoised = Selftest.unhurried()
        unmemoised.reuseAnswers = false
        let fresh = unmemoised, reused = Selftest.unhurried()
        let a = await heavy { await fresh.run(suite) }, b = await heavy { await reused.run(suite) }
        #expect(a.verdicts.count == b.verdicts.count)
        #expect(!a.verdicts.isEmpty)
        for (x, y) in zip(a.verdicts, b.verdicts) { #expect(Self.fingerprint(x) == Self.fingerprint(y)) }
    }

    /// The memo answers only an exact repeat: one byte of the body different, and the checks run again.
    @Test func aChangedAnswerIsCheckedAfresh() async throws {
        let suite = try Self.suite("Tests/UserSuites/cursor-list.json")
        let memo = EvaluationMemo()
        var settings = RunOptions(timeout: 300, deadline: 600, concurrency: 1, retryPolicy: RetryPolicy(retries: 0))
        settings.evaluationMemo = memo
        let options = settings
        let environment = MockedRun.credentials(for: suite)
        let first = try await heavy { try await MockedRun(suite: suite, options: options, environment: environment).execute() }
        memo.seal()
        let again = try await heavy { try await MockedRun(suite: suite, options: options, environment: environment).execute() }
        #expect(memo.counts.misses == 0 && memo.counts.hits > 0, "\(memo.counts)")
        #expect(first.cases.map { $0.checks.map(\.status) } == again.cases.map { $0.checks.map(\.status) })
        let drift = try #require(DriftCatalog.drifts(for: suite).first { $0.schemaDrift != nil })
        let drifted = try await heavy { try await MockedRun(suite: suite, drift: drift, options: options, environment: environment).execute() }
        #expect(memo.counts.misses > 0, "the drifted answers were not checked afresh: \(memo.counts)")
        #expect(drifted.counts.failed > 0)
    }

    /// Every list request the suites send, against the conforming mock and against each schema drift's: the
    /// remembered order equals the order computed on the spot (a dataset without a catalog key).
    @Test(arguments: ["suites/scale-gp-v4-list-models.json", "suites/open-webui-list-models.json", "Tests/UserSuites/cursor-list.json"])
    func theRememberedOrderIsTheComputedOne(_ path: String) throws {
        let suite = try Self.suite(path)
        let drifts: [Drift?] = [nil] + DriftCatalog.drifts(for: suite).filter { $0.schemaDrift != nil }.prefix(12).map { $0 }
        var compared = 0
        for drift in drifts {
            let service = SuiteService(suite: suite, seed: 1, models: 57, drift: drift, anyID: false)
            for route in service.routes {
                guard let shape = route.shape, let key = route.dataset, let data = service.datasets[key] else { continue }
                #expect(data.catalogKey != nil)
                var plain = data
                plain.catalogKey = nil
                for c in SuitePlan(suite: suite).cases where c.operation == route.operation.id {
                    let query = c.query.map { "\(PercentCoding.encode($0.0))=\(PercentCoding.encode(RequestBuilder.queryText($0.1)))" }
                    let target = suite.basePath + route.operation.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
                    let http = HTTPServerRequest(method: "GET", target: target)
                    let responder = ListResponder(service: service, shape: shape, served: ServedRequest(http, operation: route.operation, suite: suite), http: http)
                    #expect(responder.listed(data) == responder.listed(plain), "\(drift?.name ?? "conforming") \(target)")
                    compared += 1
                }
            }
        }
        #expect(compared > 0)
    }
}
