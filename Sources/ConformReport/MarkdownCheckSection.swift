import ConformCore

/// One failing (or erroring) check in the Markdown report: a heading, its findings aggregated into a
/// table, the promise it broke, the rule, the attempts when they matter, and the curl reproduction.
enum MarkdownCheckSection {
    /// Aggregated rows shown before the rest fold into `<details>`.
    static let groupsShown = 20
    /// Distinct citations and rule locations listed per check.
    static let referencesShown = 5

    static func render(suite: SuiteResult, row: SuiteRows.Row, icon: String) -> String {
        let c = row.testCase
        guard let check = row.check else { return "" }
        var blocks = ["### \(icon) " + MarkdownText.inline(suite.suite + " › " + row.name)]
        let groups = FailureAggregation.groups(check.findings, body: FailureAggregation.completeBody(of: c.response))
        var facts = [MarkdownText.code(check.check), "operation " + MarkdownText.code(c.operation)]
        facts.append(ReportFormat.count(check.findings.count, "finding") + (groups.count < check.findings.count ? " in " + ReportFormat.count(groups.count, "group") : ""))
        blocks.append(facts.joined(separator: " · "))

        if groups.isEmpty {
            blocks.append(MarkdownText.lineStart(JUnitReport.message(check)))
        } else {
            blocks.append(table(groups.prefix(groupsShown)).render())
            if groups.count > groupsShown {
                let rest = groups.dropFirst(groupsShown)
                blocks.append(MarkdownReport.details(summary: ReportFormat.count(rest.count, "more group"), body: table(rest).render()))
            }
        }
        let citations = unique(groups.compactMap(\.first.citation))
        for citation in citations.prefix(referencesShown) { blocks.append("> " + MarkdownText.lineStart(citation)) }
        if citations.isEmpty, let citation = c.citation { blocks.append("> " + MarkdownText.lineStart(citation)) }
        let rules = unique(groups.compactMap { CaseEvidence.ruleText($0.first) })
        if !rules.isEmpty {
            var line = "Rule: " + rules.prefix(referencesShown).map(MarkdownText.code).joined(separator: ", ")
            if rules.count > referencesShown { line += " and \(rules.count - referencesShown) more" }
            blocks.append(line)
        }
        let requests = CaseEvidence.requestLines(c)
        if requests.count > 1 {
            blocks.append(MarkdownReport.details(summary: ReportFormat.count(requests.count, "request") + " sent",
                                                 body: MarkdownText.codeBlock(requests.joined(separator: "\n"), info: "text")))
        }
        if c.attempts.count > 1 || c.attempts.contains(where: { $0.error != nil }) || check.status == .error {
            var lines = c.attempts.map { "- " + MarkdownText.inline(CaseEvidence.attemptLine($0)) }
            if let r = c.response { lines.append("- response: " + MarkdownText.inline(CaseEvidence.responseLine(r))) }
            if !lines.isEmpty { blocks.append("Attempts:\n\n" + lines.joined(separator: "\n")) }
        }
        if let curl = c.curl { blocks.append("Reproduce:\n\n" + MarkdownText.codeBlock(curl, info: "sh")) }
        return blocks.joined(separator: "\n\n")
    }

    /// Where | Problem | How many | Expected | Actual — one row per aggregated group.
    static func table<S: Sequence>(_ groups: S) -> MarkdownTable where S.Element == FailureGroup {
        var table = MarkdownTable([("Where", .left), ("Problem", .left), ("How many", .left), ("Expected", .left), ("Actual", .left)])
        for g in groups {
            let f = g.first
            let whereCell = g.wildcardPointer.map { $0.isEmpty ? "(whole body)" : MarkdownText.code($0) } ?? "—"
            let problem = g.count == 1 ? MarkdownText.inline(f.title + ": " + f.detail) : MarkdownText.inline(f.title)
            let howMany = g.extent.isEmpty ? "1" : MarkdownText.inline(g.extent)
            var actual = MarkdownText.inline(f.actual ?? (g.count == 1 ? "—" : f.detail))
            if g.count > 1, let p = f.pointer { actual = "first at " + MarkdownText.code(p) + ": " + actual }
            table.add([whereCell, problem, howMany, MarkdownText.inline(f.expected ?? "—"), actual])
        }
        return table
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
