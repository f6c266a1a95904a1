/// `walk.noDuplicateIds`: no item id appears twice over all pages.
enum NoDuplicateIdsRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkNoDuplicateIds
        // First which ids repeat (one set of ids), then where each of those was first listed: the positions are
        // kept for repeated ids only, not for every item of the catalog.
        var seen = Set<JSONValue>()
        var repeated = Set<JSONValue>()
        walk.forEachId { id, _, _ in if !seen.insert(id).inserted { repeated.insert(id) } }
        seen = []
        var firstSeen: [JSONValue: (page: Int, index: Int)] = [:]
        var out: [Finding] = []
        if !repeated.isEmpty {
            walk.forEachId { id, page, index in
                guard repeated.contains(id) else { return }
                if let first = firstSeen[id] {
                    let where1 = "\(walk.pages[first.page].label) at \(walk.pointer(page: first.page, index: first.index))"
                    out.append(reference.finding(check: kind.id, title: "duplicate id across pages",
                        detail: "id \(id.typedDescription()) on \(walk.pages[page].label) was already listed on \(where1)",
                        pointer: walk.pointer(page: page, index: index), expected: "each id once",
                        actual: "\(id.typedDescription()) again"))
                } else {
                    firstSeen[id] = (page, index)
                }
            }
        }
        if !walk.complete && out.isEmpty {
            out.append(WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page"))
        }
        return out
    }
}
