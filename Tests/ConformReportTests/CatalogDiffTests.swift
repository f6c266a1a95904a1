import ConformCore
import Foundation
import Testing
@testable import ConformReport

/// `CatalogDiff`: added, removed (confirmed or not), changed with members and values, inconclusive for each
/// reason; its Markdown (bounded) and JSON; and catalogs through results.json and back.
@Suite struct CatalogDiffTests {
    static func items(_ text: String) -> [JSONValue] { (try? JSONParser.parse(text))?.arrayValue ?? [] }

    static func listing(_ text: String, status: CatalogListing.Status = .complete, reason: String? = nil, itemId: String = "id",
                        confirmation: RemovalConfirmation? = nil) -> CatalogListing {
        var l = CatalogListing.record(operation: "list", source: "walk:all", itemId: itemId, status: status, reason: reason,
                                      requests: 2, items: items(text), redact: { $0 })
        l.confirmation = confirmation
        return l
    }

    static func run(_ listings: [CatalogListing], suite: String = "models", baseURL: String = "http://127.0.0.1:1") -> RunResult {
        RunResult(version: "0", startedAt: "", durationSeconds: 0,
                  suites: [SuiteResult(suite: suite, title: "Models", file: "s.json", baseURL: baseURL, catalogs: listings)])
    }

