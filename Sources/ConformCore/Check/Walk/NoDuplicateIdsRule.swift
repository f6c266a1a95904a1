/// `walk.noDuplicateIds`: no item id appears twice over all pages.
enum NoDuplicateIdsRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkNoDuplicateIds
        var firstSeen: [JSONValue: (page: Int, index: Int)] = [:]
        var out: [Finding] = []
        for item in walk.identifiedItems {
            if let first = firstSeen[item.id] {
                let where1 = "\(walk.pages[first.page].label) at \(walk.pointer(page: first.page, index: first.index))"
                out.append(reference.finding(check: kind.id, title: "duplicate id across pages",
                    detail: "id \(item.id.typedDescription()) on \(walk.pages[item.page].label) was already listed on \(where1)",
                    pointer: walk.pointer(page: item.page, index: item.index), expected: "each id once",
                    actual: "\(item.id.typedDescription()) again"))
            } else {
                firstSeen[item.id] = (item.page, item.index)
            }
        }
        if !walk.complete && out.isEmpty {
            out.append(WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page"))
        }
        return out
    }
}
