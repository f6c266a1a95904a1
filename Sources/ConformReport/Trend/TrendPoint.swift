/// One night of one suite against one target: its check tallies, what changed since the series' previous night,
/// and what the results file recorded about accepted failures and the catalog.
public struct TrendPoint: Sendable, Hashable {
    /// The run's `startedAt`, as written in results.json (RFC 3339, `2026-11-22T04:00:00Z`).
    public var date: String
    /// Check verdicts of the suite that night.
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    /// Distinct failures failing tonight and not the night before (`TrendComparison`); nil on a series' first night.
    public var new: Int?
    /// Distinct failures failing the night before and not tonight; nil on a series' first night.
    public var fixed: Int?
    /// Failures a baseline accepted that night; nil when the run had no baseline.
    public var known: Int?
    /// Items the list operations returned that night; nil when the results do not record the catalog.
    public var catalogSize: Int?
    /// Models added, removed or changed since the previous night; nil when not recorded.
    public var catalogChanges: Int?

    /// A point with every field given; the optional ones default to "not recorded".
    public init(date: String, passed: Int, failed: Int, errors: Int, skipped: Int, new: Int? = nil, fixed: Int? = nil,
                known: Int? = nil, catalogSize: Int? = nil, catalogChanges: Int? = nil) {
        self.date = date; self.passed = passed; self.failed = failed; self.errors = errors; self.skipped = skipped
        self.new = new; self.fixed = fixed; self.known = known; self.catalogSize = catalogSize; self.catalogChanges = catalogChanges
    }
}
