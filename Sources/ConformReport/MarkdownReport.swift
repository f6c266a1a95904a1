import ConformCore

/// Renders a run as GitHub-flavoured Markdown for a person: verdict, per-suite table, aggregated failures.
public enum MarkdownReport {
    /// The whole run as Markdown, ending with a newline.
    public static func render(_ run: RunResult) -> String {
        let out: [String] = [verdict(run), ""]
        return out.joined(separator: "\n") + "\n"
    }

    /// `**✘ 3 checks failed** across 2 suites — 120 passed, 3 failed, 0 errors, 2 skipped`.
    static func verdict(_ run: RunResult) -> String {
        let t = run.counts
        let totals = "\(t.passed) passed, \(t.failed) failed, \(ReportFormat.count(t.errors, "error")), \(t.skipped) skipped"
        let suitesWith = { (pick: (Tally) -> Int) in run.suites.filter { pick($0.counts) > 0 }.count }
        if t.failed > 0 {
            let n = suitesWith { $0.failed }
            return "**✘ \(ReportFormat.count(t.failed, "check")) failed** across \(ReportFormat.count(n, "suite")) — " + totals
        }
        if t.errors > 0 {
            let n = suitesWith { $0.errors }
            return "**⚠ \(ReportFormat.count(t.errors, "check")) could not run** in \(ReportFormat.count(n, "suite")) — " + totals
        }
        if t.passed == 0 { return "**– No checks ran** in \(ReportFormat.count(run.suites.count, "suite")) — " + totals }
        return "**✔ All \(ReportFormat.count(t.passed, "check")) held** across \(ReportFormat.count(run.suites.count, "suite")) — " + totals
    }
}
