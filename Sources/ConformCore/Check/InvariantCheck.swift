/// `invariant`: an expression over the response (and request) holds.
public enum InvariantCheck {
    /// Checks one invariant; the check name is the invariant's name (its expression text by default).
    /// `check` lets walks report the same evaluation as `walk.pageInvariant`.
    public static func evaluate(_ invariant: Invariant, in context: EvaluationContext, file: SuiteFile?,
                                check: CheckKind = .invariant) -> CheckResult {
        let findings = findings(invariant, in: context, file: file, check: check)
        return CheckResult.from(name: invariant.name, check: check.id, findings: findings, rule: invariant.identity)
    }

    /// The findings of one evaluation (empty when it holds); `prefix` labels where it was evaluated.
    public static func findings(_ invariant: Invariant, in context: EvaluationContext, file: SuiteFile?,
                                check: CheckKind = .invariant, prefix: String = "") -> [Finding] {
        let verdict = invariant.expression.check(in: context)
        guard !verdict.holds else { return [] }
        let rule = RuleReference(pointer: invariant.pointer, in: file)
        return [rule.finding(check: check.id, title: "invariant does not hold",
                             detail: prefix + verdict.explanation, pointer: verdict.pointer?.description,
                             expected: "boolean true", actual: "boolean false",
                             citation: invariant.description)]
    }
}
