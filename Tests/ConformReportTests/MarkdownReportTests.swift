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
        #expect(md.contains("### ✘ scale-v5 › body matches schema: date-time format at /items/\\*/created\\_at — in 1 case"))
        #expect(md.contains("expected string in date-time format · `schema.format` · operation `listModels`"))
        #expect(md.contains("| GET /v5/models › lists models | string \"2023/11/07\" | `/items/0/created_at` | in 312 of 400 items |"))
        // Never one row per item.
        #expect(!md.contains("`/items/1/created_at`"))
        #expect(md.contains("> created\\_at: RFC 3339 date-time of creation"))
        #expect(md.contains("```sh\ncurl -sS 'http://127.0.0.1:8080/v5/models' -H 'x-api-key: $SGP_API_KEY'\n```"))
    }

    /// No column repeats another: the expectation is said once per problem, each case's row says what it found.
    @Test func noRepeatedColumns() {
        let md = MarkdownReport.render(SampleRun.run)
        #expect(md.contains("| Case | Found | First at | How many |"))
        #expect(!md.contains("| Problem |"))
        let statusRow = md.split(separator: "\n").first { $0.hasPrefix("| GET /v5/models?limit=1001") }
        #expect(statusRow == "| GET /v5/models?limit=1001 › rejects limit above maximum | integer 200 | — | 1 |")
    }

    @Test func keepsErrorsApartFromFailures() throws {
        let md = MarkdownReport.render(SampleRun.run)
        let failures = try #require(md.range(of: "## Failures"))
        let errors = try #require(md.range(of: "## Errors (checks that could not run)"))
        #expect(failures.upperBound < errors.lowerBound)
        let errorPart = md[errors.upperBound...]
        #expect(errorPart.contains("### ⚠ hostile › status is 200: connection refused — in 1 case"))
        #expect(errorPart.contains("- #1 connection refused in 0.001 s, then waited 0.500 s"))
        #expect(md.contains("## Skipped checks\n\n2 checks skipped, by reason:"))
        #expect(md.contains("| `scale-v5` | getModel is not in this API version | 1 |"))
    }

    /// The body of an unexpected status is the first evidence anyone wants; results.json already had it.
    @Test func showsTheBodyOfAnUnexpectedStatus() {
        let md = MarkdownReport.render(SampleRun.run)
        #expect(md.contains("Response (HTTP 200, 11 bytes):\n\n```text\n{\"items\":[]\n```"))
        // Only where the status was wrong: the schema failures of a 200 show no body.
        #expect(md.components(separatedBy: "Response (").count == 2)
    }

    @Test func hostileTextStaysText() {
        let md = MarkdownReport.render(SampleRun.run)
        let controls = md.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0.value >= 0xFFFE && $0.value <= 0xFFFF }
        #expect(controls.isEmpty, "raw control characters: \(controls.map { $0.value })")
        // Outside code spans and blocks (where it is literal), markup characters are escaped.
        #expect(md.contains("\\<script\\>alert('x\\&y')\\</script\\>"))
    }

    /// One root cause seen by many cases is one section "in N cases", not one section per case.
    @Test func groupsOneProblemAcrossCases() {
        let bad = Finding(check: "schema.format", title: "date-time format", detail: "actual string \"x\"; expected a date-time",
                          pointer: "/items/0/created_at", rulePointer: "/definitions/M/properties/created_at/format",
                          expected: "string in date-time format", actual: "string \"x\"")
        let other = Finding(check: "schema.required", title: "required property", detail: "missing \"id\"", pointer: "/items/0",
                            rulePointer: "/definitions/M/required", argument: "id")
        let cases = (0..<5).map { i in
            CaseResult(id: "c\(i)", operation: "list", name: "case \(i)",
                       checks: [CheckResult.from(name: "body matches schema", check: "schema", findings: i == 3 ? [bad, other] : [bad])])
        }
        let run = RunResult(version: "0", startedAt: "", durationSeconds: 0,
                            suites: [SuiteResult(suite: "s", title: "t", file: "f", baseURL: "b", cases: cases)])
        let md = MarkdownReport.render(run)
        #expect(md.components(separatedBy: "\n### ").count - 1 == 2, "\(md)")
        #expect(md.contains("### ✘ s › body matches schema: date-time format at /items/\\*/created\\_at — in 5 cases"))
        #expect(md.contains("### ✘ s › body matches schema: required property at /items/\\* — in 1 case"))
        for i in 0..<5 { #expect(md.contains("| case \(i) | string \"x\" | `/items/0/created_at` | in 1 item |")) }
    }

    /// Any run fits a PR comment: what does not fit is counted and pointed to the JSON and HTML reports.
    @Test func neverExceedsTheCeiling() {
        let cases = (0..<3000).map { i in
            CaseResult(id: "c\(i)", operation: "op\(i % 40)", name: "case \(i) " + String(repeating: "x", count: 60),
                       curl: "curl -sS 'http://127.0.0.1:8080/v5/models?case=\(i)'",
                       checks: [CheckResult.from(name: "invariant \(i)", check: "invariant", findings: [
                           Finding(check: "invariant", title: "invariant", detail: "\(i) >= 3 is false", pointer: "/total", rulePointer: "/cases/\(i)/expect/invariants/0"),
                       ]), CheckResult(name: "status", check: "status", status: .passed),
                                CheckResult(name: "skip", check: "k", status: .skipped, skipReason: "reason \(i % 300)")])
        }
        let suites = (0..<150).map { s in SuiteResult(suite: "s\(s)", title: "t", file: "f", baseURL: "b", cases: s == 0 ? cases : []) }
        let md = MarkdownReport.render(RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: suites))
        #expect(md.count <= MarkdownReport.ceiling, "\(md.count) characters")
        #expect(md.contains("more findings ("))
        #expect(md.contains("not shown"))
        #expect(md.contains("see the JSON or HTML report"))
        #expect(md.contains("… and 50 more suites"))
        // A small run is whole: no such line.
        #expect(!MarkdownReport.render(SampleRun.run).contains("not shown"))
    }

    @Test func passedChecksAreCountedPerSuiteAndOperation() {
        let cases = (0..<40).map { i in
            CaseResult(id: "c\(i)", operation: i < 30 ? "list" : "get", name: "case \(i)",
                       checks: Array(repeating: CheckResult(name: "p", check: "k", status: .passed), count: 3))
        }
        let md = MarkdownReport.render(RunResult(version: "0", startedAt: "", durationSeconds: 0,
                                                 suites: [SuiteResult(suite: "s", title: "t", file: "f", baseURL: "b", cases: cases)]))
        #expect(md.contains("| `s` | `list` | 30 | 90 |\n| `s` | `get` | 10 | 30 |"))
        #expect(!md.contains("case 7"))
    }

    @Test(.enabled(if: Tools.path(of: "cmark-gfm") != nil, "needs cmark-gfm (apt-get install cmark-gfm)"))
    func rendersCleanlyInAGFMRenderer() throws {
        let md = MarkdownReport.render(SampleRun.run)
        let tool = try #require(Tools.path(of: "cmark-gfm"))
        let options = ["--extension", "table", "--extension", "autolink", "--extension", "strikethrough"]
        let html = try Tools.run(tool, options + ["--unsafe"], stdin: md)
        #expect(html.status == 0, "cmark-gfm: \(html.err)")
        // The report uses no raw HTML: it renders the same with and without it allowed (GitHub allows some,
        // cmark-gfm's default and many viewers none).
        let safe = try Tools.run(tool, options, stdin: md)
        #expect(safe.out == html.out)
        #expect(!safe.out.contains("raw HTML omitted"))
        // Summary table, the problem tables and the skipped and passed tables all render as tables.
        #expect(html.out.components(separatedBy: "<table>").count - 1 >= 5)
        #expect(html.out.contains("<td align=\"left\"><code>/items/0/created_at</code></td>"))
        // Even with raw HTML allowed, hostile text is never markup.
        #expect(!html.out.contains("<script"))
        #expect(html.out.contains("&lt;script&gt;"))
        #expect(html.out.contains("<h3>✘ scale-v5 › status is 422: status code — in 1 case</h3>"))
        // A hostile citation neither becomes a heading nor a list.
        #expect(!html.out.contains("<h1>"))
        #expect(!html.out.contains("<ol"))
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
