import ConformCore

/// The text inside a JUnit `<failure>` or `<error>`: what went wrong, where, and how to reproduce it.
/// Findings are aggregated by rule and wildcarded pointer, so 312 bad dates read as one group:
///
/// ```text
/// /items/*/created_at: date-time format in 312 of 400 items; first at /items/0/created_at: string "2023/11/07"
///   date-time format: actual string "2023/11/07"; expected an RFC 3339 date-time
///     at: /items/0/created_at
///     expected: string in date-time format
///     actual: string "2023/11/07"
///     rule: suites/scale-v5.json:41:23 (/definitions/Model/properties/created_at/format)
///     citation: created_at: RFC 3339 date-time of creation
///   also at:
///     /items/1/created_at: string "2023/11/07"
///     … and 310 more at /items/*/created_at
///
/// request: GET http://127.0.0.1:8080/v5/models
/// attempts: #1 HTTP 200 in 0.300 s
/// response body (HTTP 500, 20 bytes, application/json):     ← only under a failed status check
///   {"error":"internal"}
/// reproduce: curl -sS 'http://127.0.0.1:8080/v5/models' -H 'x-api-key: $SGP_API_KEY'
/// ```
enum JUnitFailureBody {
    /// Further instances of one group listed by pointer before the rest are only counted.
    static let instancesShownPerGroup = 50

    /// The unescaped body text (the caller escapes it), starting and ending with a newline.
    static func text(_ check: CheckResult, in c: CaseResult) -> String {
        var lines: [String] = []
        let groups = FailureAggregation.groups(check, body: FailureAggregation.completeBody(of: c.response))
        for (index, g) in groups.enumerated() {
            if index > 0 { lines.append("") }
            guard g.count > 1 || g.wildcardDepth > 0 else {
                lines += CaseEvidence.findingLines(g.first)
                continue
            }
            lines.append(summary(g))
            lines += CaseEvidence.findingLines(g.first).map { "  " + $0 }
            let others = g.findings.dropFirst()
            if !others.isEmpty || g.omitted > 0 {
                lines.append("  also at:")
                for f in others.prefix(instancesShownPerGroup) {
                    lines.append("    " + (f.pointer ?? "(no pointer)") + ": " + (f.actual ?? f.detail))
                }
                let rest = g.count - 1 - min(others.count, instancesShownPerGroup)
                if rest > 0 { lines.append("    … and \(ReportFormat.number(rest)) more" + (g.wildcardPointer.map { " at " + $0 } ?? "")) }
            }
        }
        if check.unlisted > 0 {
            if !groups.isEmpty { lines.append("") }
            lines.append(ReportFormat.unlistedNote(check.unlisted, checks: 1))
        }
        if groups.isEmpty { lines.append(JUnitReport.message(check)) }
        lines.append("")
        if let citation = c.citation { lines.append("case citation: " + citation) }
        for request in CaseEvidence.requestLines(c) { lines.append("request: " + request) }
        if !c.attempts.isEmpty { lines.append("attempts: " + c.attempts.map(CaseEvidence.attemptLine).joined(separator: "; ")) }
        if let r = c.response { lines.append("response: " + CaseEvidence.responseLine(r)) }
        if check.check == CheckKind.status.id, let r = c.response, UnexpectedStatusBody.excerpt(c) != nil {
            lines.append("response body (\(UnexpectedStatusBody.heading(r))):")
            lines += UnexpectedStatusBody.excerpt(of: r).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        if let curl = c.curl { lines.append("reproduce: " + curl) }
        // Each line holds one field; a newline inside a value would break the layout, so it shows as `\x0A`.
        return "\n" + lines.map { VisibleText.clean($0) }.joined(separator: "\n") + "\n"
    }

    /// `/items/*/created_at: date-time format in 312 of 400 items; first at /items/3/created_at: string "2023/11/07"`.
    static func summary(_ g: FailureGroup) -> String {
        var text = (g.wildcardPointer.map { ($0.isEmpty ? "(body)" : $0) + ": " } ?? "") + g.first.title
        if !g.extent.isEmpty { text += " " + g.extent }
        if let p = g.first.pointer, g.count > 1 { text += "; first at " + p + ": " + g.firstEvidence }
        else { text += ": " + g.firstEvidence }
        return text
    }
}
