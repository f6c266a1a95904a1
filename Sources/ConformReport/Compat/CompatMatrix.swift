import ConformCore

/// One contract × many targets, aligned: rows are the suites' checks (suite → operation → check) lined up
/// across targets by `sharedId`, columns are targets, a cell is one target's verdict on one rule.
///
/// ```
/// rule                                   litellm-1.106     open-webui-0.12      mock
/// GET /models › lists … › status is 200  ✔ pass            ✔ pass               ✔ pass
/// … › body matches schema                ✔ pass            ✘ member missing     ✔ pass
/// score                                  100.0 % (12/12)   91.6 % (11 of 12)    100.0 % (12 of 12)
/// ```
public struct CompatMatrix: Sendable {
    /// One target: its name, base URL, labels and score.
    public struct Column: Sendable {
        public var name: String
        public var baseURL: String
        public var labels: [Target.Label]
        public var score: CompatScore
    }

    /// One rule of one case, with its cell on every target (in column order).
    public struct Row: Sendable {
        public var suite: String
        public var suiteTitle: String
        public var operation: String
        public var caseId: String
        public var caseName: String
        public var checkName: String
        /// The check kind (`status`, `schema`, `walk.fullPages`).
        public var check: String
        /// The target-free id the row is aligned by.
        public var sharedId: String
        /// `suites/x.json:12:5`, from the first finding that names it on any target.
        public var ruleLocation: String?
        /// The case's citation of the source document.
        public var citation: String?
        public var cells: [CompatCell]

        /// Targets on which the rule passed.
        public var passes: Int { cells.filter { $0.state == .pass }.count }
    }

    public var version: String
    public var startedAt: String
    public var durationSeconds: Double
    public var columns: [Column]
    public var rows: [Row]

    /// Targets with at least one applicable rule.
    public var measuredColumns: [Int] { columns.indices.filter { columns[$0].score.measured } }

    /// Whether a row passes on every measured target (an unmeasured target's errors do not make it differ).
    public func holdsEverywhere(_ row: Row) -> Bool {
        let measured = measuredColumns
        return !measured.isEmpty && measured.allSatisfy { row.cells[$0].state == .pass }
    }

    /// Rules that pass on every measured target (wpt.fyi's interop): none when no target was measured.
    public var interop: Int {
        let measured = measuredColumns
        guard !measured.isEmpty else { return 0 }
        return rows.filter(holdsEverywhere).count
    }

    /// `distribution[n]`: rules that pass on exactly n of the measured targets.
    public var distribution: [Int] {
        let measured = measuredColumns
        var out = [Int](repeating: 0, count: measured.count + 1)
        for row in rows { out[measured.filter { row.cells[$0].state == .pass }.count] += 1 }
        return out
    }

    /// 0 every target passes · 1 a target fails a check · 3 a target could not be measured (or a check
    /// could not run) and none failed.
    public var exitCode: Int32 {
        if columns.contains(where: { $0.score.departs || $0.score.notChecked > 0 }) { return 1 }
        if columns.contains(where: { !$0.score.measured || $0.score.errors > 0 }) { return 3 }
        return 0
    }
}
