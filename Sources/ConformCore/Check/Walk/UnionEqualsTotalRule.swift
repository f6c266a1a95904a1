/// `walk.unionEqualsTotal`: the distinct ids over all pages add up to the reported total.
enum UnionEqualsTotalRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkUnionEqualsTotal
        guard walk.complete else { return [WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page")] }
        guard let total = walk.lastTotal else {
            return [WalkRuleCheck.cannotRun(kind, reference, "no page reported a total")]
        }
        // Items without an id (optional in some APIs) cannot be told apart: each counts once.
        let distinct = walk.distinctIds() + walk.unidentifiedItemCount
        guard let n = total.numberValue, n.isInteger, let t = n.int64Value else {
            return [reference.finding(check: kind.id, title: "total is not an integer",
                                      detail: "expected an integer total, got \(total.typedDescription())",
                                      expected: "integer", actual: total.typedDescription())]
        }
        guard t != Int64(distinct) else { return [] }
        return [reference.finding(check: kind.id, title: "pages do not add up to the total",
            detail: "\(distinct) distinct ids over \(walk.pages.count) page\(walk.pages.count == 1 ? "" : "s"), total says \(t)",
            expected: "integer \(t)", actual: "integer \(distinct)")]
    }
}
