import ConformCore

/// Findings of one check that share a rule and a wildcarded pointer: 312 bad dates in `/items/*/created_at`
/// are one group, shown as one row, never one row per item.
struct FailureGroup: Sendable {
    /// The findings the check kept in full, in the order the check reported them.
    var findings: [Finding]
    /// `/items/*/created_at`, or nil when the findings carry no pointer.
    var wildcardPointer: String?
    /// How many elements the wildcarded array held, when the recorded response body is complete.
    var itemTotal: Int?
    /// Instances the check counted beyond its listed findings (`OmittedFindings`).
    var omitted = 0

    var first: Finding { findings[0] }
    /// Every instance: listed and counted.
    var count: Int { findings.count + omitted }

    /// How many `*` the wildcarded pointer has; one means "items", more means "places".
    var wildcardDepth: Int {
        guard let wildcardPointer, let p = JSONPointer(wildcardPointer) else { return 0 }
        return p.tokens.filter { $0 == "*" }.count
    }

    /// `in 312 of 400 items`, `in 312 items`, `at 3 places`, `3 times`, or empty for a single finding.
    var extent: String {
        if count == 1 && wildcardDepth == 0 { return "" }
        let n = ReportFormat.number(count)
        switch wildcardDepth {
        case 0: return "\(n) times"
        case 1:
            let noun = count == 1 && itemTotal == nil ? "item" : "items"
            if let itemTotal, itemTotal >= count { return "in \(n) of \(ReportFormat.number(itemTotal)) \(noun)" }
            return "in \(n) \(noun)"
        default: return "at \(n) \(count == 1 ? "place" : "places")"
        }
    }

    /// The first finding's value, typed (`string "2023/11/07"`), or its detail when it has no `actual`.
    var firstEvidence: String { first.actual ?? first.detail }
}

/// Folds a check's findings into `FailureGroup`s, keyed (kind, check, rule,
/// wildcarded pointer, argument), in order of first appearance so the output is deterministic.
enum FailureAggregation {
    /// The groups of one check: its listed findings and its counted ones.
    static func groups(_ check: CheckResult, body: JSONValue? = nil) -> [FailureGroup] {
        groups(check.findings, omitted: check.omitted, body: body)
    }

    /// Groups `findings`, adding the instances `omitted` counts to their problem's group; `body` (the parsed
    /// response, when complete) supplies the "of 400" totals.
    static func groups(_ findings: [Finding], omitted: [OmittedFindings] = [], body: JSONValue? = nil) -> [FailureGroup] {
        var order: [String] = []
        var byKey: [String: FailureGroup] = [:]
        // The argument keeps distinct problems apart: a missing `digest` and a missing `size` at one pointer.
        func key(_ f: Finding, _ wild: String?) -> String {
            [f.kind.rawValue, f.check, f.rulePointer ?? "", wild ?? "\u{0}", f.argument ?? ""].joined(separator: "|")
        }
        for finding in findings {
            let wild = finding.pointer.map { JSONPointer($0)?.wildcarded.description ?? $0 }
            let k = key(finding, wild)
            if byKey[k] == nil {
                order.append(k)
                byKey[k] = FailureGroup(findings: [finding], wildcardPointer: wild, itemTotal: nil)
            } else {
                byKey[k]?.findings.append(finding)
            }
        }
        for o in omitted {
            let k = key(o.representative, o.pointer)
            if byKey[k] == nil {
                // Only counted (a sub-validation's omissions): the group stands on the problem's own words.
                var stand = o.representative
                stand.title = CheckKind.named(o.check)?.title ?? o.check
                stand.detail = "counted, not listed (over the finding limit)"
                order.append(k)
                byKey[k] = FailureGroup(findings: [stand], wildcardPointer: o.pointer, itemTotal: nil, omitted: o.count - 1)
            } else {
                byKey[k]?.omitted += o.count
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
