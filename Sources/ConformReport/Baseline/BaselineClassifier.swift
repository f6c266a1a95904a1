import ConformCore

/// Classifies every failure of a run against a baseline, and every entry of the baseline against the run
/// (reports/README.md, "Baselines"). Pure: "today" is a parameter, so tests and CI reproduce any date.
///
/// - a failing finding is `new` (no entry), `known` (entry not expired) or `expired` (entry past `expires`);
/// - an entry no failure matched is `stale` when its check ran (passed, or failed with other findings),
///   `unobserved` when its check did not run (filtered out, errored, skipped, its suite or target not in
///   this run), `orphaned` when its suite and target ran but its case is not in the suite's plan any more,
///   or the case ran cleanly without making its check (the rule was edited or removed).
public enum BaselineClassifier {
    /// The run with a `BaselineMark` on every failing finding and a `BaselineSummary` set (which decides the exit code).
    public static func classify(_ run: RunResult, against baseline: BaselineFile, file: String, today: BaselineDate,
                                allowStale: Bool = false) -> RunResult {
        var run = run
        var summary = BaselineSummary(file: file, today: today.description, allowStale: allowStale)
        var matched = Set<String>()
        for s in run.suites.indices {
            for c in run.suites[s].cases.indices {
                run.suites[s].cases[c] = marked(run.suites[s].cases[c], baseline: baseline, today: today)
                for check in run.suites[s].cases[c].checks {
                    for finding in check.findings where finding.kind == .failure {
                        guard let mark = finding.baseline else { continue }
                        if mark.classification != .new, let id = finding.id { matched.insert(id) }
                        summary.counts[mark.classification] += 1
                    }
                    // Instances counted but not listed (`FindingLimit`) count in the class of their problem's id; the
                    // instances of problems past the limit have no id to match, so they count as new: a baseline can
                    // only accept what it can name.
                    for omitted in check.omitted where omitted.kind == .failure {
                        var problem = omitted.representative
                        problem.id = omitted.id
                        let classification = mark(problem, baseline: baseline, today: today).classification
                        if classification != .new, let id = omitted.id { matched.insert(id) }
                        summary.counts[classification] += omitted.count
                    }
                    if check.status == .failed { summary.counts.new += check.unlisted }
                }
            }
        }
        for entry in baseline.entries {
            let soon = entry.isExpiringSoon(on: today)
            if soon { summary.counts.expiringSoon += 1 }
            let standing: (BaselineClass, String)
            if matched.contains(entry.id) {
                if entry.isExpired(on: today) {
                    standing = (.expired, "expired on \(entry.expires!): the failure still occurs; fix it, or extend \"expires\" with a reason")
                } else if soon {
                    standing = (.known, "expires on \(entry.expires!), in \(ReportFormat.count(today.days(until: entry.expires!), "day"))")
                } else {
                    continue
                }
            } else {
                standing = self.standing(of: entry, in: run)
                summary.counts[standing.0] += 1
            }
            summary.entries.append(BaselineSummary.Entry(
                id: entry.id, classification: standing.0, note: standing.1, reason: entry.reason, ticket: entry.ticket,
                expires: entry.expires?.description, expiringSoon: soon, suite: entry.suite, target: entry.target,
                caseId: entry.caseId, title: entry.title))
        }
        run.baseline = summary
        return run
    }

    /// The case with every failing finding marked new, known or expired (the console marks each case as it
    /// finishes, before the run's summary exists).
    public static func marked(_ c: CaseResult, baseline: BaselineFile, today: BaselineDate) -> CaseResult {
        var c = c
        for k in c.checks.indices {
            for f in c.checks[k].findings.indices where c.checks[k].findings[f].kind == .failure {
                c.checks[k].findings[f].baseline = mark(c.checks[k].findings[f], baseline: baseline, today: today)
            }
        }
        return c
    }

    /// A failing finding's class: `new` without an entry, else `known` or `expired` with the entry's reason.
    public static func mark(_ finding: Finding, baseline: BaselineFile, today: BaselineDate) -> BaselineMark {
        guard let id = finding.id, let entry = baseline.entry(id: id) else { return BaselineMark(classification: .new) }
        return BaselineMark(classification: entry.isExpired(on: today) ? .expired : .known, reason: entry.reason,
                            ticket: entry.ticket, expires: entry.expires?.description)
    }

    /// Why an entry that matched no failure did so: `stale`, `unobserved` or `orphaned`, with a note for a person.
    public static func standing(of entry: BaselineEntry, in run: RunResult) -> (BaselineClass, String) {
        guard let suite = entry.suite, let target = entry.target, let caseId = entry.caseId else {
            return (.unobserved, "the entry does not record its suite, target and case, and no failure of this run has its id; re-add it with 'conform baseline add'")
        }
        let ran = run.suites.filter { $0.suite == suite && $0.target == target }
        guard !ran.isEmpty else {
            return (.unobserved, "suite \(suite) did not run against target \(target) in this run")
        }
        if let c = ran.lazy.flatMap(\.cases).first(where: { $0.id == caseId }) {
            if let checkId = entry.check, let check = c.checks.first(where: { $0.id == checkId }) {
                switch check.status {
                case .passed: return (.stale, "fixed: its check passed in case \(caseId); remove this entry")
                case .failed: return (.stale, "fixed: its check still fails in case \(caseId), but no longer with this finding; remove this entry")
                case .error: return (.unobserved, "its check could not run in case \(caseId)")
                case .skipped: return (.unobserved, "its check was skipped in case \(caseId)" + (check.skipReason.map { " (\($0))" } ?? ""))
                }
            }
            if c.checks.contains(where: { $0.status == .error }) {
                return (.unobserved, "case \(caseId) could not run its checks")
            }
            if entry.check == nil {
                return (.unobserved, "the entry does not record its check id, so a fix cannot be told apart; re-add it with 'conform baseline add'")
            }
            return (.orphaned, "case \(caseId) ran but no longer makes this check (its rule was edited or removed); remove this entry")
        }
        if ran.contains(where: { $0.unselected.contains(caseId) }) {
            return (.unobserved, "case \(caseId) was left out by --filter")
        }
        return (.orphaned, "case \(caseId) is no longer in suite \(suite); remove this entry")
    }
}
