import ConformCore

/// Decides which failures are new and which are fixed between two consecutive nights of one suite × target.
///
/// This is the only place the trend decides that two findings are "the same failure". Today it compares
/// `Finding.fingerprint(suite:operation:)`; when findings carry their stable `id` (issue 8 §1) or the run-over-run
/// diff lands (§3), switch this one function to the id or to the diff's `new` / `fixed` classes.
enum TrendComparison {
    /// Counts of distinct failures failing `after` but not `before` (new), and failing `before` but not `after` (fixed).
    /// Errors (checks that could not run) are not failures and count as neither.
    static func newAndFixed(before: SuiteResult, after: SuiteResult) -> (new: Int, fixed: Int) {
        func failing(_ suite: SuiteResult) -> Set<String> {
            var identities = Set<String>()
            for testCase in suite.cases {
                for check in testCase.checks {
                    for finding in check.findings where finding.kind == .failure {
                        identities.insert(finding.fingerprint(suite: suite.suite, operation: testCase.operation))
                    }
                }
            }
            return identities
        }
        let was = failing(before), now = failing(after)
        return (now.subtracting(was).count, was.subtracting(now).count)
    }
}
