/// `walk.noDuplicateIds`: no item id appears twice over all pages.
enum NoDuplicateIdsRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkNoDuplicateIds
        var firstSeen: [JSONValue: (page: Int, pointer: String)] = [:]
        var out: [Finding] = []
        for item in walk.identifiedItems {
            if let first = firstSeen[item.id] {
                let where1 = "\(walk.pages[first.page].label) at \(first.pointer)"
                out.append(reference.finding(check: kind.id, title: "duplicate id across pages",
                    detail: "id \(item.id.typedDescription()) on \(walk.pages[item.page].label) was already listed on \(where1)",
                    pointer: item.pointer, expected: "each id once", actual: "\(item.id.typedDescription()) again"))
            } else {
                firstSeen[item.id] = (item.page, item.pointer)
            }
        }
        if !walk.complete && out.isEmpty {
            out.append(WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page"))
        }
        return out
    }
}
