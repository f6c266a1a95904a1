import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct JSONReportTests {
    @Test func matchesGoldenFile() throws {
        try Golden.check(JSONReport.render(SampleRun.run), "results.json")
    }

    @Test func isDeterministic() {
        #expect(JSONReport.render(SampleRun.run) == JSONReport.render(SampleRun.run))
    }

    @Test func decodesBackToTheSameRun() throws {
        let run = SampleRun.run
        let decoded = try JSONReport.decode(JSONReport.render(run))
        #expect(decoded == run)
    }

    @Test func keysComeInTheDocumentedOrder() throws {
        let value = try JSONParser.parse(JSONReport.render(SampleRun.run))
        #expect(value.objectValue?.keys == ["schemaVersion", "tool", "version", "startedAt", "durationSeconds", "exitCode", "tally", "baseline", "suites", "shard"])
        #expect(value["exitCode"] == 1)
        #expect(value["tally"] == ["passed": 2, "failed": 3, "errors": 1, "skipped": 1, "total": 7])
    }

    @Test func everyCheckAndFindingCarriesItsIdFirst() throws {
        let value = try JSONParser.parse(JSONReport.render(SampleRun.run))
        let check = try #require(value["suites"]?[0]?["cases"]?[0]?["checks"]?[1])
        let finding = try #require(check["findings"]?[0])
        #expect(check.objectValue?.keys.first == "id")
        #expect(finding.objectValue?.keys.first == "id")
        #expect(finding["id"]?.stringValue?.count == 16)
        #expect(value["suites"]?[0]?["target"] == "127.0.0.1:8080")
        let decoded = try JSONReport.decode(JSONReport.render(SampleRun.run))
        #expect(decoded.suites[0].cases[0].checks[1].findings[0].id == SampleRun.run.suites[0].cases[0].checks[1].findings[0].id)
        #expect(decoded.suites[0].suiteHash == SampleRun.run.suites[0].suiteHash)
    }

    @Test(arguments: [
        ("[]", ""),
        ("{\"schemaVersion\":1}", "/schemaVersion"),
        ("{\"schemaVersion\":2,\"tool\":3}", "/tool"),
        ("not json", ""),
    ])
    func rejectsMalformedFilesWithAPointer(text: String, pointer: String) {
        #expect {
            _ = try JSONReport.decode(text)
        } throws: { error in
            (error as? JSONReportError)?.pointer == pointer
        }
    }

    @Test func rejectsAnUnknownStatusAtItsPointer() throws {
        let text = JSONReport.render(SampleRun.run).replacingOccurrences(of: "\"status\": \"skipped\"", with: "\"status\": \"maybe\"")
        #expect {
            _ = try JSONReport.decode(text)
        } throws: { error in
            (error as? JSONReportError)?.pointer == "/suites/0/cases/2/checks/0/status"
        }
    }

    @Test func nonFiniteDurationsStayValidJSON() throws {
        let run = RunResult(version: "0", startedAt: "", durationSeconds: .nan, suites: [
            SuiteResult(suite: "s", title: "", file: "", baseURL: "", durationSeconds: .infinity),
        ])
        let value = try JSONParser.parse(JSONReport.render(run))
        #expect(value["durationSeconds"] == 0)
    }
}
