import ConformCore

/// Renders a run as GitHub-flavoured Markdown that a person reads in a minute:
///
/// ```markdown
/// **✘ 3 checks failed** across 2 suites — 120 passed, 3 failed, 0 errors, 2 skipped
///
/// | Suite | Title | Base URL | Passed | Failed | Errors | Skipped | Time |
/// …
/// ## Failures
/// ### ✘ scale-v5 › GET /v5/models › body matches schema
/// | Where | Problem | How many | Expected | Actual |
/// | `/items/*/created_at` | date-time format | in 312 of 400 items | … | first at `/items/3/created_at`: string "2023/11/07" |
/// …then the citation, the rule, and the curl reproduction in a code block.
/// ## Errors (checks that could not run)
/// <details><summary>2 skipped checks</summary> …
/// ```
/// Failures are grouped by check and aggregated by wildcarded pointer (`FailureAggregation`); untrusted text
/// goes through `MarkdownText`, so server bodies cannot inject markup, HTML or control characters.
public enum MarkdownReport {
    /// Failing checks shown in full before the rest are folded into a `<details>` block.
    static let sectionsShown = 25

    /// The whole run as Markdown, ending with a newline.
    public static func render(_ run: RunResult) -> String {
        let suites = run.suites.map(SuiteRows.init)
        var blocks = [verdict(run, suites: suites)] + (run.insecureTLS == true ? ["> **⚠ \(RunResult.insecureTLSWarning)**"] : []) + [header(run)] + [baselineSection(run)].compactMap { $0 } + [summaryTable(suites).render()]
        let failed = rows(suites) { $0?.status == .failed && $0?.isAcceptedFailure == false }
        let errors = rows(suites) { $0?.status == .error }
        if !failed.isEmpty {
            blocks.append("## Failures")
            blocks += sections(failed, icon: "✘", what: "failing checks")
        }
        if !errors.isEmpty {
            blocks.append("## Errors (checks that could not run)")
            blocks += sections(errors, icon: "⚠", what: "checks that could not run")
        }
        if let known = knownSection(suites) { blocks.append(known) }
        let skipped = rows(suites) { $0 == nil || $0?.status == .skipped }
        if !skipped.isEmpty { blocks.append(listDetails(skipped, summary: ReportFormat.count(skipped.count, "skipped check"), reasons: true)) }
        let passed = rows(suites) { $0?.status == .passed }
        if !passed.isEmpty { blocks.append(listDetails(passed, summary: ReportFormat.count(passed.count, "passed check"), reasons: false)) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// `**✘ 3 checks failed** across 2 suites — 120 passed, 3 failed, 0 errors, 2 skipped`.
    static func verdict(_ run: RunResult, suites: [SuiteRows]) -> String {
        var t = suites.reduce(Tally()) { $0 + $1.tally }
        let known = knownCount(suites)
        t.failed -= known
        let totals = "\(t.passed) passed, \(t.failed) failed, " + (run.baseline == nil ? "" : "\(known) known (accepted), ")
            + "\(ReportFormat.count(t.errors, "error")), \(t.skipped) skipped"
        let suitesWith = { (pick: (Tally) -> Int) in ReportFormat.count(suites.filter { pick($0.tally) > 0 }.count, "suite") }
        if let b = run.baseline, b.failsRun, t.failed == 0 {
            let acting = b.entries.filter { BaselineText.fails($0, allowStale: b.allowStale) }.count
            return "**✘ \(ReportFormat.count(acting, "baseline entry", "baseline entries")) to act on** (stale or expired) — " + totals
        }
        if t.failed > 0 { return "**✘ \(ReportFormat.count(t.failed, "check")) failed** across \(suitesWith { $0.failed }) — " + totals }
        if t.errors > 0 { return "**⚠ \(ReportFormat.count(t.errors, "check")) could not run** in \(suitesWith { $0.errors }) — " + totals }
        let all = ReportFormat.count(suites.count, "suite")
        if t.passed == 0 { return "**– No checks ran** in \(all) — " + totals }
        return "**✔ All \(ReportFormat.count(t.passed, "check")) held** across \(all) — " + totals
    }

    /// `conform 0.1.0 · started 2026-11-22T04:00:00Z · 1.234 s`.
    static func header(_ run: RunResult) -> String {
        var parts = [run.tool + " " + run.version]
        if !run.startedAt.isEmpty { parts.append("started " + run.startedAt) }
        parts.append(ReportFormat.seconds(run.durationSeconds) + " s")
        return MarkdownText.lineStart(parts.joined(separator: " · "))
    }

    static func summaryTable(_ suites: [SuiteRows]) -> MarkdownTable {
        var table = MarkdownTable([("Suite", .left), ("Title", .left), ("Base URL", .left), ("Passed", .right),
                                   ("Failed", .right), ("Errors", .right), ("Skipped", .right), ("Time", .right)])
        for s in suites {
            let t = s.tally
            table.add([MarkdownText.code(s.suite.suite), MarkdownText.inline(s.suite.title), MarkdownText.code(s.suite.baseURL),
                       "\(t.passed)", "\(t.failed)", "\(t.errors)", "\(t.skipped)", ReportFormat.seconds(s.suite.durationSeconds) + " s"])
        }
        return table
    }

    /// Every row (check instance) across suites whose check matches, in run order.
    static func rows(_ suites: [SuiteRows], where keep: (CheckResult?) -> Bool) -> [(SuiteResult, SuiteRows.Row)] {
        suites.flatMap { s in s.rows.filter { keep($0.check) }.map { (s.suite, $0) } }
    }

    /// The first `sectionsShown` check sections in full, the rest folded into one `<details>`.
    static func sections(_ rows: [(SuiteResult, SuiteRows.Row)], icon: String, what: String) -> [String] {
        let rendered = rows.map { MarkdownCheckSection.render(suite: $0.0, row: $0.1, icon: icon) }
        guard rendered.count > sectionsShown else { return rendered }
        let rest = rendered.dropFirst(sectionsShown)
        return Array(rendered.prefix(sectionsShown)) + [
            details(summary: "\(rest.count) more \(what)", body: rest.joined(separator: "\n\n")),
        ]
    }

    /// A collapsed table of skipped (with reasons) or passed checks.
    static func listDetails(_ rows: [(SuiteResult, SuiteRows.Row)], summary: String, reasons: Bool) -> String {
        var table = MarkdownTable(reasons ? [("Suite", .left), ("Check", .left), ("Reason", .left)] : [("Suite", .left), ("Check", .left)])
        for (suite, row) in rows {
            let reason = row.check.map { $0.skipReason ?? "skipped" } ?? "the case made no checks"
            table.add([MarkdownText.code(suite.suite), MarkdownText.inline(row.name)] + (reasons ? [MarkdownText.inline(reason)] : []))
        }
        return details(summary: summary, body: table.render())
    }

    /// A `<details>` block; the blank lines around the body make GFM parse it as Markdown.
    static func details(summary: String, body: String) -> String {
        "<details>\n<summary>" + MarkdownText.html(summary) + "</summary>\n\n" + body + "\n\n</details>"
    }
}
