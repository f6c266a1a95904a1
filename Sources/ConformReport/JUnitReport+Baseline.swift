import ConformCore

/// The baseline in JUnit: a known failure is `<skipped message="known failure: REASON (expires …)">` so CI
/// UIs stay green, and the entries that need attention form their own `<testsuite name="conform.baseline">`:
///
/// ```xml
/// <testsuite name="conform.baseline" tests="2" failures="1" errors="0" skipped="1" time="0.000">
///   <testcase name="stale baseline entry 5e0b6a8f1c2d3e4f" classname="conform.baseline">
///     <failure message="fixed: its check passed in case list; remove this entry" type="baseline.stale">…</failure>
///   </testcase>
///   <testcase name="unobserved baseline entry 0c1d2e3f4a5b6c7d" classname="conform.baseline">
///     <skipped message="case list was left out by --filter"/>
///   </testcase>
/// </testsuite>
/// ```
extension JUnitReport {
    /// Rows of `rows` that are accepted failures (reported as skipped).
    static func knownCount(_ rows: SuiteRows) -> Int { rows.rows.filter { $0.check?.isAcceptedFailure == true }.count }

    /// Failing entries and all entries of the baseline suite: (tests, failures).
    static func baselineTally(_ b: BaselineSummary?) -> (tests: Int, failures: Int) {
        guard let b else { return (0, 0) }
        return (b.entries.count, b.entries.filter { BaselineText.fails($0, allowStale: b.allowStale) }.count)
    }

    static func renderBaselineSuite(_ b: BaselineSummary, index: Int, into xml: inout XMLLines) {
        guard !b.entries.isEmpty else { return }
        let (tests, failures) = baselineTally(b)
        xml.open("testsuite", [("name", "conform.baseline"), ("tests", "\(tests)"), ("failures", "\(failures)"), ("errors", "0"),
                               ("skipped", "\(tests - failures)"), ("time", "0.000"), ("id", "\(index)"), ("file", b.file)])
        xml.open("properties", [])
        xml.empty("property", [("name", "conform.baselineFile"), ("value", b.file)])
        xml.empty("property", [("name", "conform.today"), ("value", b.today)])
        xml.close("properties")
        for e in b.entries {
            let kind = e.classification == .known ? "expiring" : e.classification.rawValue
            xml.open("testcase", [("name", "\(kind) baseline entry \(e.id)"), ("classname", "conform.baseline"), ("time", "0.000")])
            if BaselineText.fails(e, allowStale: b.allowStale) {
                xml.element("failure", [("message", e.note), ("type", "baseline." + e.classification.rawValue)],
                            body: "\n" + VisibleText.clean(BaselineText.entryLine(e)) + "\n")
            } else {
                xml.empty("skipped", [("message", e.note + " (reason: \(e.reason))")])
            }
            xml.close("testcase")
        }
        xml.close("testsuite")
    }
}
