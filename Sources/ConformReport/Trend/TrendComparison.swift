import ConformCore

/// What changed between two consecutive nights of one suite × target: failures new and fixed, and the catalog.
///
/// The only place the trend decides that two findings are "the same failure", or that a model changed: it asks
/// the run-over-run diff (`SuiteComparison`, as `conform diff` does) and the catalog diff (`CatalogDiff`), so
/// `conform trend` and `conform diff` always agree.
enum TrendComparison {
    /// Counts of the diff's `new` and `fixed` entries between the two nights (distinct failures by finding id;
    /// a check that could not run on one side makes nothing new or fixed there).
    static func newAndFixed(before: SuiteResult, after: SuiteResult) -> (new: Int, fixed: Int) {
        let entries = SuiteComparison(before: before, after: after).entries
        return (entries.filter { $0.change == .new }.count, entries.filter { $0.change == .fixed }.count)
    }

    /// Models listed on a night, over the suite's list operations; nil when no listing was recorded or any
    /// listing is not a whole catalog (incomplete, failed, errored).
    static func catalogSize(_ suite: SuiteResult) -> Int? {
        guard !suite.catalogs.isEmpty, suite.catalogs.allSatisfy({ $0.status == .complete || $0.status == .empty }) else { return nil }
        return suite.catalogs.reduce(0) { $0 + $1.items.count + $1.itemsWithoutId }
    }

    /// Models added, removed or changed since the previous night, over the listings that could be compared;
    /// nil when none could (no listings, or every comparison inconclusive).
    static func catalogChanges(before: SuiteResult, after: SuiteResult) -> Int? {
        func run(_ suite: SuiteResult) -> RunResult { RunResult(version: "", startedAt: "", durationSeconds: 0, suites: [suite]) }
        let compared = CatalogDiff.compare(before: run(before), after: run(after)).comparisons.filter { $0.inconclusive == nil }
        guard !compared.isEmpty else { return nil }
        return compared.reduce(0) { $0 + $1.added.count + $1.removed.count + $1.changed.count }
    }
}
