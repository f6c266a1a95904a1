import ConformCore
import Foundation

/// Runs suites against their targets and returns every verdict.
///
/// Per suite: the planned cases (explicit, generated probes, auth rejections), walks and cross-checks,
/// at most `options.concurrency` at a time, each walk's pages in order. The credential comes from the
/// environment variable the suite names and is redacted from everything recorded.
public struct Runner: Sendable {
    public let transport: any Transport
    public let options: RunOptions
    public let environment: [String: String]

    public init(transport: any Transport, options: RunOptions = RunOptions(), environment: [String: String]) {
        self.transport = transport; self.options = options; self.environment = environment
    }

    /// Credential variables the suites need that are unset or empty (checked before anything is sent).
    public static func missingCredentials(in suites: [Suite], environment: [String: String]) -> [(suite: Suite, env: String)] {
        suites.compactMap { suite in
            guard let auth = suite.auth, !auth.optional else { return nil }
            return (environment[auth.env] ?? "").isEmpty ? (suite, auth.env) : nil
        }
    }

    /// Credentials that cannot travel in an HTTP header (RFC 9110 field values: visible characters, spaces and
    /// tabs): a line break or another control character would be dropped or refused by the client, and the
    /// run would then blame the server for rejecting a key it never received. Checked before anything is sent;
    /// the message names the variable and the position, never the value.
    public static func unsendableCredentials(in suites: [Suite], environment: [String: String]) -> [(suite: Suite, env: String, problem: String)] {
        suites.compactMap { suite in
            guard let auth = suite.auth, let value = environment[auth.env], !value.isEmpty else { return nil }
            for (offset, scalar) in value.unicodeScalars.enumerated() {
                let v = scalar.value
                if v == 0x09 || (0x20...0x7E).contains(v) || v >= 0xA0 { continue }
                let what = v == 0x0A ? "a line feed" : v == 0x0D ? "a carriage return" : v == 0 ? "a NUL" : String(format: "control character U+%04X", v)
                return (suite, auth.env, "\(what) at character \(offset + 1)")
            }
            return nil
        }
    }

    /// Runs every suite in order and collects the results.
    public func run(_ suites: [Suite]) async -> RunResult {
        let started = ContinuousClock.now
        let startedAt = Self.timestamp()
        let deadline = options.deadline.map { RunDeadline(seconds: $0) }
        var results: [SuiteResult] = []
        for suite in suites {
            results.append(await run(suite, deadline: deadline))
        }
        var result = RunResult(version: ConformVersion.current, startedAt: startedAt,
                               durationSeconds: RetryingTransport.seconds(ContinuousClock.now - started), suites: results, shard: options.shard)
        if options.insecureTLS { result.insecureTLS = true }
        return result
    }

    func run(_ suite: Suite, deadline: RunDeadline?) async -> SuiteResult {
        let started = ContinuousClock.now
        let startedAt = Self.timestamp()
        let context = SuiteRun(suite: suite, transport: transport, options: options, environment: environment, deadline: deadline)
        let plan = SuitePlan(suite: suite)
        options.onSuite?(suite, context.redactor.redact(context.baseURL))
        // Walks also hand back the catalog their pages listed.
        var jobs: [@Sendable () async -> (CaseResult, CatalogListing?)] = []
        let inShard = { (id: String) in options.shard?.selects(suite: suite.id, caseId: id) ?? true }
        for c in plan.cases where options.selects(id: c.id, name: c.name) && inShard(c.id) { jobs.append { (await context.run(c), nil) } }
        for w in plan.walks where options.selects(id: w.id, name: w.name) && inShard(w.id) { jobs.append { await PaginationWalk(run: context, walk: w).executeRecording() } }
        for x in plan.crossChecks where options.selects(id: x.id, name: x.name) && inShard(x.id) {
            jobs.append { (await CrossRequestCheck(run: context, cross: x).execute(), nil) }
        }
        let all = jobs
        let onCase = options.onCase
        let target = options.targetName ?? context.redactor.redact(Endpoint.hostPort(context.baseURL))
        let identity = FindingIdentity(suite: suite, target: target)
        let outputs = await BoundedConcurrency.map(count: all.count, limit: options.concurrency, { i -> (CaseResult, CatalogListing?) in
            let output = await all[i]()
            guard options.assignIdentities else { return output }
            var one = [output.0]
            identity.assign(&one)
            return (one[0], output.1)
        }, delivered: { _, output in onCase?(suite, output.0) })
        let catalogs = await CatalogRecorder(run: context).listings(walked: outputs.compactMap(\.1))
        var result = SuiteResult(suite: suite.id, title: suite.title, file: suite.file.source.path, baseURL: context.redactor.redact(context.baseURL),
                                 target: target, suiteHash: suite.file.sourceHash,
                                 cases: outputs.map(\.0), durationSeconds: RetryingTransport.seconds(ContinuousClock.now - started), startedAt: startedAt,
                                 catalogs: catalogs)
        let planned = plan.cases.map { ($0.id, $0.name) } + plan.walks.map { ($0.id, $0.name) } + plan.crossChecks.map { ($0.id, $0.name) }
        result.unselected = planned.filter { !options.selects(id: $0.0, name: $0.1) }.map(\.0)
        return result
    }

    /// `2026-11-22T04:15:40Z` (UTC, whole seconds), written directly: an `ISO8601DateFormatter` costs more
    /// to make than a self-test's drifted run spends on some of its checks.
    static func timestamp(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var t = tm()
        gmtime_r(&seconds, &t)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = Int(t.tm_year) + 1900
        let yyyy = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(yyyy)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }
}
