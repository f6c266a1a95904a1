import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct MarkdownReportTests {
    @Test func matchesGoldenFile() throws {
        try Golden.check(MarkdownReport.render(SampleRun.run), "report.md")
    }

    @Test func isDeterministic() {
        #expect(MarkdownReport.render(SampleRun.run) == MarkdownReport.render(SampleRun.run))
    }

    @Test func startsWithTheVerdict() {
        let md = MarkdownReport.render(SampleRun.run)
        #expect(md.hasPrefix("**✘ 3 checks failed** across 2 suites — 2 passed, 3 failed, 1 error, 2 skipped\n"))
    }

    @Test(arguments: [
        (Tally(), "**– No checks ran** in 1 suite — 0 passed, 0 failed, 0 errors, 0 skipped"),
        (tally(passed: 2), "**✔ All 2 checks held** across 1 suite — 2 passed, 0 failed, 0 errors, 0 skipped"),
        (tally(passed: 1, errors: 1), "**⚠ 1 check could not run** in 1 suite — 1 passed, 0 failed, 1 error, 0 skipped"),
        (tally(failed: 1, errors: 2), "**✘ 1 check failed** across 1 suite — 0 passed, 1 failed, 2 errors, 0 skipped"),
    ])
    func verdict(counts: Tally, expected: String) {
        var checks: [CheckResult] = []
        checks += Array(repeating: CheckResult(name: "p", check: "k", status: .passed), count: counts.passed)
        checks += Array(repeating: CheckResult(name: "f", check: "k", status: .failed), count: counts.failed)
        checks += Array(repeating: CheckResult(name: "e", check: "k", status: .error), count: counts.errors)
        let cases = checks.isEmpty ? [] : [CaseResult(id: "c", operation: "o", name: "c", checks: checks)]
        let run = RunResult(version: "0", startedAt: "", durationSeconds: 0,
                            suites: [SuiteResult(suite: "s", title: "t", file: "f", baseURL: "b", cases: cases)])
        #expect(MarkdownReport.render(run).hasPrefix(expected + "\n"))
    }

    @Test func aggregatesLargeListsIntoOneRow() {
        let md = MarkdownReport.render(SampleRun.run)
        #expect(md.contains("| `/items/*/created_at` | date-time format | in 312 of 400 items | string in date-time format | first at `/items/0/created_at`: string \"2023/11/07\" |"))
        // Never one row per item.
        #expect(!md.contains("`/items/1/created_at`"))
        #expect(md.contains("> created\\_at: RFC 3339 date-time of creation"))
        #expect(md.contains("```sh\ncurl -sS 'http://127.0.0.1:8080/v5/models' -H 'x-api-key: $SGP_API_KEY'\n```"))
    }

    @Test func keepsErrorsApartFromFailures() throws {
        let md = MarkdownReport.render(SampleRun.run)
        let failures = try #require(md.range(of: "## Failures"))
        let errors = try #require(md.range(of: "## Errors (checks that could not run)"))
        #expect(failures.upperBound < errors.lowerBound)
        let errorPart = md[errors.upperBound...]
        #expect(errorPart.contains("### ⚠ hostile › GET /api/models › answers › status is 200"))
        #expect(errorPart.contains("- #1 connection refused in 0.001 s, then waited 0.500 s"))
        #expect(md.contains("<summary>2 skipped checks</summary>"))
    }

    @Test func hostileTextStaysText() {
        let md = MarkdownReport.render(SampleRun.run)
        let controls = md.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value >= 0xFFFE && $0.value <= 0xFFFF }
        #expect(controls.isEmpty, "raw control characters: \(controls.map { $0.value })")
        // Outside code spans and blocks (where it is literal), markup characters are escaped.
        #expect(md.contains("\\<script\\>alert('x\\&y')\\</script\\>"))
    }

    @Test func collapsesLongListsInDetails() {
        let manyGroups = (0..<30).map { i in Finding(check: "schema.required", title: "required property", detail: "missing", pointer: "/field\(i)") }
        let cases = (0..<30).map { i in
            CaseResult(id: "c\(i)", operation: "op", name: "case \(i)",
                       checks: [CheckResult.from(name: "schema", check: "schema", findings: i == 0 ? manyGroups : [manyGroups[0]])])
        }
        let run = RunResult(version: "0", startedAt: "", durationSeconds: 0,
                            suites: [SuiteResult(suite: "s", title: "t", file: "f", baseURL: "b", cases: cases)])
        let md = MarkdownReport.render(run)
        #expect(md.contains("<summary>10 more groups</summary>"))
        #expect(md.contains("<summary>5 more failing checks</summary>"))
        // Every group and every check is still there, only folded.
        #expect(md.contains("`/field29`"))
        #expect(md.contains("### ✘ s › case 29 › schema"))
    }

    @Test(.enabled(if: Tools.path(of: "cmark-gfm") != nil, "needs cmark-gfm (apt-get install cmark-gfm)"))
    func rendersCleanlyInAGFMRenderer() throws {
        let md = MarkdownReport.render(SampleRun.run)
        let tool = try #require(Tools.path(of: "cmark-gfm"))
        let html = try Tools.run(tool, ["--extension", "table", "--extension", "autolink", "--extension", "strikethrough", "--unsafe"], stdin: md)
        #expect(html.status == 0, "cmark-gfm: \(html.err)")
        // Summary table, the failure tables and the collapsed lists all render as tables.
        #expect(html.out.components(separatedBy: "<table>").count - 1 >= 5)
        #expect(html.out.contains("<td align=\"left\"><code>/items/*/created_at</code></td>"))
        // Even with raw HTML allowed, hostile text is never markup.
        #expect(!html.out.contains("<script"))
        #expect(html.out.contains("&lt;script&gt;"))
        #expect(html.out.contains("<h3>✘ scale-v5 › GET /v5/models?limit=1001 › rejects limit above maximum › status is 422</h3>"))
        // A hostile citation neither becomes a heading nor a list.
        #expect(!html.out.contains("<h1>"))
        #expect(!html.out.contains("<ol"))
        #expect(html.out.contains("<details>"))
        // The pipe in the suite file did not split a row: every body row of the summary has 8 cells.
        let summary = try #require(html.out.components(separatedBy: "</table>").first)
        for row in summary.components(separatedBy: "<tr>").dropFirst() {
            let cells = row.components(separatedBy: "<td").count - 1 + row.components(separatedBy: "<th").count - 1
                - (row.components(separatedBy: "<thead").count - 1)
            #expect(cells == 8, "row: \(row)")
        }
    }
}

private func tally(passed: Int = 0, failed: Int = 0, errors: Int = 0) -> Tally {
    var t = Tally(); t.passed = passed; t.failed = failed; t.errors = errors; return t
}
