import Testing
@testable import ConformCore

/// `CatalogListing.record`: ids, content hashes, member detail, bounds and redaction.
@Suite struct CatalogRecordTests {
    static func items(_ text: String) throws -> [JSONValue] { try #require(try JSONParser.parse(text).arrayValue) }

    static func record(_ text: String, status: CatalogListing.Status = .complete, itemId: String = "id",
                       redact: (String) -> String = { $0 }) throws -> CatalogListing {
        CatalogListing.record(operation: "list", source: "walk:w", itemId: itemId, status: status, requests: 1,
                              items: try items(text), redact: redact)
    }

    @Test func recordsIdsHashesAndMembers() throws {
        let listing = try Self.record(#"[{"id": "m1", "owned_by": "acme", "created": 1}, {"id": 7, "owned_by": "globex"}]"#)
        #expect(listing.status == .complete)
        #expect(listing.items.map(\.id) == ["m1", "7"])
        #expect(listing.items[0].hash.hex == SHA256.hex(#"{"created":1,"id":"m1","owned_by":"acme"}"#.utf8))
        let members = try #require(listing.items[0].members)
        #expect(members.map(\.name) == ["created", "id", "owned_by"])
        #expect(members[2].value == #""acme""#)
        #expect(members[2].hash == String(SHA256.hex(#""acme""#.utf8).prefix(16)))
    }

    @Test func keyOrderDoesNotChangeTheItemHash() throws {
        let a = try Self.record(#"[{"id": "m1", "owned_by": "acme", "created": 1}]"#)
        let b = try Self.record(#"[{"created": 1.0, "owned_by": "acme",   "id": "m1"}]"#)
        let c = try Self.record(#"[{"created": 2, "owned_by": "acme", "id": "m1"}]"#)
        #expect(a.items[0].hash == b.items[0].hash)
        #expect(a.items[0].hash != c.items[0].hash)
    }

    @Test func itemsWithoutIdAreCountedAndDuplicatesRecordedOnce() throws {
        let listing = try Self.record(#"[{"id": "m1"}, {"name": "no id"}, {"id": null}, {"id": ["x"]}, {"id": "m1", "v": 2}, "bare"]"#)
        #expect(listing.items.map(\.id) == ["m1"])
        #expect(listing.itemsWithoutId == 4)
        #expect(listing.items[0].hash.hex == SHA256.hex(#"{"id":"m1"}"#.utf8))
    }

    @Test func aCompleteListingWithNothingInItIsEmpty() throws {
        #expect(try Self.record("[]").status == .empty)
        #expect(try Self.record(#"[{"name": "no id"}]"#).status == .complete)
        #expect(try Self.record("[]", status: .failed).status == .failed)
    }

    @Test func longValuesAreTrimmedButStillHashedWhole() throws {
        let long = String(repeating: "x", count: 500)
        let listing = try Self.record(#"[{"id": "a", "d": "\#(long)"}, {"id": "b", "d": "\#(long)y"}]"#)
        let a = try #require(listing.items[0].members?.first { $0.name == "d" })
        let b = try #require(listing.items[1].members?.first { $0.name == "d" })
        #expect(a.value.count == CatalogListing.valueCharacters)
        #expect(a.value.hasSuffix("…"))
        #expect(a.value == b.value)
        #expect(a.hash != b.hash)
    }

    @Test func memberDetailIsBoundedPerListingAndPerItem() throws {
        let many = (0..<(CatalogListing.itemsWithMembers + 3)).map { #"{"id": "m\#($0)"}"# }.joined(separator: ",")
        let listing = try Self.record("[\(many)]")
        #expect(listing.items.count == CatalogListing.itemsWithMembers + 3)
        #expect(listing.items[CatalogListing.itemsWithMembers - 1].members != nil)
        #expect(listing.items[CatalogListing.itemsWithMembers].members == nil)
        let wide = (0..<100).map { #""k\#(String(format: "%03d", $0))": \#($0)"# }.joined(separator: ",")
        let one = try Self.record(#"[{"id": "w", \#(wide)}]"#)
        #expect(one.items[0].members?.count == CatalogListing.membersPerItem)
    }

    @Test func secretsAreRedactedBeforeTheyAreWrittenOrHashed() throws {
        let secret = "sk-live-TOPSECRET"
        let redact = { (s: String) in s.replacingOccurrences(of: secret, with: "$KEY") }
        let listing = try Self.record(#"[{"id": "m-\#(secret)", "echo": "key=\#(secret)"}]"#, redact: redact)
        let item = listing.items[0]
        #expect(item.id == "m-$KEY")
        #expect(item.members?.first { $0.name == "echo" }?.value == #""key=$KEY""#)
        #expect(item.hash.hex == SHA256.hex(#"{"echo":"key=$KEY","id":"m-$KEY"}"#.utf8))
        #expect(!"\(listing)".contains(secret))
    }

    /// Member values are trimmed by characters, however many bytes they take, counting no further than the limit.
    @Test func trimCountsCharactersNotBytes() {
        let accented = String(repeating: "e\u{301}", count: 5)
        #expect(JSONValue.trim(accented, 5) == accented)
        #expect(JSONValue.trim(accented + "x", 5) == String(repeating: "e\u{301}", count: 4) + "…")
        #expect(JSONValue.trim("abc", 3) == "abc" && JSONValue.trim("abcd", 3) == "ab…" && JSONValue.trim("", 0) == "")
        #expect(JSONValue.trim(String(repeating: "x", count: 1_000_000), 120).count == 120)
    }
}
