import ConformCore

/// The baseline in Markdown: entries that fail the run (stale, expired) right under the verdict, then
/// warnings (unobserved, orphaned, expiring soon), and a "Known failures (accepted)" table with reasons
/// and expiry dates:
///
/// ```markdown
/// ## ⚠ Baseline: entries to act on
/// Baseline `baseline.json` (today 2026-11-23): 1 known (accepted), 0 new, 0 expired, 1 stale, …
/// | Entry | Class | Where | What to do | Reason |
/// ## Known failures (accepted)
/// | Suite | Check | Finding | Reason | Ticket | Expires |
/// ```
extension MarkdownReport {
    /// The "entries to act on" section, or nil when there is no baseline or every entry matched quietly.
    static func baselineSection(_ run: RunResult) -> String? {
        guard let b = run.baseline else { return nil }
        var lines = ["Baseline " + MarkdownText.code(b.file) + " (today \(b.today)): "
                     + MarkdownText.inline(String(BaselineText.countsLine(b).drop { $0 != ":" }.dropFirst(2)))]
        guard !b.entries.isEmpty else { return lines[0] }
        let failing = b.entries.contains { BaselineText.fails($0, allowStale: b.allowStale) }
        var table = MarkdownTable([("Entry", .left), ("Class", .left), ("Where", .left), ("What to do", .left), ("Reason", .left)])
        for e in b.entries.prefix(tableRowsShown) {
            let cls = e.classification == .known ? "expiring soon" : e.classification.rawValue
            let icon = BaselineText.fails(e, allowStale: b.allowStale) ? "✘ " : "⚠ "
            let place = [e.suite, e.caseId, e.title].compactMap { $0 }.joined(separator: " › ")
            table.add([MarkdownText.code(e.id), icon + "**" + cls + "**", MarkdownText.inline(place), MarkdownText.inline(e.note),
                       MarkdownText.inline(e.reason) + (e.expires.map { " (expires \($0))" } ?? "")])
        }
        lines = [(failing ? "## ✘ Baseline: entries to act on" : "## ⚠ Baseline: warnings"), lines[0], table.render() + more(b.entries.count, "entry", "entries")]
        return lines.joined(separator: "\n\n")
    }

    /// The "Known failures (accepted)" section, or nil when no failure is known.
    static func knownSection(_ suites: [SuiteRows]) -> String? {
        let known = rows(suites) { $0?.isAcceptedFailure == true }
        guard !known.isEmpty else { return nil }
        var table = MarkdownTable([("Suite", .left), ("Check", .left), ("Finding", .left), ("Reason", .left), ("Ticket", .left), ("Expires", .left)])
        var listed = 0
        for (suite, row) in known {
            for f in row.check?.findings ?? [] where f.baseline?.classification == .known {
                listed += 1
                guard listed <= tableRowsShown else { continue }
                let finding = MarkdownText.inline(f.title) + (f.pointer.map { " at " + MarkdownText.code($0) } ?? "")
                table.add([MarkdownText.code(suite.suite), MarkdownText.inline(row.name), finding, MarkdownText.inline(f.baseline?.reason ?? ""),
                           f.baseline?.ticket.map(MarkdownText.inline) ?? "", f.baseline?.expires ?? "never"])
            }
        }
        return "## Known failures (accepted)\n\n" + table.render() + more(listed, "known failure")
    }

    /// Accepted failures across suites (counted apart from failures in the verdict).
    static func knownCount(_ suites: [SuiteRows]) -> Int { suites.reduce(0) { $0 + JUnitReport.knownCount($1) } }
}
