/// `walk.noDuplicateIds`: no item id appears twice over all pages.
enum NoDuplicateIdsRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkNoDuplicateIds
        // One pass over the ids with an index of positions: each repeat is told with where the id was first listed.
        var out: [Finding] = []
        _ = walk.distinctIds { id, page, index, firstPage, firstIndex in
            let where1 = "\(walk.pages[firstPage].label) at \(walk.pointer(page: firstPage, index: firstIndex))"
            out.append(reference.finding(check: kind.id, title: "duplicate id across pages",
                detail: "id \(id.typedDescription()) on \(walk.pages[page].label) was already listed on \(where1)",
                pointer: walk.pointer(page: page, index: index), expected: "each id once",
                actual: "\(id.typedDescription()) again"))
        }
        if !walk.complete && out.isEmpty {
            out.append(WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page"))
        }
        return out
    }
}
