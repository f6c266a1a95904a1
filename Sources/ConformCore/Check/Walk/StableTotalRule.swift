/// `walk.stableTotal`: every page reports the same total.
enum StableTotalRule {
    static func findings(_ walk: WalkObservation, _ reference: RuleReference) -> [Finding] {
        let kind = CheckKind.walkStableTotal
        guard let first = walk.pages.first(where: { $0.total != nil }), let base = first.total else {
            return walk.pages.isEmpty ? [] : [WalkRuleCheck.cannotRun(kind, reference, "no page reported a total")]
        }
        var out: [Finding] = []
        for page in walk.pages {
            guard let t = page.total else {
                out.append(reference.finding(check: kind.id, title: "total missing on a page",
                    detail: "\(page.label) reports no total; \(first.label) reported \(base.typedDescription())",
                    expected: base.typedDescription(), actual: "missing").about(page))
                continue
            }
            if t != base {
                out.append(reference.finding(check: kind.id, title: "total changed between pages",
                    detail: "\(page.label) reports \(t.typedDescription()); \(first.label) reported \(base.typedDescription())",
                    expected: base.typedDescription(), actual: t.typedDescription()).about(page))
            }
        }
        return out
    }
}
