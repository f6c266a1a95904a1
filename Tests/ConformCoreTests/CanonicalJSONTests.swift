import Testing
@testable import ConformCore

/// The canonical text behind catalog hashes: spelling never counts, content always does.
@Suite struct CanonicalJSONTests {
    static func canonical(_ text: String) throws -> String { CanonicalJSON.text(try JSONParser.parse(text)) }

    @Test func keyOrderAndWhitespaceDoNotChangeTheText() throws {
        let a = try Self.canonical(#"{"id": "m1", "meta": {"b": 2, "a": [1, {"y": true, "x": null}]}}"#)
        let b = try Self.canonical(#"{ "meta" : { "a" : [ 1 , { "x" : null , "y" : true } ] , "b" : 2 } , "id" : "m1" }"#)
        #expect(a == b)
        #expect(a == #"{"id":"m1","meta":{"a":[1,{"x":null,"y":true}],"b":2}}"#)
    }

    @Test(arguments: [("1", "1.0"), ("1", "1e0"), ("0.5", "0.50"), ("-0", "0"), ("1200", "1.2e3"), ("0.001", "1e-3")])
    func numberSpellingDoesNotChangeTheText(_ pair: (String, String)) throws {
        #expect(try Self.canonical(pair.0) == Self.canonical(pair.1))
    }

    @Test(arguments: [(#"{"a": 1}"#, #"{"a": 2}"#), (#"{"a": "x"}"#, #"{"a": "X"}"#), (#"{"a": 1}"#, #"{"a": 1, "b": null}"#),
                      ("[1, 2]", "[2, 1]"), (#"{"a": 1}"#, #"{"a": "1"}"#), ("1.5", "15")])
    func aValueChangeChangesTheHash(_ pair: (String, String)) throws {
        #expect(SHA256.hex(try Self.canonical(pair.0).utf8) != SHA256.hex(try Self.canonical(pair.1).utf8))
    }

    @Test func keysSortByUTF8BytesAndStringsKeepTheirEscapes() throws {
        #expect(try Self.canonical(#"{"b": 1, "B": 2, "é": 3, "a\"": "tab\t"}"#) == #"{"B":2,"a\"":"tab\t","b":1,"é":3}"#)
    }

    /// Keys ordered by an eight-byte prefix first: ties within the prefix, a key that is another's prefix, a NUL
    /// byte (the prefix pads with zeros), a multi-byte character.
    @Test func keysSharingTheirFirstEightBytesStillSortByAllTheirBytes() throws {
        let keys = ["abcdefghj", "abcdefgh", "abcdefghi", "abcdefgh\\u0000", "ab", "a", "e\\u0301", "Z", "abcdefgg~"]
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
        let canonical = try Self.canonical(text)
        guard case .object(let object)? = try? JSONParser.parse(canonical) else { Issue.record("not an object"); return }
        #expect(object.keys == object.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(object.keys.count == keys.count)
        #expect(canonical.hasPrefix(#"{"Z":7,"a":5,"ab":4,"abcdefgg~":8,"abcdefgh":1,"abcdefgh\u0000":3,"abcdefghi":2,"abcdefghj":0"#))
    }

    @Test func farExponentsStayShort() throws {
        #expect(try Self.canonical("1e100") == "1e100")
        #expect(try Self.canonical("-2.5e-60") == "-25e-61")
    }
}
