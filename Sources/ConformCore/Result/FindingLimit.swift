/// How much of a check's findings is kept in full: the rest is counted, not materialised, so a page that
/// breaks one rule in each of 200,000 items costs 20 findings and a count, not 200,000 findings.
///
/// A *problem* is what a finding id names (`FindingIdentity`): check kind, rule, argument and value pointer
/// with array indices as `*`. Per check, the first instance of each problem is always kept (so every
/// distinct problem shows in full), further instances while the problem has fewer than `perProblem` and
/// the check fewer than `perCheck`; every instance past that is counted per problem (`OmittedFindings`).
/// Past `problems` distinct problems a check stops telling problems apart and counts their instances in
/// `CheckResult.unlisted`. Instances are kept in the order the check finds them (document order for a schema).
public struct FindingLimit: Sendable, Hashable {
    /// Instances kept per problem (the first ones found).
    public var perProblem: Int
    /// Instances kept per check, beyond the first of each problem.
    public var perCheck: Int
    /// Distinct problems kept and counted per check.
    public var problems: Int

    public init(perProblem: Int, perCheck: Int, problems: Int) {
        self.perProblem = max(1, perProblem); self.perCheck = max(0, perCheck); self.problems = max(1, problems)
    }

    /// What `conform run` keeps: 20 instances a problem, 200 a check, 200 distinct problems a check — at most
    /// 400 findings and 200 omitted counts per check, whatever the body holds.
    public static let standard = FindingLimit(perProblem: 20, perCheck: 200, problems: 200)
    /// Everything kept (tools that need every error, such as the mock's synthesis).
    public static let unlimited = FindingLimit(perProblem: .max, perCheck: .max, problems: .max)
}
