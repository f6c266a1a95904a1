import Testing
@testable import ConformCore

@Suite struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberText() throws {
        let v = try JSONParser.parse(#"{"b":1,"a":1.0,"c":1e3,"d":true,"big":123456789012345678901234567890}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c", "d", "big"])
        #expect(v["a"]?.numberValue?.text == "1.0")
        #expect(v["b"] == v["a"])  // JSON-semantic equality: 1 == 1.0
        #expect(v["d"] != .number(JSONNumber(1)))  // true is not 1
        #expect(v["big"]?.numberValue?.text == "123456789012345678901234567890")
        #expect(v["big"]?.numberValue?.int64Value == nil)  // beyond 64 bits: never rounded silently
        #expect(v["c"]?.typeName == "integer")
        #expect(JSONWriter.write(v) == #"{"b":1,"a":1.0,"c":1e3,"d":true,"big":123456789012345678901234567890}"#)
    }

    @Test func bigIntegersCompareExactly() throws {
        let a = JSONNumber(text: "9007199254740993"), b = JSONNumber(text: "9007199254740992")
        #expect(a != b)  // equal as Double, different as numbers
        #expect(b < a)
        #expect(JSONNumber(text: "-1e400") < JSONNumber(text: "1e-400"))
        #expect(JSONNumber(text: "100") == JSONNumber(text: "1e2"))
        #expect(JSONNumber(text: "0.5") < JSONNumber(text: "1"))
        #expect(JSONNumber(text: "-2") < JSONNumber(text: "-1.5"))
    }

    /// Exponents past `Int`: no overflow trap (the fuzzer found `2e9223372036854775807 + 1`), and no exponent read
    /// as 0 (`1e99999999999999999999` was equal to `1`).
    @Test func hugeExponentsNeitherTrapNorVanish() throws {
        let huge = JSONNumber(text: "2e9223372036854775807"), bigger = JSONNumber(text: "1e99999999999999999999")
        #expect(huge.int64Value == nil)
        #expect(bigger != JSONNumber(text: "1"))
        #expect(JSONNumber(text: "1e300") < bigger)
        #expect(JSONNumber(text: "-1e99999999999999999999") < JSONNumber(text: "-1e300"))
        #expect(JSONNumber(text: "1e-99999999999999999999") < JSONNumber(text: "1e-300"))
        #expect(JSONNumber(text: "1e-99999999999999999999").isInteger == false)
        #expect(JSONNumber(text: "10e-1").int64Value == 1)
        #expect(JSONNumber(text: "123e16").int64Value == 1_230_000_000_000_000_000)
        #expect(JSONNumber(text: "123e17").int64Value == nil)
        let sum = try Expression.parse("2e9223372036854775807 + 1").evaluate(in: EvaluationContext(body: nil, request: .null, variables: [:]))
        guard case .problem(let problem) = sum else { Issue.record("\(sum)"); return }
        #expect(problem.message.contains("out of range"), "\(problem.message)")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#"["\u00e9\n\t\"\\\/", "\ud83d\ude00", "日本"]"#)
        #expect(v[0]?.stringValue == "é\n\t\"\\/")
        #expect(v[1]?.stringValue == "😀")
        #expect(v[2]?.stringValue == "日本")
    }

    @Test func stringsCompareByCodePoints() {
        let composed: JSONValue = "\u{E9}", decomposed: JSONValue = "e\u{301}"
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
    }

    @Test func acceptsByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    /// Each malformed input, the message it gets and the 1-based line:col it points at.
    @Test(arguments: [
        ("trailing comma in object", "{\n  \"a\": 1,\n}", "trailing comma before '}'", "3:1"),
        ("trailing comma in array", "[1, 2,]", "trailing comma before ']'", "1:7"),
        ("unterminated string", "{\"a\": \"abc", "unterminated string", "1:7"),
        ("newline in string", "[\"a\nb\"]", "unterminated string (a newline inside a string must be escaped as \\n)", "1:4"),
        ("bad escape", #"["a\qb"]"#, #"invalid escape '\q' (valid: \" \\ \/ \b \f \n \r \t \uXXXX)"#, "1:4"),
        ("lone high surrogate", #"["\ud800x"]"#, "lone high surrogate \\uD800 (expected a low surrogate to follow)", "1:3"),
        ("lone low surrogate", #"["\udc00"]"#, "lone low surrogate \\uDC00", "1:3"),
        ("leading zeros", "[012]", "leading zeros are not allowed in numbers", "1:2"),
        ("NaN", "[NaN]", "NaN is not a JSON value", "1:2"),
        ("Infinity", "{\"x\": -Infinity}", "Infinity is not a JSON value", "1:7"),
        ("line comment", "{\n  // note\n  \"a\": 1}", "comments are not allowed in JSON", "2:3"),
        ("block comment", "[1, /* x */ 2]", "comments are not allowed in JSON", "1:5"),
        ("empty input", "", "empty input: expected a JSON value", "1:1"),
        ("only whitespace", "  \n ", "expected a JSON value, found only whitespace", "2:2"),
        ("trailing garbage", "{\"a\": 1} x", "unexpected 'x' after the JSON value (trailing garbage)", "1:10"),
        ("single quotes", "['a']", "strings must use double quotes", "1:2"),
        ("missing colon", "{\"a\" 1}", "expected ':' after object key, found '1'", "1:6"),
        ("unquoted key", "{a: 1}", "expected a string key, found 'a'", "1:2"),
        ("bare word", "[tru]", "invalid literal: expected 'true'", "1:2"),
        ("unclosed array", "[1, 2", "unexpected end of input inside an array: expected ',' or ']'", "1:6"),
        ("missing comma", "[1 2]", "expected ',' or ']' in array, found '2'", "1:4"),
        ("raw control character", "[\"a\u{01}\"]", "control character 0x01 must be escaped inside a string", "1:4"),
        ("fraction without digits", "[1.]", "expected a digit after the decimal point", "1:4"),
        ("exponent without digits", "[1e+]", "expected a digit in the exponent", "1:5"),
    ])
    func rejectsMalformedInput(name: String, text: String, message: String, position: String) {
        let source = SourceFile(path: "suite.json", text: text)
        do {
            _ = try JSONParser.parse(source.bytes)
            Issue.record("\(name): parsed but should not")
        } catch {
            #expect(error.message == message, "\(name)")
            let loc = source.location(of: error.offset)
            #expect("\(loc.line):\(loc.column)" == position, "\(name)")
        }
    }

    @Test(arguments: [
        ("lone continuation byte", [0x5B, 0x22, 0x80, 0x22, 0x5D] as [UInt8], "invalid UTF-8 byte 0x80"),
        ("overlong encoding", [0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "invalid UTF-8 byte 0xC0"),
        ("encoded surrogate", [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "invalid UTF-8 sequence"),
        ("truncated sequence", [0x5B, 0x22, 0xE6, 0x97], "invalid UTF-8: truncated sequence"),
    ])
    func rejectsInvalidUTF8(name: String, bytes: [UInt8], message: String) {
        #expect(throws: JSONParseError(message, at: 2), "\(name)") { try JSONParser.parse(bytes) }
    }

    @Test func boundsNestingDepthWithoutOverflowingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError("nesting deeper than 512 levels", at: 512)) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func rejectsDuplicateKeysOnlyWhenAsked() throws {
        let text = "{\n  \"a\": 1,\n  \"a\": 2\n}"
        #expect(try JSONParser.parse(text)["a"] == 2)
        let source = SourceFile(path: "s.json", text: text)
        do {
            _ = try JSONParser.parse(source.bytes, options: .init(rejectDuplicateKeys: true))
            Issue.record("duplicate key accepted")
        } catch {
            #expect(error.rendered(in: source) == """
                s.json:3:3: error: duplicate key "a" in object
                      "a": 2
                      ^
                """)
        }
    }

    @Test func recordsLocationsOfValuesAndKeys() throws {
        let text = "{\n  \"ops\": [\n    {\"id\": \"list\"}\n  ]\n}"
        let source = SourceFile(path: "s.json", text: text)
        let (_, locations) = try JSONParser.parseWithLocations(source.bytes, options: .init(recordLocations: true))
        let value = source.location(of: locations.offset(of: JSONPointer("/ops/0/id")!))
        #expect("\(value.line):\(value.column)" == "3:12")
        let key = source.location(of: locations.offset(of: JSONPointer("/ops/0/id")!, preferKey: true))
        #expect("\(key.line):\(key.column)" == "3:6")
        // An unknown pointer falls back to the nearest recorded ancestor.
        let fallback = source.location(of: locations.offset(of: JSONPointer("/ops/0/missing")!))
        #expect("\(fallback.line):\(fallback.column)" == "3:5")
    }

    @Test func caretLinesUpUnderNonASCIIText() {
        let source = SourceFile(path: "s.json", text: "{\"é\": x}")
        #expect(source.render(message: "bad", at: 7) == "s.json:1:7: error: bad\n    {\"é\": x}\n          ^")
    }
}
