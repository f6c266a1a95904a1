import ConformCore

/// Renders a run as JUnit XML, valid against the Surefire `junit-10.xsd` that CI UIs read.
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <testsuites name="conform" tests="3" failures="1" errors="0" skipped="1" time="0.420">
///   <testsuite name="scale-v5" tests="3" failures="1" errors="0" skipped="1" time="0.420" timestamp="…" id="0" package="scale-v5" file="suites/scale-v5.json">
///     <properties>
///       <property name="conform.baseURL" value="http://127.0.0.1:8080"/>
///       …
///     </properties>
///     <testcase name="GET /v5/models?limit=1001 › rejects limit above maximum › status is 422" classname="scale-v5.listModels" time="0.012">
///       <failure message="status code" type="status">…pointer, expected, actual, rule, citation, attempts, curl…</failure>
///     </testcase>
///   </testsuite>
/// </testsuites>
/// ```
/// A contract that does not hold is `<failure>`; a check that could not run is `<error>` (STYLE habit 4).
/// Everything is escaped through `XMLEscaping`; the output depends only on the `RunResult`.
public enum JUnitReport {
    /// The whole run as one JUnit XML document, ending with a newline.
    public static func render(_ run: RunResult) -> String { render(run, byTarget: false) }

    /// A compatibility run as one document: one `<testsuite>` per suite × target, named `suite @ target`
    /// (and `classname` `suite@target.operation`) so CI UIs tell the targets apart.
    public static func render(_ runs: [TargetRun]) -> String {
        let suites = runs.flatMap(\.result.suites)
        let run = RunResult(tool: runs.first?.result.tool ?? "conform", version: runs.first?.result.version ?? ConformVersion.current,
                            startedAt: runs.map(\.result.startedAt).min() ?? "",
                            durationSeconds: runs.map(\.result.durationSeconds).max() ?? 0, suites: suites)
        return render(run, byTarget: true)
    }

    static func render(_ run: RunResult, byTarget: Bool) -> String {
        var xml = XMLLines()
        xml.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        let suites = run.suites.map(SuiteRows.init)
        let total = suites.reduce(Tally()) { $0 + $1.tally }
        let known = suites.reduce(0) { $0 + knownCount($1) }, baseline = baselineTally(run.baseline)
        xml.open("testsuites", [("name", run.tool), ("time", ReportFormat.seconds(run.durationSeconds)),
                                ("tests", "\(total.total + baseline.tests)"), ("failures", "\(total.failed - known + baseline.failures)"),
                                ("errors", "\(total.errors)")])
        for (index, suite) in suites.enumerated() { renderSuite(suite, index: index, run: run, byTarget: byTarget, into: &xml) }
        if let b = run.baseline { renderBaselineSuite(b, index: suites.count, into: &xml) }
        xml.close("testsuites")
        return xml.text
    }

    private static func renderSuite(_ rows: SuiteRows, index: Int, run: RunResult, byTarget: Bool, into xml: inout XMLLines) {
        let suite = rows.suite
        let name = byTarget ? "\(suite.suite) @ \(suite.target)" : suite.suite
        let known = knownCount(rows)
        var attributes: [(String, String)] = [
            ("name", name), ("tests", "\(rows.tally.total)"), ("failures", "\(rows.tally.failed - known)"),
            ("errors", "\(rows.tally.errors)"), ("skipped", "\(rows.tally.skipped + known)"),
            ("time", ReportFormat.seconds(suite.durationSeconds)),
        ]
        if !suite.startedAt.isEmpty { attributes.append(("timestamp", suite.startedAt)) }
        attributes += [("id", "\(index)"), ("package", byTarget ? "\(suite.suite)@\(suite.target)" : suite.suite), ("file", suite.file)]
        xml.open("testsuite", attributes)
        xml.open("properties", [])
        for (name, value) in [("conform.baseURL", suite.baseURL), ("conform.suiteFile", suite.file),
                              ("conform.title", suite.title), ("conform.version", run.version)] + (byTarget ? [("conform.target", suite.target)] : [])
                              + (run.insecureTLS == true ? [("conform.tls", RunResult.insecureTLSWarning)] : []) {
            xml.empty("property", [("name", name), ("value", value)])
        }
        xml.close("properties")
        let classPrefix = byTarget ? "\(suite.suite)@\(suite.target)" : suite.suite
        for row in rows.rows { renderTestcase(row, suite: suite, classPrefix: classPrefix, into: &xml) }
        xml.close("testsuite")
    }

    private static func renderTestcase(_ row: SuiteRows.Row, suite: SuiteResult, classPrefix: String, into xml: inout XMLLines) {
        let c = row.testCase
        let attributes = [("name", row.name), ("classname", classPrefix + "." + c.operation),
                          ("time", ReportFormat.seconds(row.seconds))]
        guard let check = row.check else {
            xml.open("testcase", attributes)
            xml.empty("skipped", [("message", "the case made no checks")])
            xml.close("testcase")
            return
        }
        switch check.status {
        case .passed:
            xml.empty("testcase", attributes)
        case .skipped:
            xml.open("testcase", attributes)
            xml.empty("skipped", [("message", check.skipReason ?? "skipped")])
            xml.close("testcase")
        case .failed where check.isAcceptedFailure:
            xml.open("testcase", attributes)
            xml.empty("skipped", [("message", BaselineText.knownMessage(check))])
            xml.close("testcase")
        case .failed, .error:
            let element = check.status == .failed ? "failure" : "error"
            xml.open("testcase", attributes)
            let expired = BaselineText.expiredNote(check).map { $0 + ": " } ?? ""
            xml.element(element, [("message", expired + message(check)), ("type", check.check)], body: JUnitFailureBody.text(check, in: c))
            xml.close("testcase")
        }
    }

    /// The first finding's title (of the status's own kind first), with the count when there are several.
    static func message(_ check: CheckResult) -> String {
        let wanted: Finding.Kind = check.status == .failed ? .failure : .error
        guard let lead = check.findings.first(where: { $0.kind == wanted }) ?? check.findings.first else {
            return check.status == .failed ? "check failed without reporting a finding" : "check could not run and reported no reason"
        }
        return check.findingCount == 1 ? lead.title : lead.title + " (\(ReportFormat.number(check.findingCount)) findings)"
    }
}
