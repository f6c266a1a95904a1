import ConformCore

/// One problem of a suite — a finding's rule at its wildcarded pointer — with every case that shows it.
///
/// A bad `created_at` format seen by five cases of one operation is one problem "in 5 cases", not five
/// sections. The key is the finding's `problemKey` (check kind, rule, argument, wildcarded pointer: the
/// parts of its id that do not name the case) plus its kind and title, so the same problem keeps one group
/// across cases while two problems never share one.
struct ProblemGroup: Sendable {
    /// One case (and check) in which the problem was found, with its findings aggregated by pointer.
    struct Occurrence: Sendable {
        var testCase: CaseResult
        var check: CheckResult
        var group: FailureGroup
    }

    var suite: SuiteResult
    var kind: Finding.Kind
    var occurrences: [Occurrence]

    var first: Occurrence { occurrences[0] }
    var finding: Finding { first.group.first }
    /// Findings over every case.
    var findingCount: Int { occurrences.reduce(0) { $0 + $1.group.count } }
    /// Distinct cases (a case can hold the problem under one check only, but stay safe).
    var caseCount: Int { Set(occurrences.map(\.testCase.id)).count }

    /// `body matches schema: enum membership at /items/*/model_vendor`.
    var title: String {
        var text = first.check.name + ": " + finding.title
        if let wild = first.group.wildcardPointer, !wild.isEmpty { text += " at " + wild }
        return text
    }

    /// `in 5 cases`, `in 1 case`.
    var extent: String { "in " + ReportFormat.count(caseCount, "case") }

    /// What the rule wanted, said once for the group (`expected integer 422`); nil when the finding has no
    /// separate expected value — an error, or an invariant whose detail shows the values that made it false —
    /// and each case's detail says it all.
    var expectation: String? {
        guard kind == .failure, let e = finding.expected, e != "boolean true", finding.actual != nil else { return nil }
        return "expected " + e
    }

    /// What one occurrence found: the actual value when the group states the expectation, else the detail.
    func found(_ o: Occurrence) -> String {
        let f = o.group.first
        if expectation != nil, let a = f.actual { return a }
        return f.detail
    }
}

/// Builds the problem groups of a run, in order of first appearance (suite, case, check, finding).
enum ProblemGrouping {
    /// Groups the findings of `kind` (failures or errors) of every check with that status; accepted
    /// (baseline-known) failures are left out: they are listed apart.
    static func groups(_ run: RunResult, kind: Finding.Kind) -> [ProblemGroup] {
        var all: [ProblemGroup] = []
        for suite in run.suites {
            var order: [String] = []
            var byKey: [String: ProblemGroup] = [:]
            for c in suite.cases {
                for check in c.checks {
                    let wanted: CheckResult.Status = kind == .failure ? .failed : .error
                    guard check.status == wanted, !check.isAcceptedFailure else { continue }
                    var findings = check.findings.filter { $0.kind == kind }
                    let omitted = check.omitted.filter { $0.kind == kind }
                    if findings.isEmpty && omitted.isEmpty {
                        // A check that failed without a finding still shows, with the reason it gave.
                        findings = [Finding(kind: kind, check: check.check, title: JUnitReport.message(check), detail: JUnitReport.message(check))]
                    }
                    for g in FailureAggregation.groups(findings, omitted: omitted, body: FailureAggregation.completeBody(of: c.response)) {
                        let key = [kind.rawValue, g.first.problemKey, g.first.title, check.rule ?? check.name].joined(separator: "\u{1F}")
                        let occurrence = ProblemGroup.Occurrence(testCase: c, check: check, group: g)
                        if byKey[key] == nil {
                            order.append(key)
                            byKey[key] = ProblemGroup(suite: suite, kind: kind, occurrences: [occurrence])
                        } else {
                            byKey[key]?.occurrences.append(occurrence)
                        }
                    }
                }
            }
            all += order.compactMap { byKey[$0] }
        }
        return all
    }
}
