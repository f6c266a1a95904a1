/// The verdict of one check instance — one JUnit `<testcase>`.
public struct CheckResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable { case passed, failed, error, skipped }

    /// What was checked, readable in a CI UI: "status is 422", "body matches schema", "total_item_count >= len(items)".
    public var name: String
    /// The check kind (`status`, `schema`, `invariant`, `walk.noDuplicateIds`, …).
    public var check: String
    public var status: Status
    /// What was found, in full, in the order found; empty when passed. Every distinct problem is here (its
    /// first instances), up to a `FindingLimit`; further instances are counted in `omitted`.
    public var findings: [Finding]
    /// Instances found and not kept, counted per problem (a page that breaks one rule in 200,000 items keeps
    /// 20 findings and says "199,980 more"); empty when every instance is in `findings`.
    public var omitted: [OmittedFindings] = []
    /// Instances of problems past the limit's distinct problems: counted, neither kept nor told apart.
    public var unlisted = 0
    /// Why the check was skipped, when it was.
    public var skipReason: String?
    /// The identity of the one rule the check stands for, when its name is not stable enough: an
    /// invariant's `Invariant.identity`. Part of the check's id.
    public var rule: String?
    /// The check's stable id (`FindingIdentity`): set by the runner once the suite and target are known.
    public var id: String?
    /// The id without the target: equal for the same check of the same suite on two targets.
    public var sharedId: String?

    public init(name: String, check: String, status: Status, findings: [Finding] = [], skipReason: String? = nil,
                rule: String? = nil, id: String? = nil, sharedId: String? = nil) {
        self.name = name; self.check = check; self.status = status; self.findings = findings; self.skipReason = skipReason
        self.rule = rule; self.id = id; self.sharedId = sharedId
    }

    /// Every instance found: the findings listed and those only counted.
    public var findingCount: Int { findings.count + omitted.reduce(0) { $0 + $1.count } + unlisted }

    /// Passed when there are no findings, failed on any failure, error when only errors. The findings are
    /// kept under `limit` (problems told apart by kind and `Finding.problemKey`, as finding ids tell them).
    public static func from(name: String, check: String, findings: [Finding], rule: String? = nil,
                            limit: FindingLimit = .standard) -> CheckResult {
        from(name: name, check: check, kept: findings, rule: rule, failed: findings.contains { $0.kind == .failure }).rebounded(limit: limit)
    }

    /// A result from findings already kept under a limit: `failed` says whether any instance, kept or
    /// counted, was a failure.
    public static func from(name: String, check: String, kept findings: [Finding], rule: String? = nil, failed: Bool) -> CheckResult {
        let status: Status = findings.isEmpty ? .passed : (failed ? .failed : .error)
        return CheckResult(name: name, check: check, status: status, findings: findings, rule: rule)
    }

    /// The result with its findings kept under `limit` again, after the findings and counts of several
    /// evaluations were put together (the pages of a walk, fetched bodies): instances past the limit join
    /// the counts, and counts of the same problem add up.
    public func rebounded(limit: FindingLimit = .standard) -> CheckResult {
        var tally = FindingTally<FindingProblem>(limit: limit)
        var kept: [Finding] = []
        var problems: [FindingProblem: OmittedFindings] = [:]
        for f in findings {
            let problem = FindingProblem(kind: f.kind, key: f.problemKey)
            if tally.admit(problem) { kept.append(f) } else if problems[problem] == nil { problems[problem] = OmittedFindings(of: f, count: 0) }
        }
        for o in omitted {
            let problem = FindingProblem(kind: o.kind, key: o.problemKey)
            tally.omit(problem, count: o.count)
            if problems[problem] == nil { problems[problem] = o }
        }
        tally.omitUnlisted(unlisted)
        var result = self
        result.findings = kept
        result.omitted = tally.omitted.compactMap { entry in
            problems[entry.problem].map { o in var o = o; o.count = entry.count; return o }
        }
        result.unlisted = tally.unlisted
        return result
    }

    /// What a result tells problems apart by.
    struct FindingProblem: Hashable {
        var kind: Finding.Kind
        var key: String
    }
}
