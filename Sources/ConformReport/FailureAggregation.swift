import ConformCore

/// Findings of one check that share a rule and a wildcarded pointer: 312 bad dates in `/items/*/created_at`
/// are one group, shown as one row, never one row per item.
struct FailureGroup: Sendable {
    /// Every finding in the group, in the order the check reported them.
    var findings: [Finding]
    /// `/items/*/created_at`, or nil when the findings carry no pointer.
    var wildcardPointer: String?
    /// How many elements the wildcarded array held, when the recorded response body is complete.
    var itemTotal: Int?

    var first: Finding { findings[0] }
    var count: Int { findings.count }

    /// How many `*` the wildcarded pointer has; one means "items", more means "places".
    var wildcardDepth: Int {
        guard let wildcardPointer, let p = JSONPointer(wildcardPointer) else { return 0 }
        return p.tokens.filter { $0 == "*" }.count
    }

    /// `in 312 of 400 items`, `in 312 items`, `at 3 places`, `3 times`, or empty for a single finding.
    var extent: String {
        if count == 1 && wildcardDepth == 0 { return "" }
        switch wildcardDepth {
        case 0: return "\(count) times"
        case 1:
            let noun = count == 1 && itemTotal == nil ? "item" : "items"
            if let itemTotal, itemTotal >= count { return "in \(count) of \(itemTotal) \(noun)" }
            return "in \(count) \(noun)"
        default: return "at \(count) \(count == 1 ? "place" : "places")"
        }
    }

    /// The first finding's value, typed (`string "2023/11/07"`), or its detail when it has no `actual`.
    var firstEvidence: String { first.actual ?? first.detail }
}

/// Folds a check's findings into `FailureGroup`s, keyed (kind, check, rule,
/// wildcarded pointer, argument), in order of first appearance so the output is deterministic.
enum FailureAggregation {
    /// Groups `findings`; `body` (the parsed response, when complete) supplies the "of 400" totals.
    static func groups(_ findings: [Finding], body: JSONValue? = nil) -> [FailureGroup] {
        var order: [String] = []
        var byKey: [String: FailureGroup] = [:]
        for finding in findings {
            let wild = finding.pointer.map { JSONPointer($0)?.wildcarded.description ?? $0 }
            // The argument keeps distinct problems apart: a missing `digest` and a missing `size` at one pointer.
            let key = [finding.kind.rawValue, finding.check, finding.rulePointer ?? "", wild ?? "\u{0}", finding.argument ?? ""].joined(separator: "|")
            if byKey[key] == nil {
                order.append(key)
                byKey[key] = FailureGroup(findings: [finding], wildcardPointer: wild, itemTotal: nil)
            } else {
                byKey[key]?.findings.append(finding)
            }
        }
        return order.compactMap { key in
            guard var group = byKey[key] else { return nil }
            if let body, group.wildcardDepth == 1 { group.itemTotal = itemTotal(of: group.wildcardPointer, in: body) }
            return group
        }
    }

    /// The length of the array a single `*` stands for: `/items/*/created_at` → count of `/items`.
    static func itemTotal(of wildcardPointer: String?, in body: JSONValue) -> Int? {
        guard let text = wildcardPointer, let pointer = JSONPointer(text),
              let star = pointer.tokens.firstIndex(of: "*") else { return nil }
        let parent = JSONPointer(tokens: Array(pointer.tokens[..<star]))
        return parent.resolve(in: body)?.arrayValue?.count
    }

    /// The response body parsed, only when the recorded excerpt is the whole body (otherwise totals are unknowable).
    static func completeBody(of response: RecordedResponse?) -> JSONValue? {
        guard let response, response.bodySize > 0, response.bodyExcerpt.utf8.count == response.bodySize else { return nil }
        return try? JSONParser.parse(response.bodyExcerpt)
    }
}