    static let before = listing(#"[{"id": "a", "owned_by": "acme", "created": 1}, {"id": "b", "owned_by": "acme"}, {"id": "c"}, {"id": "d"}]"#)

    @Test func addedRemovedAndChangedWithMembersAndValues() throws {
        let after = Self.listing(#"[{"created": 1, "owned_by": "globex", "id": "a"}, {"owned_by": "acme", "id": "b"}, {"id": "e"}]"#)
        let diff = CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([after], baseURL: "http://127.0.0.1:2"))
        let c = try #require(diff.comparisons.first)
        #expect(diff.comparisons.count == 1)
        #expect(c.inconclusive == nil)
        #expect(c.added == ["e"])
        #expect(c.removed.map(\.id) == ["c", "d"])
        #expect(c.removed.allSatisfy { !$0.confirmed && $0.note == "not fetched (AFTER ran without --confirm-removals)" })
        #expect(c.changed == [CatalogChange(id: "a", members: [CatalogMemberChange(name: "owned_by", before: #""acme""#, after: #""globex""#)],
                                            membersRecorded: true)])
        #expect(c.unchanged == 1)
        #expect(c.beforeTarget == "http://127.0.0.1:1" && c.afterTarget == "http://127.0.0.1:2")
        #expect(diff.hasChanges)
    }

    @Test func memberAddedOrDroppedShowsAsAbsent() throws {
        let after = Self.listing(#"[{"id": "a", "owned_by": "acme", "created": 1, "tier": "gold"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]"#)
        let c = try #require(CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([after])).comparisons.first)
        #expect(c.changed.map(\.id) == ["a", "b"])
        #expect(c.changed[0].members == [CatalogMemberChange(name: "tier", before: nil, after: #""gold""#)])
        #expect(c.changed[1].members == [CatalogMemberChange(name: "owned_by", before: #""acme""#, after: nil)])
    }

    @Test func confirmedAndUnconfirmedRemovals() throws {
        let confirmation = RemovalConfirmation(operation: "get", checks: [
            RemovalCheck(id: "b", url: "u", status: 410), RemovalCheck(id: "c", url: "u", status: 404),
            RemovalCheck(id: "d", url: "u", status: 200),
        ])
        let after = Self.listing(#"[{"id": "a", "owned_by": "acme", "created": 1}]"#, confirmation: confirmation)
        let c = try #require(CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([after])).comparisons.first)
        #expect(c.removed == [
            CatalogRemoval(id: "b", confirmed: true, status: 410, note: "answered 410 by id"),
            CatalogRemoval(id: "c", confirmed: true, status: 404, note: "answered 404 by id"),
            CatalogRemoval(id: "d", confirmed: false, status: 200, note: "still answers 200 by id"),
        ])
        #expect(c.confirmedRemovals == 2)

        let errored = Self.listing(#"[{"id": "a", "owned_by": "acme", "created": 1}]"#, confirmation: RemovalConfirmation(
            operation: "get", checks: [RemovalCheck(id: "b", url: "u", error: "timed out")], notChecked: 2, note: "fetched the first 1 of 3 missing items"))
        let e = try #require(CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([errored])).comparisons.first)
        #expect(e.removed.map(\.note) == ["fetch by id failed: timed out", "not fetched: fetched the first 1 of 3 missing items",
                                          "not fetched: fetched the first 1 of 3 missing items"])
        #expect(e.confirmedRemovals == 0)
    }

    struct Inconclusive: Sendable, CustomStringConvertible {
        var name: String
        var before: CatalogListing?
        var after: CatalogListing?
        var reason: String
        var description: String { name }
    }

    static let inconclusive: [Inconclusive] = [
        .init(name: "after failed", before: before, after: listing("[]", status: .failed, reason: "page 1 answered 500, not 200"),
              reason: "AFTER's listing failed: page 1 answered 500, not 200"),
        .init(name: "after errored", before: before, after: listing("[]", status: .errored, reason: "page 1: connection refused"),
              reason: "AFTER's listing errored: page 1: connection refused"),
        .init(name: "after incomplete", before: before, after: listing(#"[{"id": "a"}]"#, status: .incomplete, reason: "after 1 page: page 2 answered 503, not 200"),
              reason: "AFTER's listing incomplete: after 1 page: page 2 answered 503, not 200"),
        .init(name: "after empty", before: before, after: listing("[]"),
              reason: "AFTER's listing came back empty; BEFORE listed 4 items"),
        .init(name: "before failed", before: listing("[]", status: .failed, reason: "page 1 answered 401, not 200"), after: before,
              reason: "BEFORE's listing failed: page 1 answered 401, not 200"),
        .init(name: "itemId changed", before: before, after: listing(#"[{"name": "a"}]"#, itemId: "name"),
              reason: "items are identified by 'id' in BEFORE and 'name' in AFTER, so their ids do not compare"),
        .init(name: "no before", before: nil, after: before, reason: "BEFORE recorded no catalog for this operation"),
        .init(name: "no after", before: before, after: nil, reason: "AFTER recorded no catalog for this operation (not run, or filtered out)"),
    ]

    @Test(arguments: inconclusive)
    func aListingThatCannotBeTrustedIsInconclusiveNeverEverythingRemoved(_ c: Inconclusive) throws {
        let diff = CatalogDiff.compare(before: Self.run(c.before.map { [$0] } ?? []), after: Self.run(c.after.map { [$0] } ?? []))
        let comparison = try #require(diff.comparisons.first)
        #expect(diff.comparisons.count == 1)
        #expect(comparison.inconclusive == c.reason)
        #expect(comparison.removed.isEmpty && comparison.added.isEmpty && comparison.changed.isEmpty)
        #expect(diff.hasInconclusive && !diff.hasChanges)
    }

    @Test func twoEmptyListingsCompareAsUnchanged() throws {
        let c = try #require(CatalogDiff.compare(before: Self.run([Self.listing("[]")]), after: Self.run([Self.listing("[]")])).comparisons.first)
        #expect(c.inconclusive == nil)
        #expect(c.added.isEmpty && c.removed.isEmpty && c.unchanged == 0)
    }

    @Test func listingsAlignBySuiteOperationAndTargetFirst() throws {
        let one = Self.listing(#"[{"id": "one"}]"#), two = Self.listing(#"[{"id": "two"}]"#)
        let before = RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: [
            SuiteResult(suite: "models", title: "", file: "", baseURL: "http://a", catalogs: [one]),
            SuiteResult(suite: "models", title: "", file: "", baseURL: "http://b", catalogs: [two]),
            SuiteResult(suite: "other", title: "", file: "", baseURL: "http://a", catalogs: [one]),
        ])
        let after = RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: [
            SuiteResult(suite: "models", title: "", file: "", baseURL: "http://b", catalogs: [two]),
            SuiteResult(suite: "models", title: "", file: "", baseURL: "http://a", catalogs: [one]),
        ])
        let diff = CatalogDiff.compare(before: before, after: after)
        #expect(diff.comparisons.count == 3)
        #expect(diff.comparisons.prefix(2).allSatisfy { $0.inconclusive == nil && $0.unchanged == 1 && $0.beforeTarget == $0.afterTarget })
        #expect(diff.comparisons[2].suite == "other")
        #expect(diff.comparisons[2].inconclusive == "AFTER recorded no catalog for this operation (not run, or filtered out)")
    }

    @Test func markdownListsAtMostLimitEntriesThenSaysHowManyMore() throws {
        let old = Self.listing("[" + (0..<30).map { #"{"id": "old-\#($0)"}"# }.joined(separator: ",") + "]")
        let new = Self.listing("[" + (0..<25).map { #"{"id": "new-\#($0)"}"# }.joined(separator: ",") + "]")
        let diff = CatalogDiff.compare(before: Self.run([old]), after: Self.run([new]))
        let md = diff.markdown(limit: 5)
        #expect(md.hasPrefix("### Catalog drift\n"))
        #expect(md.contains("| models › list | 30 | 25 | 25 | 30 (0) | 0 |   |"), "\(md)")
        #expect(md.contains("- added: `new-0`, `new-1`, `new-10`, `new-11`, `new-12`, … and 20 more"), "\(md)")
        #expect(md.contains("- removed: `old-0` (unconfirmed: not fetched (AFTER ran without --confirm-removals)), "), "\(md)")
        #expect(md.contains("… and 25 more"), "\(md)")
        #expect(!md.contains("old-20"))
        let big = CatalogDiff.compare(before: Self.run([Self.listing("[" + (0..<5000).map { #"{"id": "m\#($0)", "v": 1}"# }.joined(separator: ",") + "]")]),
                                      after: Self.run([Self.listing("[" + (0..<5000).map { #"{"id": "m\#($0)", "v": 2}"# }.joined(separator: ",") + "]")]))
        #expect(big.comparisons.first?.changed.count == 5000)
        #expect(big.markdown().count < 4000, "bounded however large the catalogs")
    }

    @Test func markdownShowsChangedMembersAndInconclusiveReasonsEscaped() throws {
        let after = Self.listing(#"[{"id": "a", "owned_by": "a|b `x`", "created": 1}, {"id": "b", "owned_by": "acme"}, {"id": "c"}, {"id": "d"}]"#)
        let md = CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([after])).markdown()
        #expect(md.contains(#"  - `a`: `owned_by` `"acme"` → ``"a|b `x`"``"#), "\(md)")
        let failed = CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([Self.listing("[]", status: .failed, reason: "page 1 answered 500, not 200")]))
        #expect(failed.markdown().contains("| models › list | 4 | 0 (failed) | — | — | — | inconclusive: AFTER's listing failed: page 1 answered 500, not 200 |"), "\(failed.markdown())")
    }

    @Test func jsonRenderingHasEveryEntryInAFixedOrder() throws {
        let confirmation = RemovalConfirmation(operation: "get", checks: [RemovalCheck(id: "c", url: "u", status: 404)])
        let after = Self.listing(#"[{"id": "a", "owned_by": "globex", "created": 1}, {"id": "b", "owned_by": "acme"}, {"id": "e"}]"#, confirmation: confirmation)
        let json = CatalogDiff.compare(before: Self.run([Self.before]), after: Self.run([after])).jsonValue
        let c = try #require(json["comparisons"]?[0])
        #expect(c.objectValue?.keys == ["suite", "operation", "beforeTarget", "afterTarget", "beforeStatus", "afterStatus", "beforeCount",
                                        "afterCount", "inconclusive", "counts", "added", "removed", "changed"])
        #expect(c["counts"] == ["added": 1, "removed": 2, "confirmedRemovals": 1, "changed": 1, "unchanged": 1])
        #expect(c["removed"]?[0] == ["id": "c", "confirmed": true, "status": 404, "note": "answered 404 by id"])
        #expect(c["changed"]?[0]?["members"]?[0] == ["name": "owned_by", "before": #""acme""#, "after": #""globex""#])
    }

    @Test func catalogsSurviveResultsJSONAndMatchItsSchema() throws {
        let confirmation = RemovalConfirmation(operation: "get", checks: [RemovalCheck(id: "c", url: "u", status: 404),
                                                                           RemovalCheck(id: "d", url: "", error: "refused")], notChecked: 1, note: "n")
        let wide = Self.listing(#"[{"id": "a", "x": 1}]"#, confirmation: confirmation)
        var bare = Self.listing(#"[{"id": 7}]"#, status: .incomplete, reason: "after 1 page: r")
        bare.items[0].members = nil
        let run = Self.run([wide, bare])
        let decoded = try JSONReport.decode(JSONReport.render(run))
        #expect(decoded.suites[0].catalogs == run.suites[0].catalogs)

        let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reports/results.schema.json").path
        let schema = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: schemaPath))))
        let errors = SchemaValidator(document: schema, uri: "https://conform.invalid/reports/results.schema.json")
            .validate(try JSONParser.parse(JSONReport.render(run)))
        #expect(errors.isEmpty, "\(errors.prefix(5).map { "\($0.instancePointer): \($0.title) \($0.detail)" })")
    }

    @Test func aResultsFileWithoutCatalogsReadsAsNone() throws {
        var value = try JSONParser.parse(JSONReport.render(Self.run([Self.before])))
        if case .object(var root) = value, case .array(var suites)? = root["suites"], case .object(let suite) = suites[0] {
            suites[0] = .object(JSONObject(suite.filter { $0.key != "catalogs" }.map { ($0.key, $0.value) }))
            root["suites"] = .array(suites)
            value = .object(root)
        }
        #expect(try JSONReport.decode(JSONWriter.write(value)).suites[0].catalogs.isEmpty)
    }

    /// `render` streams catalog items instead of building them as a tree: the text is the tree's text, byte for byte,
    /// with empty, member-less and member-carrying listings side by side.
    @Test func streamedCatalogItemsWriteTheSameTextAsTheTree() throws {
        let many = CatalogListing.record(operation: "list", source: "walk:all", itemId: "id", status: .complete, requests: 3,
            items: (0..<(CatalogListing.itemsWithMembers + 3)).map { .object(JSONObject([("id", .string("m\($0)")), ("n", JSONValue($0))])) },
            redact: { $0 })
        let empty = CatalogListing(operation: "other", source: "catalog", itemId: "id", status: .failed, reason: "no", requests: 1)
        var run = Self.run([Self.before, empty, many])
        run.suites.append(SuiteResult(suite: "second", title: "Second", file: "t.json", baseURL: "http://127.0.0.1:3", catalogs: []))
        let tree = JSONWriter.write(JSONReport.value(run), pretty: true) + "\n"
        #expect(JSONReport.render(run) == tree)
        #expect(try JSONReport.decode(JSONReport.render(run)).suites[0].catalogs == run.suites[0].catalogs)
    }

    /// `JSONReport.write` writes the file a megabyte at a time: the file holds exactly `render`'s text.
    @Test func theResultsFileWrittenInPartsIsTheRenderedText() throws {
        let big = CatalogListing.record(operation: "list", source: "walk:all", itemId: "id", status: .complete, requests: 500,
            items: (0..<10_000).map { .object(JSONObject([("id", .string("model-\($0)")), ("n", JSONValue($0))])) }, redact: { $0 })
        let run = Self.run([big, Self.before])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conform-results-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("results.json").path
        try JSONReport.write(run, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.utf8.count > 2 * JSONReport.flushBytes)
        #expect(text == JSONReport.render(run))
    }

    @Test func aCatalogHashThatIsNoDigestIsRejectedAtItsPointer() throws {
        let text = JSONReport.render(Self.run([Self.before])).replacingOccurrences(of: Self.before.items[0].hash.hex, with: "abc")
        #expect(throws: JSONReportError.self) { try JSONReport.decode(text) }
        do { _ = try JSONReport.decode(text) } catch let error as JSONReportError {
            #expect(error.pointer == "/suites/0/catalogs/0/items/0/hash")
            #expect(error.message.contains("SHA-256"))
        }
    }
}
