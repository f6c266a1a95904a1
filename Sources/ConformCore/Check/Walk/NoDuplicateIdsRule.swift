/// `walk.noDuplicateIds`: no item id appears twice over all pages.
enum NoDuplicateIdsRule {
    /// Every repeat, told with where the id was first listed, into `collector`: a list that repeats itself page
    /// after page repeats every id, so findings are built only as far as the collector keeps them.
    static func collect(_ walk: WalkObservation, _ reference: RuleReference, into collector: inout FindingCollector) {
        let kind = CheckKind.walkNoDuplicateIds
        _ = walk.distinctIds { id, page, index, firstPage, firstIndex in
            let pointer = walk.pointer(page: page, index: index)
            let key = reference.finding(check: kind.id, title: "", detail: "", pointer: pointer).problemKey
            collector.add(key: key) {
                let where1 = "\(walk.pages[firstPage].label) at \(walk.pointer(page: firstPage, index: firstIndex))"
                return reference.finding(check: kind.id, title: "duplicate id across pages",
                    detail: "id \(id.typedDescription()) on \(walk.pages[page].label) was already listed on \(where1)",
                    pointer: pointer, expected: "each id once", actual: "\(id.typedDescription()) again").about(walk.pages[page])
            }
        }
        if !walk.complete && collector.count == 0 {
            collector.add(WalkRuleCheck.cannotRun(kind, reference, "the walk did not reach its last page"))
        }
    }
}
