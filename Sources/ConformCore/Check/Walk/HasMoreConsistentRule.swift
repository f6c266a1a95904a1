/// `walk.hasMoreConsistent`: the has-more flag is true before the last page and false on it.
enum HasMoreConsistentRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkHasMoreConsistent
        var out: [Finding] = []
        for (i, page) in walk.pages.enumerated() {
            let isLast = i == walk.pages.count - 1
            if isLast && !walk.complete { break }
            guard let flag = page.hasMore else {
                out.append(reference.finding(check: kind.id, title: "has-more flag missing",
                    detail: "\(page.label) has no boolean has-more flag", expected: "boolean \(!isLast)", actual: "missing").about(page))
                continue
            }
            if flag == isLast {
                out.append(reference.finding(check: kind.id, title: isLast ? "has-more is true on the last page" : "has-more is false before the last page",
                    detail: "\(page.label) of \(walk.pages.count) says has-more \(flag)", expected: "boolean \(!isLast)",
                    actual: "boolean \(flag)").about(page))
            }
        }
        return out
    }
}
