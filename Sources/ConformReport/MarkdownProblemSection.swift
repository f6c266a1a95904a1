import ConformCore

/// One problem in the Markdown report, over every case that shows it: a heading with how many cases,
/// what the rule expects (said once), a table of where each case found what, the promise it broke, the
/// rule, the body of an unexpected status and the first case's curl reproduction.
///
/// ```markdown
/// ### ✘ scale-v5 › body matches schema: enum membership at /items/*/model_vendor — in 3 cases
/// expected one of "openai", "cohere" · `schema.enum` · operation `list`
/// | Case | Found | First at | How many |
/// | GET /v5/models › lists models | string "MISTRAL" | `/items/0/model_vendor` | in 2 of 5 items |
/// > list line 90: vendor is openai or cohere
/// Rule: `suites/scale-v5.json:102:15 (/definitions/Vendor/enum)`
/// ```
enum MarkdownProblemSection {
    /// Cases listed per problem before the rest are only counted.
    static let casesShown = 10

    static func render(_ p: ProblemGroup, icon: String) -> String {
        var blocks = ["### \(icon) " + MarkdownText.inline(p.suite.suite + " › " + p.title) + " — " + p.extent]
        let operations = unique(p.occurrences.map(\.testCase.operation))
        blocks.append((p.expectation.map { MarkdownText.lineStart($0) + " · " } ?? "") + MarkdownText.code(p.finding.check)
                      + " · operation " + operations.map(MarkdownText.code).joined(separator: ", "))
        var table = MarkdownTable([("Case", .left), ("Found", .left), ("First at", .left), ("How many", .left)])
        for o in p.occurrences.prefix(casesShown) {
            let pointer = o.group.first.pointer.map { $0.isEmpty ? "(whole body)" : MarkdownText.code($0) } ?? "—"
            table.add([MarkdownText.inline(o.testCase.name), MarkdownText.inline(p.found(o)), pointer,
                       o.group.extent.isEmpty ? "1" : MarkdownText.inline(o.group.extent)])
        }
        blocks.append(table.render())
        if p.occurrences.count > casesShown {
            blocks.append("… and \(ReportFormat.count(p.occurrences.count - casesShown, "more case")) (the JSON and HTML reports list every one)")
        }
        if let citation = p.finding.citation ?? p.first.testCase.citation { blocks.append("> " + MarkdownText.lineStart(citation)) }
        if let rule = CaseEvidence.ruleText(p.finding) { blocks.append("Rule: " + MarkdownText.code(rule)) }
        let c = p.first.testCase
        if let r = c.response, UnexpectedStatusBody.excerpt(c) != nil {
            blocks.append("Response (" + MarkdownText.inline(UnexpectedStatusBody.heading(r)) + "):\n\n"
                          + MarkdownText.codeBlock(UnexpectedStatusBody.excerpt(of: r), info: "text"))
        }
        if p.kind == .error || c.attempts.count > 1 {
            var lines = c.attempts.map { "- " + MarkdownText.inline(CaseEvidence.attemptLine($0)) }
            if let r = c.response { lines.append("- response: " + MarkdownText.inline(CaseEvidence.responseLine(r))) }
            if !lines.isEmpty { blocks.append("Attempts (first case):\n\n" + lines.joined(separator: "\n")) }
        }
        // A finding about a later page of a walk is reproduced by that page's request, not the case's first.
        if let curl = p.first.group.first.curl ?? c.curl {
            blocks.append("Reproduce" + (p.occurrences.count > 1 ? " (first case)" : "") + ":\n\n" + MarkdownText.codeBlock(curl, info: "sh"))
        }
        return blocks.joined(separator: "\n\n")
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
