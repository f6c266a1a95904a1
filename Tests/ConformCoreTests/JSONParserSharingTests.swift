import Testing
@testable import ConformCore

/// The parser's key table, shared key arrays and scratch stack must not change what a document means.
@Suite struct JSONParserSharingTests {
    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let v = try JSONParser.parse(#"{"a":1,"b":[1,{"a":2,"a":3}],"a":4,"c":{"x":[5,6]}}"#)
        #expect(v.objectValue?.keys == ["a", "b", "c"])
        #expect(v["a"] == 4)
        #expect(v["b"]?[1]?.objectValue?.keys == ["a"])
        #expect(v["b"]?[1]?["a"] == 3)
        #expect(v["c"]?["x"] == [5, 6])
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#, options: .init(rejectDuplicateKeys: true)) }
    }

    @Test func escapedKeyEqualsPlainKey() throws {
        let v = try JSONParser.parse(#"[{"a":1},{"\u0061":2,"a":3}]"#)
        #expect(v[1]?.objectValue?.keys == ["a"])
        #expect(v[1]?["a"] == 3)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"{"a":1,"\u0061":2}"#, options: .init(rejectDuplicateKeys: true)) }
    }

    @Test func sameShapeObjectsStayIndependent() throws {
        let v = try JSONParser.parse(#"[{"id":1,"name":"x"},{"id":2,"name":"y"},{"id":3,"other":true},{"id":4,"name":"z","more":null}]"#)
        #expect(v[0]?.objectValue?.keys == ["id", "name"])
        #expect(v[1]?["name"] == "y")
        #expect(v[2]?.objectValue?.keys == ["id", "other"])
        #expect(v[3]?.objectValue?.keys == ["id", "name", "more"])
        #expect(v[3]?["more"] == .null)
    }

    @Test func manyDistinctKeysBeyondTheKeyTable() throws {
        let members = (0..<2000).map { "\"key\($0)\":\($0)" }.joined(separator: ",")
        let long = String(repeating: "k", count: 100)
        let v = try JSONParser.parse("{\(members),\"\(long)\":1,\"\(long)\":2}")
        #expect(v.objectValue?.count == 2001)
        #expect(v["key1999"] == 1999)
        #expect(v[long] == 2)
        #expect(throws: JSONParseError.self) {
            try JSONParser.parse("{\(members),\"key5\":0}", options: .init(rejectDuplicateKeys: true))
        }
    }

    @Test func roundTripsNestedDocument() throws {
        let text = #"{"object":"list","items":[{"id":"a","tags":[],"meta":{}},{"id":"b","tags":["x",[1,[2]]],"meta":{"k":{"k":{"k":1}}}}],"n":-1.5e3}"#
        let v = try JSONParser.parse(text)
        #expect(JSONWriter.write(v) == text)
    }

    @Test func locationsStillRecorded() throws {
        let (_, locations) = try JSONParser.parseWithLocations(Array(#"{"a":[10,{"b":2}]}"#.utf8), options: .init(recordLocations: true))
        #expect(locations.values[JSONPointer(tokens: ["a", "1", "b"])] == 14)
        #expect(locations.keys[JSONPointer(tokens: ["a", "1", "b"])] == 10)
        #expect(locations.values[JSONPointer(tokens: ["a", "0"])] == 6)
    }

    @Test func errorsInsideNestedContainersLeaveNoState() throws {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#"[{"a":[1,2,{"b":}]}]"#) }
        let v = try JSONParser.parse(#"[{"a":[1,2,{"b":3}]}]"#)
        #expect(v[0]?["a"]?[2]?["b"] == 3)
    }
}
