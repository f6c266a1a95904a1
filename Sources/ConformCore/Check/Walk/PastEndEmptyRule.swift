/// `walk.pastEndEmpty`: the page after the last one has no items.
enum PastEndEmptyRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkPastEndEmpty
        guard walk.complete else { return [WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page")] }
        guard let page = walk.pastEnd else {
            return [WalkRuleCheck.cannotRun(kind, reference, "the page past the end was not fetched")]
        }
        guard let count = page.itemCount else {
            return [reference.finding(check: kind.id, title: "page past the end has no item list",
                detail: "\(page.label) did not answer with an item list", expected: "empty array", actual: "no array").about(page)]
        }
        guard count > 0 else { return [] }
        return [reference.finding(check: kind.id, title: "page past the end is not empty",
            detail: "\(page.label) holds \(count) item\(count == 1 ? "" : "s") after the last page",
            pointer: page.itemsPointer, expected: "0 items", actual: "\(count) items").about(page)]
    }
}
