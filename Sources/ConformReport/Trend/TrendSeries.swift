import ConformCore
import Foundation

/// The nights of one suite against one target, oldest first: what `conform trend` tabulates and charts.
public struct TrendSeries: Sendable, Hashable {
    /// What a series is about: a suite id and a target label.
    public struct Key: Sendable, Hashable {
        /// The suite id (`scale-gp-v5-list-models`).
        public var suite: String
        /// The target label (`api.example.com:443`).
        public var target: String
        /// A key for `suite` against `target`.
        public init(suite: String, target: String) { self.suite = suite; self.target = target }
    }

    public var key: Key
    /// The suite's title on its latest night (titles come from suite files: untrusted text).
    public var title: String
    /// One point per night the suite ran against the target, in the order the runs were given.
    public var points: [TrendPoint]

    /// A series with the given points.
    public init(key: Key, title: String, points: [TrendPoint]) { self.key = key; self.title = title; self.points = points }

    /// Groups runs (oldest first) into one series per suite × target, in order of first appearance. New, fixed and
    /// catalog changes compare each night with the series' previous night (`TrendComparison`); `extras` supplies
    /// what a results file records about baselines (nothing, by default).
    public static func build(_ runs: [RunResult],
                             extras: (RunResult, SuiteResult) -> TrendExtras = { _, _ in TrendExtras() }) -> [TrendSeries] {
        var order: [Key] = []
        var series: [Key: TrendSeries] = [:]
        var previous: [Key: SuiteResult] = [:]
        for run in runs {
            for (key, suite) in merged(run.suites) {
                let tally = suite.counts
                let change = previous[key].map { TrendComparison.newAndFixed(before: $0, after: suite) }
                let extra = extras(run, suite)
                let point = TrendPoint(date: run.startedAt, passed: tally.passed, failed: tally.failed, errors: tally.errors,
                                       skipped: tally.skipped, new: change?.new, fixed: change?.fixed, known: extra.known,
                                       catalogSize: TrendComparison.catalogSize(suite),
                                       catalogChanges: previous[key].flatMap { TrendComparison.catalogChanges(before: $0, after: suite) })
                if series[key] == nil {
                    order.append(key)
                    series[key] = TrendSeries(key: key, title: suite.title, points: [])
                }
                series[key]?.points.append(point)
                series[key]?.title = suite.title
                previous[key] = suite
            }
        }
        return order.compactMap { series[$0] }
    }

    /// The label of the target a suite ran against: the one the run recorded (`--target-name`, default
    /// `host:port`), else its base URL's `host:port`, or the whole base URL when it has no host.
    public static func target(of suite: SuiteResult) -> String {
        if !suite.target.isEmpty { return suite.target }
        guard let url = URLComponents(string: suite.baseURL), let host = url.host, !host.isEmpty else { return suite.baseURL }
        let port = url.port ?? (url.scheme == "https" ? 443 : url.scheme == "http" ? 80 : nil)
        let shown = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(shown):\($0)" } ?? shown
    }

    /// One suite result per suite × target of a run: a suite run twice against one target counts as one night.
    private static func merged(_ suites: [SuiteResult]) -> [(Key, SuiteResult)] {
        var order: [Key] = []
        var byKey: [Key: SuiteResult] = [:]
        for suite in suites {
            let key = Key(suite: suite.suite, target: target(of: suite))
            if var existing = byKey[key] {
                existing.cases += suite.cases
                existing.catalogs += suite.catalogs
                byKey[key] = existing
            } else {
                order.append(key)
                byKey[key] = suite
            }
        }
        return order.map { ($0, byKey[$0]!) }
    }
}
