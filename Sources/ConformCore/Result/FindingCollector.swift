/// A check's findings kept under a `FindingLimit` while they are found: a finding is built only when it will be
/// kept, and instances past the limit are counted against their problem. A rule that meets one problem
/// 100,000 times — a list that serves its first page for every page number repeats every id — builds a limit's
/// worth of findings, not 100,000 of them; the result is what `CheckResult.from(findings:)` makes of them all.
public struct FindingCollector {
    private var tally: FindingTally<CheckResult.FindingProblem>
    private var kept: [Finding] = []
    /// The first instance kept of each problem: the problem's representative in `omitted`.
    private var first: [CheckResult.FindingProblem: Finding] = [:]
    private var failed = false

    public init(limit: FindingLimit = .standard) { tally = FindingTally(limit: limit) }

    /// One instance of a problem: `kind` and `key` (its `Finding.problemKey`) say which; `make` builds the finding
    /// when it is kept.
    public mutating func add(kind: Finding.Kind = .failure, key: String, _ make: () -> Finding) {
        if kind == .failure { failed = true }
        let problem = CheckResult.FindingProblem(kind: kind, key: key)
        guard tally.admit(problem) else { return }
        let finding = make()
        kept.append(finding)
        if first[problem] == nil { first[problem] = finding }
    }

    /// Adds a finding already built.
    public mutating func add(_ finding: Finding) { add(kind: finding.kind, key: finding.problemKey) { finding } }

    /// Instances found so far, kept or counted.
    public var count: Int { tally.total }

    /// Passed with no instance, failed on any failure, error when only errors: kept findings (the first instance
    /// of a problem is always kept, so a check with instances has findings), the problems counted beyond them,
    /// and the instances of problems past the limit.
    public func result(name: String, check: String, rule: String? = nil) -> CheckResult {
        var result = CheckResult.from(name: name, check: check, kept: kept, rule: rule, failed: failed)
        result.omitted = tally.omitted.compactMap { entry in first[entry.problem].map { OmittedFindings(of: $0, count: entry.count) } }
        result.unlisted = tally.unlisted
        return result
    }
}
