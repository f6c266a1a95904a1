@testable import ConformReport
import ConformCore
import Foundation
import Testing

/// The baseline in JUnit (known failures skipped, valid XML), Markdown and results.json (round trip).
struct BaselineReportTests {
    typealias F = BaselineFixtures

    var run: RunResult {
        var run = F.run(failing: [F.known])
        run.suites[0].cases.remove(at: 2)
        return BaselineClassifier.classify(run, against: F.baseline, file: "b.json", today: F.today)
    }

    @Test func junitSkipsKnownFailuresAndListsEntriesToActOn() throws {
        let xml = JUnitReport.render(run)
        #expect(xml.contains("<skipped message=\"known failure: reason 1 (expires 2027-01-31)\"/>"))
        #expect(xml.contains("<testsuite name=\"s\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\""))
        #expect(xml.contains("<testsuite name=\"conform.baseline\""))
        #expect(xml.contains("type=\"baseline.stale\""), "a stale entry is a failure in JUnit")
        guard let xmllint = Tools.path(of: "xmllint") else {
            print("skipped: xmllint not installed, JUnit not validated against the XSD"); return
        }
        guard FileManager.default.fileExists(atPath: Tools.junitXSD) else { print("skipped: \(Tools.junitXSD) absent (set CONFORM_SHARED)"); return }
        let result = try Tools.run(xmllint, ["--noout", "--schema", Tools.junitXSD, "-"], stdin: xml)
        #expect(result.status == 0, "\(result.err)")
    }

    @Test func markdownHasAKnownFailuresSectionAndCountsKnownApart() {
        let md = MarkdownReport.render(run)
        #expect(md.contains("## Known failures (accepted)"))
        #expect(md.contains("reason 1") && md.contains("2027-01-31"))
        #expect(md.contains("0 failed, 1 known (accepted)"))
        #expect(md.contains("## ✘ Baseline: entries to act on") && md.contains("**stale**"))
        #expect(!md.contains("## Failures"), "an accepted failure is not listed as a failure")
    }

    @Test func resultsRecordEachFindingsClassAndTheSummary() throws {
        let text = JSONReport.render(run)
        #expect(text.contains("\"class\": \"known\""))
        let back = try JSONReport.decode(text)
        #expect(back.baseline == run.baseline)
        #expect(back.suites[0].cases[0].checks[0].findings[0].baseline == run.suites[0].cases[0].checks[0].findings[0].baseline)
        #expect(back.suites[0].unselected == ["page"])
        #expect(back.exitCode == 1, "the stale entry fails the run, also when read back")
    }
}
