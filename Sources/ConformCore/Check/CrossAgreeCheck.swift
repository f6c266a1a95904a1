/// `cross.agree` and `cross.fetch`: an object fetched on its own agrees with the same object in a list.
public enum CrossAgreeCheck {
    /// Findings for one listed item: each `agree` member the listed object has must be equal (JSON
    /// semantics) in the fetched one. `listedPointer` is the item's pointer in the list body (`/items/3`).
    public static func findings(listed: JSONValue, fetched: JSONValue, members: [String], listedPointer: String,
                                itemLabel: String, rule: RuleReference) -> [Finding] {
        var out: [Finding] = []
        for member in members {
            guard let a = listed[member] else { continue }
            let token = "/" + JSONPointer.escape(member)
            guard let b = fetched[member] else {
                out.append(rule.finding(check: CheckKind.crossAgree.id, title: "fetched object lacks a listed member",
                    detail: "\(itemLabel): listed \(member) = \(a.typedDescription()), fetched object has no \(member)",
                    pointer: listedPointer + token, expected: a.typedDescription(), actual: "missing"))
                continue
            }
            if a != b {
                out.append(rule.finding(check: CheckKind.crossAgree.id, title: "fetched object disagrees with the list",
                    detail: "\(itemLabel): \(member) is \(a.typedDescription()) in the list, \(b.typedDescription()) when fetched",
                    pointer: listedPointer + token, expected: a.typedDescription(), actual: b.typedDescription()))
            }
        }
        return out
    }

    /// The finding for a fetch that did not answer 2xx with a JSON object: a failure when the server
    /// answered (the listed id cannot be fetched), an error when the request itself failed.
    public static func fetchFinding(itemLabel: String, status: Int?, problem: String, listedPointer: String,
                                    rule: RuleReference) -> Finding {
        if let status {
            return rule.finding(check: CheckKind.crossFetch.id, title: "listed id cannot be fetched",
                detail: "\(itemLabel): \(problem)", pointer: listedPointer, expected: "a 2xx status with the object",
                actual: "integer \(status)")
        }
        return rule.finding(kind: .error, check: CheckKind.crossFetch.id, title: "fetch could not complete",
                            detail: "\(itemLabel): \(problem)", pointer: listedPointer)
    }
}
