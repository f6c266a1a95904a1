import ConformCore

/// One suite flattened into JUnit rows: one per check, plus one for a case that made no checks
/// (so it cannot vanish from the report), with counts that match the rows written.
struct SuiteRows {
    struct Row {
        var testCase: CaseResult
        var check: CheckResult?
        var name: String
        var seconds: Double
    }

    var suite: SuiteResult
    var rows: [Row] = []
    var tally = Tally()

    init(_ suite: SuiteResult) {
        self.suite = suite
        for c in suite.cases {
            guard !c.checks.isEmpty else {
                rows.append(Row(testCase: c, check: nil, name: c.name, seconds: c.durationSeconds))
                tally.skipped += 1
                continue
            }
            // The request's time is shared among its checks so per-test times add up to the suite's.
            let share = c.durationSeconds / Double(c.checks.count)
            for check in c.checks {
                rows.append(Row(testCase: c, check: check, name: ReportFormat.testName(c, check), seconds: share))
            }
            tally = tally + Tally(c.checks)
        }
    }
}
