import ConformCore

/// The text inside a JUnit `<failure>` or `<error>`: what went wrong, where, and how to reproduce it.
///
/// ```text
/// 312 findings in 1 group:
///   /items/*/created_at: date-time format in 312 of 400 items; first at /items/3/created_at: string "2023/11/07"
///
/// date-time format: actual string "2023/11/07"; expected an RFC 3339 date-time
///   at: /items/3/created_at
///   …
/// request: GET http://127.0.0.1:8080/v5/models
/// attempts: #1 HTTP 200 in 0.012 s
/// reproduce: curl -sS 'http://127.0.0.1:8080/v5/models' -H 'x-api-key: $SGP_API_KEY'
/// ```
enum JUnitFailureBody {
    /// The unescaped body text (the caller escapes it), starting and ending with a newline.
    static func text(_ check: CheckResult, in c: CaseResult) -> String {
        var lines: [String] = []
        let findings = check.findings
        let groups = FailureAggregation.groups(findings, body: FailureAggregation.completeBody(of: c.response))
        if findings.count > 1 && groups.count < findings.count {
            lines.append("\(ReportFormat.count(findings.count, "finding")) in \(ReportFormat.count(groups.count, "group")):")
            for g in groups { lines.append("  " + summary(g)) }
            lines.append("")
        }
        for f in findings.prefix(JUnitReport.findingsShownPerCheck) { lines += CaseEvidence.findingLines(f) }
        if findings.count > JUnitReport.findingsShownPerCheck {
            lines.append("… \(findings.count - JUnitReport.findingsShownPerCheck) more findings not shown here (\(findings.count) in all; the JSON report lists every one)")
        }
        if findings.isEmpty { lines.append(JUnitReport.message(check)) }
        lines.append("")
        if let citation = c.citation { lines.append("case citation: " + citation) }
        for request in CaseEvidence.requestLines(c) { lines.append("request: " + request) }
        if !c.attempts.isEmpty { lines.append("attempts: " + c.attempts.map(CaseEvidence.attemptLine).joined(separator: "; ")) }
        if let r = c.response { lines.append("response: " + CaseEvidence.responseLine(r)) }
        if let curl = c.curl { lines.append("reproduce: " + curl) }
        return "\n" + lines.joined(separator: "\n") + "\n"
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
