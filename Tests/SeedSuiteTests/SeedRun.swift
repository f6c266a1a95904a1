import ConformCore
import ConformRun
import Foundation
import Testing

/// Runs a seed suite against a reference API in process and judges the result.
enum SeedRun {
    /// The credential the reference APIs accept; a test value, never a real secret.
    static let secret = "seed-suite-test-credential-0001"

    /// Runs suite `name` with its credential in `env`, answering from `api` under base URL path `basePath`.
    static func run(_ name: String, env: String, basePath: String, api: any ReferenceAPI) async throws -> RunResult {
        let suite = try SeedSuites.load(name)
        let transport = InMemoryTransport { request in
            let parsed = APIRequest(request, basePath: basePath)
            let answer = api.answer(parsed)
            return .success(HTTPResponse(status: answer.status, headers: [Header("Content-Type", "application/json")],
                                         body: JSONWriter.bytes(answer.body), url: request.url))
        }
        let options = RunOptions(timeout: 5, concurrency: 2, retryPolicy: RetryPolicy(retries: 0),
                                 baseURL: "http://127.0.0.1:9" + basePath)
        return await Runner(transport: transport, options: options, environment: [env: secret]).run([suite])
    }

    /// Every finding of a run with the id of the case, walk or cross-check it belongs to.
    static func findings(_ result: RunResult) -> [(caseID: String, finding: Finding)] {
        result.suites.flatMap(\.cases).flatMap { c in c.checks.flatMap(\.findings).map { (c.id, $0) } }
    }

    /// One line per finding, for messages.
    static func describe(_ findings: [(caseID: String, finding: Finding)]) -> String {
        findings.map { "\($0.caseID): [\($0.finding.kind.rawValue) \($0.finding.check)] \($0.finding.title) at \($0.finding.pointer ?? "-") (rule \($0.finding.rulePointer ?? "-")): \($0.finding.detail)" }
            .joined(separator: "\n")
    }

    /// A conforming API: every check passes, none errs, none is skipped for lack of data.
    static func expectConforming(_ result: RunResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let all = findings(result)
        #expect(all.isEmpty, "a conforming API got findings:\n\(describe(all))", sourceLocation: sourceLocation)
        #expect(result.counts.passed > 0, sourceLocation: sourceLocation)
    }

    /// A broken API: some failure matches `expected` (check id, and case, rule pointer and instance pointer when given).
    static func expectFailure(_ result: RunResult, _ expected: ExpectedFailure, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let all = findings(result)
        let hit = all.contains { expected.matches(caseID: $0.caseID, $0.finding) }
        #expect(hit, "expected \(expected), got:\n\(describe(all))", sourceLocation: sourceLocation)
    }
}

/// The failure a broken rule must produce.
struct ExpectedFailure: CustomStringConvertible, Sendable {
    /// Finding check id (`schema.enum`, `invariant`, `status`, `walk.noDuplicateIds`).
    var check: String
    /// Case, walk or cross-check id, when it matters.
    var caseID: String? = nil
    /// A substring of the finding's rule pointer (where the rule is in the suite).
    var rule: String? = nil
    /// A substring of the finding's instance pointer (where the value is in the response).
    var pointer: String? = nil

    func matches(caseID: String, _ f: Finding) -> Bool {
        f.kind == .failure && f.check == check && (self.caseID.map { $0 == caseID } ?? true)
            && (rule.map { f.rulePointer?.contains($0) == true } ?? true)
            && (pointer.map { f.pointer?.contains($0) == true } ?? true)
    }

    var description: String {
        "failure \(check)" + (caseID.map { " in \($0)" } ?? "") + (rule.map { " rule ~ \($0)" } ?? "") + (pointer.map { " at ~ \($0)" } ?? "")
    }
}
