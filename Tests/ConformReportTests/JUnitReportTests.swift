import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct JUnitReportTests {
    @Test func matchesGoldenFile() throws {
        try Golden.check(JUnitReport.render(SampleRun.run), "junit.xml")
    }

    @Test func isDeterministic() {
        #expect(JUnitReport.render(SampleRun.run) == JUnitReport.render(SampleRun.run))
    }

    @Test(.enabled(if: Tools.path(of: "xmllint") != nil && FileManager.default.fileExists(atPath: Tools.junitXSD),
                   "needs xmllint (apt-get install libxml2-utils) and junit-10.xsd in CONFORM_SHARED"))
    func validatesAgainstTheJUnitSchema() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conform-junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        for run in [SampleRun.run, RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: [])] {
            try ReportFile.write(JUnitReport.render(run), to: file.path)
            let result = try Tools.run(try #require(Tools.path(of: "xmllint")), ["--noout", "--schema", Tools.junitXSD, file.path])
            #expect(result.status == 0, "xmllint: \(result.err)")
        }
    }

    @Test func countsMatchTheTestcasesWritten() {
        let xml = JUnitReport.render(SampleRun.run)
        let root = xml.split(separator: "\n")[1]
        // 3 + 1 + 1 checks in scale-v5; 1 + 1 checks and one case without checks in hostile.
        #expect(root.contains("tests=\"8\"") && root.contains("failures=\"3\"") && root.contains("errors=\"1\""))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 8)
        #expect(xml.components(separatedBy: "<skipped ").count - 1 == 2)
    }

    @Test func namesTestcasesForCIUIs() {
        let xml = JUnitReport.render(SampleRun.run)
        #expect(xml.contains("<testcase name=\"GET /v5/models?limit=1001 › rejects limit above maximum › status is 422\" classname=\"scale-v5.listModels\" time=\"1.022\">"))
        #expect(xml.contains("<failure message=\"status code\" type=\"status\">"))
        #expect(xml.contains("<error message=\"connection refused\" type=\"status\">"))
        #expect(xml.contains("<skipped message=\"getModel is not in this API version\"/>"))
        #expect(xml.contains("<property name=\"conform.baseURL\" value=\"http://127.0.0.1:8080\"/>"))
    }

    @Test func failureBodyAggregatesAndReproduces() {
        let xml = JUnitReport.render(SampleRun.run)
        #expect(xml.contains("/items/*/created_at: date-time format in 312 of 400 items; first at /items/0/created_at: string &quot;2023/11/07&quot;")
            || xml.contains("/items/*/created_at: date-time format in 312 of 400 items; first at /items/0/created_at: string \"2023/11/07\""))
        // The check kept the first 20 of the 312 (`FindingLimit`): listed one a line, then the true count of the rest.
        #expect(xml.contains("    /items/19/created_at: string &quot;2023/11/07&quot;") || xml.contains("    /items/19/created_at: string \"2023/11/07\""))
        #expect(xml.contains("    … and 292 more at /items/*/created_at"))
        #expect(xml.contains("attempts: #1 HTTP 503 in 0.010 s, then waited 1.000 s; #2 HTTP 200 in 0.012 s"))
        #expect(xml.contains("reproduce: curl -sS &apos;") || xml.contains("reproduce: curl -sS 'http://127.0.0.1:8080/v5/models?limit=1001'"))
    }

    @Test func hostileTextCannotBreakTheDocument() {
        let xml = JUnitReport.render(SampleRun.run)
        let forbidden = xml.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0xFFFE || s.value == 0xFFFF || s == "\r"
        }
        #expect(forbidden.isEmpty, "raw control characters in XML: \(forbidden.map { $0.value })")
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("]]>"))
        #expect(!xml.contains("CDATA"))
        #expect(xml.contains("\\x1B[31mred\\x1B[0m NUL:\\x00 end:]]&gt; &lt;script&gt;"))
        #expect(xml.contains("🚀"))
    }

    @Test func aFailedCheckWithoutFindingsStillFails() {
        let run = RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: [
            SuiteResult(suite: "s", title: "", file: "f", baseURL: "b", cases: [
                CaseResult(id: "c", operation: "op", name: "c", checks: [CheckResult(name: "x", check: "k", status: .failed)]),
            ]),
        ])
        let xml = JUnitReport.render(run)
        #expect(xml.contains("<failure message=\"check failed without reporting a finding\" type=\"k\">"))
    }
}
