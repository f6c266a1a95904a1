/// Dispatches a walk rule to its check and names the result for CI UIs.
public enum WalkRuleCheck {
    /// The check result of one rule over a walk. A rule that needs a page the walk never reached
    /// (incomplete walk) is an error, not a pass.
    public static func evaluate(_ rule: Walk.Rule, _ walk: WalkObservation, at reference: RuleReference) -> CheckResult {
        let kind = CheckKind.walk(rule)
        // A total the API may leave out (Gradient's meta.total is optional) is the schema check's business:
        // without one, the total rules have nothing to compare, which is a skip, not an error or a pass.
        if rule == .unionEqualsTotal || rule == .stableTotal, walk.complete, !walk.pages.isEmpty, walk.lastTotal == nil {
            return CheckResult(name: kind.title, check: kind.id, status: .skipped,
                               skipReason: "no page reported a total (whether it must is the schema check's verdict)")
        }
        // Findings kept under the limit as they are found (`FindingCollector`): only the duplicate rule can meet a
        // problem once per item, the others at most once per page.
        var collector = FindingCollector()
        switch rule {
        case .noDuplicateIds: NoDuplicateIdsRule.collect(walk, reference, into: &collector)
        case .unionEqualsTotal: UnionEqualsTotalRule.findings(walk, reference).forEach { collector.add($0) }
        case .stableTotal: StableTotalRule.findings(walk, reference).forEach { collector.add($0) }
        case .fullPages: FullPagesRule.findings(walk, reference).forEach { collector.add($0) }
        case .pastEndEmpty: PastEndEmptyRule.findings(walk, reference).forEach { collector.add($0) }
        case .hasMoreConsistent: HasMoreConsistentRule.findings(walk, reference).forEach { collector.add($0) }
        case .linksConsistent: LinksConsistentRule.findings(walk, reference).forEach { collector.add($0) }
        }
        return collector.result(name: kind.title, check: kind.id)
    }

    /// An error finding for a rule whose input is missing (a walk that did not finish, an absent total).
    static func cannotRun(_ kind: CheckKind, _ reference: RuleReference, _ why: String) -> Finding {
        reference.finding(kind: .error, check: kind.id, title: "\(kind.title): cannot check", detail: why)
    }
}
