import ConformCore

/// Decides which failures are new and which are fixed between two consecutive nights of one suite × target.
///
/// This is the only place the trend decides that two findings are "the same failure": by the finding's stable
/// `id` (`FindingIdentity`, written in results.json). When the run-over-run diff lands (issue 8 §3), switch this
/// one function to the diff's `new` / `fixed` classes, so trend and diff always agree.
enum TrendComparison {
    /// Counts of distinct failures failing `after` but not `before` (new), and failing `before` but not `after` (fixed).
    /// Errors (checks that could not run) are not failures and count as neither.
    static func newAndFixed(before: SuiteResult, after: SuiteResult) -> (new: Int, fixed: Int) {
        func failing(_ suite: SuiteResult) -> Set<String> {
            var identities = Set<String>()
            for testCase in suite.cases {
                for check in testCase.checks {
                    for finding in check.findings where finding.kind == .failure {
                        // A finding without an id (results built by hand) is told apart by what identifies it.
                        identities.insert(finding.id ?? [testCase.id, finding.check, finding.rulePointer ?? "", finding.argument ?? "",
                                                         finding.pointer.flatMap { JSONPointer($0)?.wildcarded.description } ?? ""]
                            .joined(separator: "\u{1F}"))
                    }
                }
            }
            return identities
        }
        let was = failing(before), now = failing(after)
        return (now.subtracting(was).count, was.subtracting(now).count)
    }
}
