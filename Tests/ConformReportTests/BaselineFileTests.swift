@testable import ConformReport
import ConformCore
import Foundation
import Testing

/// Reading a baseline strictly (errors with file:line:col and JSON Pointer), writing it, and `baseline add`.
struct BaselineFileTests {
    typealias F = BaselineFixtures

    func parseError(_ text: String) -> (error: BaselineFileError?, rendered: String) {
        let source = SourceFile(path: "base.json", text: text)
        do { _ = try BaselineFile.parse(source); return (nil, "") } catch { return (error, error.rendered(in: source)) }
    }

    @Test func aValidFileParses() throws {
        let text = """
        {"baselineVersion": 1, "entries": [
          {"id": "1111111111111111", "reason": "vendor bug", "ticket": "https://example.com/T-1", "expires": "2026-12-31",
           "firstSeen": "2026-11-01", "lastSeen": "2026-11-20", "check": "aaaaaaaaaaaaaaa1", "suite": "s", "target": "t", "case": "list"}
        ]}
        """
        let file = try BaselineFile.parse(SourceFile(path: "base.json", text: text))
        #expect(file.entries.count == 1)
        #expect(file.entries[0].expires?.description == "2026-12-31" && file.entries[0].caseId == "list")
    }

    @Test(arguments: [
        ("missing reason", "{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"1111111111111111\"}\n]}", "/entries/0", "base.json:2:3", "missing \"reason\""),
        ("empty reason", "{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"1111111111111111\", \"reason\": \"  \"}\n]}", "/entries/0/reason", "base.json:2:40", "\"reason\" is empty"),
        ("bad date", "{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"1111111111111111\", \"reason\": \"r\", \"expires\": \"2026-02-30\"}\n]}", "/entries/0/expires", "base.json:2:56", "date YYYY-MM-DD"),
        ("typo", "{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"1111111111111111\", \"reasn\": \"r\"}\n]}", "/entries/0/reasn", "base.json:2:30", "did you mean \"reason\""),
        ("bad id", "{\"baselineVersion\": 1, \"entries\": [\n  {\"id\": \"xyz\", \"reason\": \"r\"}\n]}", "/entries/0/id", "base.json:2:10", "16 lowercase hex"),
        ("duplicate", "{\"baselineVersion\": 1, \"entries\": [\n {\"id\": \"1111111111111111\", \"reason\": \"r\"},\n {\"id\": \"1111111111111111\", \"reason\": \"r\"}]}", "/entries/1/id", "base.json:3:9", "duplicate id"),
        ("not JSON", "{\"baselineVersion\": 1,\n \"entries\": [}", "", "base.json:2:14", "not JSON"),
        ("version", "{\"baselineVersion\": 2, \"entries\": []}", "/baselineVersion", "base.json:1:21", "baselineVersion must be 1"),
    ])
    func errorsPointAtTheCulprit(_ name: String, _ text: String, _ pointer: String, _ location: String, _ message: String) {
        let (error, rendered) = parseError(text)
        #expect(error?.pointer == pointer, "\(name)")
        #expect(rendered.hasPrefix(location + ": error: "), "\(name): \(rendered)")
        #expect(rendered.contains(message), "\(name): \(rendered)")
    }

    @Test func renderedFilesParseBackAndReasonsAreRequired() throws {
        let text = try F.baseline.render()
        #expect(try BaselineFile.parse(SourceFile(path: "b", text: text)) == F.baseline)
        let noReason = BaselineFile(entries: [BaselineEntry(id: F.known, reason: " ")])
        #expect(throws: BaselineFileError.self) { try noReason.render() }
    }

    @Test func addCreatesEntriesWithTheRunsDateAndWhereTheyWereSeen() throws {
        var file = BaselineFile()
        let addition = try file.adding(F.run(), reason: "accepted", expires: BaselineDate("2026-12-31"), ticket: "https://x/T-1",
                                       seenOn: BaselineDate("2026-11-20")!)
        #expect(addition.added == [F.known, F.expired, F.new])
        let e = try #require(file.entry(id: F.new))
        #expect(e.reason == "accepted" && e.expires?.description == "2026-12-31" && e.ticket == "https://x/T-1")
        #expect(e.firstSeen?.description == "2026-11-20" && e.lastSeen?.description == "2026-11-20")
        #expect(e.check == F.failingCheck && e.suite == "s" && e.target == "t" && e.caseId == "list" && e.pointer == "/data/*")
    }

    @Test func addKeepsExistingEntriesAndTheirDates() throws {
        var file = BaselineFile(entries: [
            BaselineEntry(id: F.known, reason: "old reason", expires: BaselineDate("2027-01-01"), firstSeen: BaselineDate("2026-10-01"),
                          lastSeen: BaselineDate("2026-10-02")),
            BaselineEntry(id: F.goneId, reason: "unrelated"),
        ])
        let addition = try file.adding(F.run(), reason: "new reason", ids: [F.known, F.new], seenOn: BaselineDate("2026-11-20")!)
        #expect(addition.added == [F.new] && addition.refreshed == [F.known])
        #expect(file.entries.map(\.id) == [F.known, F.goneId, F.new])
        let kept = try #require(file.entry(id: F.known))
        #expect(kept.reason == "old reason" && kept.expires?.description == "2027-01-01")
        #expect(kept.firstSeen?.description == "2026-10-01" && kept.lastSeen?.description == "2026-11-20")
        #expect(file.entry(id: F.expired) == nil, "only the chosen ids are added")
    }

    @Test func addRefusesAnUnknownIdAnEmptyReasonAndABadTicket() {
        var file = BaselineFile()
        #expect(throws: BaselineAddError.self) { try file.adding(F.run(), reason: "r", ids: ["0000000000000000"], seenOn: F.today) }
        do {
            _ = try file.adding(F.run(), reason: "r", ids: [F.failingCheck], seenOn: F.today)
            Issue.record("a check id was accepted as a finding id")
        } catch { #expect(error.message.contains("is a check id")) }
        #expect(throws: BaselineAddError.self) { try file.adding(F.run(), reason: " ", seenOn: F.today) }
        #expect(throws: BaselineAddError.self) { try file.adding(F.run(), reason: "r", ticket: "T-12", seenOn: F.today) }
        #expect(file.entries.isEmpty)
    }
}
