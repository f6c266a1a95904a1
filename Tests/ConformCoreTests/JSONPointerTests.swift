import Testing
@testable import ConformCore

@Suite struct JSONPointerTests {
    static let doc: JSONValue = ["foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4,
                                 "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8]

    /// The examples of RFC 6901 §5.
    @Test(arguments: [
        ("", nil), ("/foo", nil), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3),
        ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ] as [(String, JSONValue?)])
    func resolvesRFCExamples(pointer: String, expected: JSONValue?) throws {
        let p = try #require(JSONPointer(pointer))
        #expect(p.description == pointer)  // round-trips
        let resolved = p.resolve(in: Self.doc)
        if let expected { #expect(resolved == expected) } else { #expect(resolved != nil) }
    }

    @Test func rejectsMalformedPointers() {
        #expect(JSONPointer("foo") == nil)
        #expect(JSONPointer("/a~2") == nil)
        #expect(JSONPointer("/a~") == nil)
    }

    @Test func missingStepsResolveToNil() {
        #expect(JSONPointer("/foo/2")?.resolve(in: Self.doc) == nil)
        #expect(JSONPointer("/foo/01")?.resolve(in: Self.doc) == nil)  // no leading zeros in indices
        #expect(JSONPointer("/foo/0/x")?.resolve(in: Self.doc) == nil)
    }

    @Test func wildcardsArrayIndices() {
        #expect(JSONPointer("/items/3/created_at")?.wildcarded.description == "/items/*/created_at")
        #expect(JSONPointer(tokens: ["a/b", "0"]).description == "/a~1b/0")
    }
}
