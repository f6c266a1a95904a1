import ConformCore

/// Renders a run as GitHub-flavoured Markdown sized for where it is read — a PR comment (65,536 characters)
/// or a job summary — and read in a minute:
///
/// ```markdown
/// **✘ 3 checks failed** across 2 suites — 120 passed, 3 failed, 0 errors, 2 skipped
///
/// | Suite | Title | Base URL | Passed | Failed | Errors | Skipped | Time |
/// …
/// ## Failures
/// ### ✘ scale-v5 › body matches schema: date-time format at /items/*/created_at — in 5 cases
/// expected string in date-time format · `schema.format` · operation `list`
/// | Case | Found | First at | How many |
/// …then the citation, the rule, the body of an unexpected status, the curl reproduction.
/// ## Errors (checks that could not run)
/// ## Skipped checks        (counts by reason)
/// ## Passed checks         (counts per suite and operation)
/// ```
/// One section per problem across cases (`ProblemGrouping`), never one per case; no raw HTML, so it renders
/// the same with and without HTML enabled; never more than `ceiling` characters: problems that do not fit
/// are counted in a last line that points at the JSON and HTML reports. Untrusted text goes through
/// `MarkdownText`, so server bodies cannot inject markup, HTML or control characters.
public enum MarkdownReport {
    /// The most characters any run's report holds (GitHub's PR-comment limit is 65,536).
    public static let ceiling = 60_000
    /// Rows of the summary, skipped and passed tables before the rest are only counted.
    static let tableRowsShown = 100

    /// The whole run as Markdown, ending with a newline.
    public static func render(_ run: RunResult) -> String {
        let suites = run.suites.map(SuiteRows.init)
        let head = [verdict(run, suites: suites)] + (run.insecureTLS == true ? ["> **⚠ \(RunResult.insecureTLSWarning)**"] : []) + [header(run)] + [baselineSection(run)].compactMap { $0 } + [summaryTable(run)]
        var tail: [String] = []
        if let known = knownSection(suites) { tail.append(known) }
        if let skipped = skippedSection(run) { tail.append(skipped) }
        if let passed = passedSection(run) { tail.append(passed) }

        let failures = ProblemGrouping.groups(run, kind: .failure)
        let errors = ProblemGrouping.groups(run, kind: .error)
        // Room kept for the closing line that counts what did not fit.
        let reserve = 400
        var used = head.reduce(0) { $0 + $1.count + 2 }
        var droppedTail: [String] = []
        while !tail.isEmpty, used + tail.reduce(0, { $0 + $1.count + 2 }) + reserve > ceiling {
            droppedTail.insert(String(tail.removeLast().prefix { $0 != "\n" }.drop { $0 == "#" || $0 == " " }), at: 0)
        }
        used += tail.reduce(0) { $0 + $1.count + 2 }

        var body: [String] = []
        var omittedFindings = 0, omittedProblems = 0
        for (heading, icon, groups) in [("## Failures", "✘", failures), ("## Errors (checks that could not run)", "⚠", errors)] {
            guard !groups.isEmpty else { continue }
            var shownHeading = false
            for group in groups {
                let section = MarkdownProblemSection.render(group, icon: icon)
                let cost = section.count + 2 + (shownHeading ? 0 : heading.count + 2)
                if omittedProblems == 0 && used + cost + reserve <= ceiling {
                    if !shownHeading { body.append(heading); shownHeading = true }
                    body.append(section)
                    used += cost
                } else {
                    omittedProblems += 1
                    omittedFindings += group.findingCount
                }
            }
        }
        if let note = ReportFormat.unlistedNote(run) { body.append("**" + MarkdownText.inline(note) + "**") }
        var blocks = head + body + tail
        if omittedProblems > 0 || !droppedTail.isEmpty {
            var note = "**… "
            if omittedProblems > 0 {
                note += "\(ReportFormat.count(omittedFindings, "more finding")) (\(ReportFormat.count(omittedProblems, "problem"))) not shown"
            }
            if !droppedTail.isEmpty { note += (omittedProblems > 0 ? "; " : "") + "left out: " + droppedTail.joined(separator: ", ") }
            note += ": see the JSON or HTML report.** This report stays under \(ceiling) characters."
            blocks.append(note)
        }
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

    static func summaryTable(_ run: RunResult) -> String {
        var table = MarkdownTable([("Suite", .left), ("Title", .left), ("Base URL", .left), ("Passed", .right),
                                   ("Failed", .right), ("Errors", .right), ("Skipped", .right), ("Time", .right)])
        for s in run.suites.prefix(tableRowsShown) {
            let t = SuiteRows(s).tally
            table.add([MarkdownText.code(s.suite), MarkdownText.inline(s.title), MarkdownText.code(s.baseURL),
                       "\(t.passed)", "\(t.failed)", "\(t.errors)", "\(t.skipped)", ReportFormat.seconds(s.durationSeconds) + " s"])
        }
        return table.render() + more(run.suites.count, "suite")
    }

    /// Skipped checks counted by suite and reason.
    static func skippedSection(_ run: RunResult) -> String? {
        let reasons = PassedCounts.skipReasons(run)
        guard !reasons.isEmpty else { return nil }
        var table = MarkdownTable([("Suite", .left), ("Reason", .left), ("Checks", .right)])
        for r in reasons.prefix(tableRowsShown) { table.add([MarkdownText.code(r.suite), MarkdownText.inline(r.reason), "\(r.count)"]) }
        let total = reasons.reduce(0) { $0 + $1.count }
        return "## Skipped checks\n\n" + ReportFormat.count(total, "check") + " skipped, by reason:\n\n" + table.render() + more(reasons.count, "reason")
    }

    /// Passed checks counted per suite and operation.
    static func passedSection(_ run: RunResult) -> String? {
        let counts = PassedCounts(run)
        let rows = counts.rows.filter { $0.passed > 0 }
        let total = rows.reduce(0) { $0 + $1.passed }
        guard total > 0 else { return nil }
        var table = MarkdownTable([("Suite", .left), ("Operation", .left), ("Cases", .right), ("Checks passed", .right)])
        for r in rows.prefix(tableRowsShown) { table.add([MarkdownText.code(r.suite), MarkdownText.code(r.operation), "\(r.cases)", "\(r.passed)"]) }
        return "## Passed checks\n\n" + ReportFormat.count(total, "check") + " passed, per suite and operation (the JSON and HTML reports list each one):\n\n"
            + table.render() + more(rows.count, "row")
    }

    /// `\n\n… and 12 more rows` when a table was cut at `tableRowsShown`.
    static func more(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        count > tableRowsShown ? "\n\n… and " + ReportFormat.count(count - tableRowsShown, "more " + noun, plural.map { "more " + $0 }) : ""
    }

    /// Every row (check instance) across suites whose check matches, in run order.
    static func rows(_ suites: [SuiteRows], where keep: (CheckResult?) -> Bool) -> [(SuiteResult, SuiteRows.Row)] {
        suites.flatMap { s in s.rows.filter { keep($0.check) }.map { (s.suite, $0) } }
    }
}
