import ConformCore

/// One run as a self-contained HTML page (`conform run --html FILE`, `conform demo`): the page the
/// Markdown report points to when it has to stop at 60,000 characters. Same verdict and summary as the
/// Markdown, every problem with every case that shows it and each finding's pointer and value, the body
/// of an unexpected status, the curl reproduction; skipped and passed checks as counts. The page shell,
/// colours and escaping are `HTMLPage`'s, shared with the compatibility matrix (`CompatHTML`).
public enum RunHTML {
    /// Findings listed per case of a problem before the rest are only counted (as many as the check kept).
    static let findingsShown = 200

    /// The page, ending with a newline.
    public static func render(_ run: RunResult) -> String {
        let suites = run.suites.map(SuiteRows.init)
        let title = "Conform run: " + (run.suites.count == 1 ? run.suites[0].suite : "\(run.suites.count) suites")
        let verdict = MarkdownReport.verdict(run, suites: suites).replacingOccurrences(of: "**", with: "")
        var h = "<header>\n<h1>\(e(title))</h1>\n<p class=\"verdict\">\(e(verdict))</p>\n"
        h += "<p class=\"meta\">\(e(run.tool)) \(e(run.version))" + (run.startedAt.isEmpty ? "" : " · started \(e(run.startedAt))")
        h += " · \(ReportFormat.seconds(run.durationSeconds)) s</p>\n</header>\n"
        h += summary(suites)
        for (heading, kind, css) in [("Failures", Finding.Kind.failure, "fail"), ("Errors (checks that could not run)", .error, "error")] {
            let groups = ProblemGrouping.groups(run, kind: kind)
            guard !groups.isEmpty else { continue }
            h += "<h2>\(e(heading))</h2>\n"
            for (index, g) in groups.enumerated() { h += problem(g, css: css, anchor: "\(css)-\(index + 1)") }
        }
        if let note = ReportFormat.unlistedNote(run) { h += "<p>\(e(note))</p>\n" }
        let reasons = PassedCounts.skipReasons(run)
        if !reasons.isEmpty {
            h += "<h2>Skipped checks</h2>\n<table>\n<thead><tr><th>Suite</th><th>Reason</th><th>Checks</th></tr></thead>\n<tbody>\n"
            for r in reasons { h += "<tr><td><code>\(e(r.suite))</code></td><td>\(e(r.reason))</td><td class=\"n\">\(r.count)</td></tr>\n" }
            h += "</tbody>\n</table>\n"
        }
        let passed = PassedCounts(run)
        if passed.rows.contains(where: { $0.passed > 0 }) {
            h += "<h2>Passed checks</h2>\n<table>\n<thead><tr><th>Suite</th><th>Operation</th><th>Cases</th><th>Checks passed</th></tr></thead>\n<tbody>\n"
            for r in passed.rows where r.passed > 0 {
                h += "<tr><td><code>\(e(r.suite))</code></td><td><code>\(e(r.operation))</code></td><td class=\"n\">\(r.cases)</td><td class=\"n c pass\">\(r.passed)</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return HTMLPage.document(title: title, css: css, body: h)
    }

    static func e(_ s: String) -> String { HTMLPage.escape(s) }

    static func summary(_ suites: [SuiteRows]) -> String {
        var h = "<table>\n<thead><tr><th>Suite</th><th>Title</th><th>Base URL</th><th>Passed</th><th>Failed</th><th>Errors</th><th>Skipped</th><th>Time</th></tr></thead>\n<tbody>\n"
        for s in suites {
            let t = s.tally
            h += "<tr><td><code>\(e(s.suite.suite))</code></td><td>\(e(s.suite.title))</td><td><code>\(e(s.suite.baseURL))</code></td>"
            h += "<td class=\"n\">\(t.passed)</td><td class=\"n\(t.failed > 0 ? " c fail" : "")\">\(t.failed)</td>"
            h += "<td class=\"n\(t.errors > 0 ? " c error" : "")\">\(t.errors)</td><td class=\"n\">\(t.skipped)</td>"
            h += "<td class=\"n\">\(ReportFormat.seconds(s.suite.durationSeconds)) s</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// One problem: what the rule expects, then each case with its findings.
    static func problem(_ p: ProblemGroup, css: String, anchor: String) -> String {
        var h = "<section class=\"ev \(css)\" id=\"\(anchor)\">\n<h3>\(e(p.suite.suite + " › " + p.title)) — \(e(p.extent))</h3>\n<dl>\n"
        if let expectation = p.expectation { h += "<dt>expects</dt><dd>\(e(expectation))</dd>\n" }
        h += "<dt>check</dt><dd><code>\(e(p.finding.check))</code></dd>\n"
        if let rule = CaseEvidence.ruleText(p.finding) { h += "<dt>rule</dt><dd><code>\(e(rule))</code></dd>\n" }
        if let citation = p.finding.citation ?? p.first.testCase.citation { h += "<dt>cites</dt><dd>\(e(citation))</dd>\n" }
        h += "</dl>\n"
        for o in p.occurrences {
            let c = o.testCase
            h += "<h4>\(e(c.name))" + (o.group.extent.isEmpty ? "" : " <span class=\"small\">(\(e(o.group.extent)))</span>") + "</h4>\n<ul>\n"
            for f in o.group.findings.prefix(findingsShown) {
                h += "<li>" + (f.pointer.map { "<code>\(e($0.isEmpty ? "(whole body)" : $0))</code>: " } ?? "") + e(p.expectation != nil ? (f.actual ?? f.detail) : f.detail)
                    + (f.id.map { " <span class=\"small\">id \(e($0))</span>" } ?? "") + "</li>\n"
            }
            let shown = min(o.group.findings.count, findingsShown)
            if o.group.count > shown {
                h += "<li>… and \(ReportFormat.number(o.group.count - shown)) more" + (o.group.wildcardPointer.map { " at <code>\(e($0))</code>" } ?? "") + "</li>\n"
            }
            h += "</ul>\n"
            if let r = c.response, UnexpectedStatusBody.excerpt(c) != nil {
                h += "<p class=\"small\">response: \(e(UnexpectedStatusBody.heading(r)))</p>\n<pre>\(e(UnexpectedStatusBody.excerpt(of: r)))</pre>\n"
            }
            if p.kind == .error, !c.attempts.isEmpty {
                h += "<p class=\"small\">attempts: \(e(c.attempts.map(CaseEvidence.attemptLine).joined(separator: "; ")))</p>\n"
            }
            if let curl = o.group.first.curl ?? c.curl { h += "<pre>\(e(curl))</pre>\n" }
        }
        return h + "</section>\n"
    }

    static let css = """
    table { border-collapse: collapse; margin: .5rem 0 1rem; } thead th { text-align: left; border-bottom: 2px solid #333; padding: 4px 6px; }
    h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; } h4 { font-size: .9rem; margin: .6rem 0 .2rem; } ul { margin: .2rem 0; }

    """
}
