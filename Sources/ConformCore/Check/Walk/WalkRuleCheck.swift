/// Dispatches a walk rule to its check and names the result for CI UIs.
public enum WalkRuleCheck {
    /// The check result of one rule over a walk. A rule that needs a page the walk never reached
    /// (incomplete walk) is an error, not a pass.
    public static func evaluate(_ rule: Walk.Rule, _ walk: WalkObservation, at reference: RuleReference) -> CheckResult {
        let kind = CheckKind.walk(rule)
        let findings: [Finding]
        switch rule {
        case .noDuplicateIds: findings = NoDuplicateIdsRule.findings(walk, reference)
        case .unionEqualsTotal: findings = UnionEqualsTotalRule.findings(walk, reference)
        case .stableTotal: findings = StableTotalRule.findings(walk, reference)
        case .fullPages: findings = FullPagesRule.findings(walk, reference)
        case .pastEndEmpty: findings = PastEndEmptyRule.findings(walk, reference)
        case .hasMoreConsistent: findings = HasMoreConsistentRule.findings(walk, reference)
        case .linksConsistent: findings = LinksConsistentRule.findings(walk, reference)
        }
        return CheckResult.from(name: kind.title, check: kind.id, findings: findings)
    }

    /// An error finding for a rule whose input is missing (a walk that did not finish, an absent total).
    static func cannotRun(_ kind: CheckKind, _ reference: RuleReference, _ why: String) -> Finding {
        reference.finding(kind: .error, check: kind.id, title: "\(kind.title): cannot check", detail: why)
    }
}
