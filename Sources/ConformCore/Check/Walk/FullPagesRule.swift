/// `walk.fullPages`: every page but the last holds exactly the page size; none holds more.
enum FullPagesRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkFullPages
        var out: [Finding] = []
        for (i, page) in walk.pages.enumerated() {
            guard let count = page.itemCount else { continue }
            let isLast = i == walk.pages.count - 1 && walk.complete
            if count > walk.size || (!isLast && count != walk.size) {
                out.append(reference.finding(check: kind.id, title: isLast ? "last page over the page size" : "short page before the last",
                    detail: "\(page.label) holds \(count) item\(count == 1 ? "" : "s"); page size is \(walk.size)",
                    pointer: page.itemsPointer, expected: isLast ? "at most \(walk.size) items" : "\(walk.size) items",
                    actual: "\(count) items").about(page))
            }
        }
        return out
    }
}
