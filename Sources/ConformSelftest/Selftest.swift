import ConformCore
import ConformMock
import ConformRun
import Foundation

/// Proves a suite's checks can fail: runs it against the conforming mock (it must pass), then against a
/// fresh mock per drift of `DriftCatalog.drifts(for:)` (each must make the check it breaks fail).
///
/// Drifts run `concurrency` at a time, each under its own whole-run deadline, so one stuck drift costs at
/// most `driftDeadline` seconds and is reported (its requests become errors, and it survives).
public struct Selftest: Sendable {
    /// Drifted runs in flight at once.
    public var concurrency = 2
    /// Seconds one run (conforming or drifted) may take in all.
    public var driftDeadline: Double = 30
    /// Seconds one request attempt may take.
    public var requestTimeout: Double = 10
    /// Reuse the conforming run's checks for answers a drift left byte for byte the same (`EvaluationMemo`;
    /// default true). Off, every drifted answer is checked afresh: the same verdicts, more slowly.
    public var reuseAnswers = true
    /// Keeps only drifts whose name contains this text (`--filter`).
    public var filter: String?
    /// Called once per suite when it is done, in order (for printing as it goes).
    public var onSuite: (@Sendable (SuiteSelftest) -> Void)?
    /// Called as each drifted run finishes, in completion order (for a progress line).
    public var onDrift: (@Sendable (Suite, DriftVerdict) -> Void)?

    public init(concurrency: Int = 2, driftDeadline: Double = 30, filter: String? = nil) {
        self.concurrency = max(1, concurrency); self.driftDeadline = driftDeadline; self.filter = filter
    }

    /// The drifts of `suite` this self-test runs.
    public func drifts(for suite: Suite) -> [Drift] { selected(DriftCatalog.drifts(for: suite), of: suite) }

    /// The drifts of `all` that `filter` keeps.
    func selected(_ all: [Drift], of suite: Suite) -> [Drift] {
        guard let filter, !filter.isEmpty else { return all }
        return all.filter { $0.name.contains(filter) || "\(suite.id)/\($0.name)".contains(filter) }
    }

    /// Self-tests every suite. Two suites are under way at once — the next one's conforming run and drift
    /// survey (mostly one core) overlap the current one's drifts — with at most `concurrency` drifted runs in
    /// flight across both; `onSuite` still sees the suites in order.
    public func run(_ suites: [Suite]) async -> SelftestResult {
        let started = ContinuousClock.now
        let slots = RunSlots(concurrency)
        var done = [SuiteSelftest?](repeating: nil, count: suites.count)
        var reported = 0
        await withTaskGroup(of: (Int, SuiteSelftest).self) { group in
            var next = 0
            func launch() {
                guard next < suites.count else { return }
                let i = next, suite = suites[i]
                group.addTask { (i, await self.run(suite, slots: slots)) }
                next += 1
            }
            launch(); launch()
            while let (i, one) = await group.next() {
                done[i] = one
                while reported < done.count, let ready = done[reported] { onSuite?(ready); reported += 1 }
                launch()
            }
        }
        let elapsed = ContinuousClock.now - started
        return SelftestResult(suites: done.compactMap { $0 },
                              durationSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The drift counts of `suites` as this self-test selects them (each suite's catalog surveyed once per
    /// process; two suites at a time).
    public func driftCounts(_ suites: [Suite]) async -> [Int] {
        await Self.boundedMap(suites, limit: 2) { suite in self.drifts(for: suite).count }
    }

    /// Self-tests one suite: the conforming run, then its drifts.
    public func run(_ suite: Suite) async -> SuiteSelftest {
        await run(suite, slots: RunSlots(concurrency))
    }

    /// `run(_:)` with drifted runs taken from `slots` (shared by the suites that overlap).
    func run(_ suite: Suite, slots: RunSlots) async -> SuiteSelftest {
        // The conforming run records the checks of every answer; a drifted run reuses them for the answers its
        // drift left byte for byte the same, and checks the rest afresh (`EvaluationMemo`).
        let memo = EvaluationMemo()
        let options = runOptions(memo: reuseAnswers ? memo : nil)
        let environment = MockedRun.credentials(for: suite)
        let conforming: SuiteResult
        do {
            conforming = try await MockedRun(suite: suite, options: options, environment: environment).execute()
            memo.seal()
        } catch {
            return SuiteSelftest(suite: suite, conforming: nil, problem: "the mock could not start: \(error)", verdicts: [])
        }
        let all = DriftCatalog.drifts(for: suite)
        let drifts = selected(all, of: suite)
        let rules = RuleInventory.rules(of: suite, drifts: all)
        let unsatisfied = MockOracle.problems(suite)
        let onDrift = self.onDrift
        let verdicts = await Self.boundedMap(drifts, limit: concurrency) { drift in
            await slots.within {
                do {
                    let result = try await MockedRun(suite: suite, drift: drift, options: options, environment: environment).execute()
                    let verdict = DriftVerdict(drift: drift, result: result, document: suite.file.document, baseline: conforming)
                    onDrift?(suite, verdict)
                    return verdict
                } catch {
                    return DriftVerdict(drift: drift, problem: "the mock could not start: \(error)")
                }
            }
        }
        return SuiteSelftest(suite: suite, conforming: conforming, verdicts: verdicts, rules: rules, unsatisfied: unsatisfied)
    }

    /// Options for one run: its own deadline, no retries (the mock never asks for one; a retry only hides a
    /// fault), quick timeouts, no body excerpts (verdicts read checks; nothing of a self-test prints a body).
    func runOptions(memo: EvaluationMemo? = nil) -> RunOptions {
        var options = RunOptions(timeout: requestTimeout, deadline: driftDeadline, concurrency: 4, retryPolicy: RetryPolicy(retries: 0),
                                 excerptBytes: 0)
        options.recordCatalogs = false
        options.evaluationMemo = memo
        options.assignIdentities = false
        return options
    }

    /// `transform` over `items` with at most `limit` in flight; results in input order.
    static func boundedMap<T: Sendable, R: Sendable>(_ items: [T], limit: Int, _ transform: @escaping @Sendable (T) async -> R) async -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, R).self) { group in
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let i = next, item = items[i]
                group.addTask { (i, await transform(item)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { launch() }
            while let (i, value) = await group.next() {
                results[i] = value
                launch()
            }
        }
        return results.compactMap { $0 }
    }
}
