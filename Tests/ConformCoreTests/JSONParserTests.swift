import Testing
@testable import ConformCore

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberText() throws {
        let v = try JSONParser.parse(#"{"b":1,"a":1.0,"c":1e3,"d":true,"big":123456789012345678901234567890}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c", "d", "big"])
        #expect(v["a"]?.numberValue?.text == "1.0")
        #expect(v["b"] == v["a"])  // JSON-semantic equality
        #expect(v["d"] != .number(JSONNumber(1)))
        #expect(v["big"]?.numberValue?.text == "123456789012345678901234567890")
        #expect(v["big"]?.numberValue?.int64Value == nil)
    }
}
