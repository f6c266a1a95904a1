import ConformCore
import ConformReport

/// The baseline on the console, after the run's summary line:
///
///     Baseline baseline.json: 1 known (accepted), 0 new, 0 expired, 1 stale, 0 unobserved, 0 orphaned
///       ✔ known: openai-list-models › GET /models › lists the available models › body matches schema — vendor omits owned_by (expires 2026-12-31)
///       ✘ STALE 5e0b6a8f1c2d3e4f openai-list-models › list › required property: fixed: its check passed in case list; remove this entry (reason: …)
enum BaselineConsole {
    /// Prints the counts, each accepted check with its reason, and every entry that needs attention.
    static func print(_ summary: BaselineSummary, run: RunResult) {
        Console.out(BaselineText.countsLine(summary))
        for s in run.suites {
            for c in s.cases {
                for check in c.checks where check.isAcceptedFailure {
                    Console.out("  ✔ known: \(s.suite) › \(c.name) › \(check.name) — " + String(BaselineText.knownMessage(check).dropFirst("known failure: ".count)))
                }
            }
        }
        for e in summary.entries {
            Console.out("  " + (BaselineText.fails(e, allowStale: summary.allowStale) ? "✘ " : "⚠ ") + BaselineText.entryLine(e))
        }
    }
}
