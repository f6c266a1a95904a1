/// `walk.linksConsistent`: `next` exactly before the last page, `previous` exactly after the first.
enum LinksConsistentRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkLinksConsistent
        var out: [Finding] = []
        for (i, page) in walk.pages.enumerated() {
            let isLast = i == walk.pages.count - 1
            if !(isLast && !walk.complete), page.hasNext == isLast {
                out.append(reference.finding(check: kind.id, title: isLast ? "next link on the last page" : "next link missing before the last page",
                    detail: "\(page.label) of \(walk.pages.count) \(page.hasNext ? "has" : "has no") next link",
                    expected: isLast ? "no next link" : "a next link", actual: page.hasNext ? "a next link" : "none").about(page))
            }
            if walk.tracksPrevious, page.hasPrevious == (i == 0) {
                out.append(reference.finding(check: kind.id, title: i == 0 ? "previous link on the first page" : "previous link missing after the first page",
                    detail: "\(page.label) \(page.hasPrevious ? "has" : "has no") previous link",
                    expected: i == 0 ? "no previous link" : "a previous link", actual: page.hasPrevious ? "a previous link" : "none").about(page))
            }
        }
        return out
    }
}
