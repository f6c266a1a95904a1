import Testing
@testable import ConformCore

/// `JSONWriter.bytes(_:reusing:)`: known text is copied only for the very same storage.
@Suite struct JSONWriterReuseTests {
    /// Knows one object's text, deliberately different from what writing it gives, so a test sees whether
    /// the known text was used.
    struct Marked: JSONWrittenObjects {
        let object: JSONObject
        let text: [UInt8]
        func bytes(of o: JSONObject) -> [UInt8]? { o.storageIdentity == object.storageIdentity ? text : nil }
    }

    @Test func copiesTheKnownTextOfTheSameStorage() throws {
        let item = try #require(JSONParser.parse(#"{"id":"a","n":1}"#).objectValue)
        let known = Marked(object: item, text: Array(#"{"KNOWN":1}"#.utf8))
        let page: JSONValue = .object(JSONObject([("data", .array([.object(item), .object(item)])), ("total", JSONValue(2))]))
        #expect(String(decoding: JSONWriter.bytes(page, reusing: known), as: UTF8.self) == #"{"data":[{"KNOWN":1},{"KNOWN":1}],"total":2}"#)
    }

    @Test func writesAChangedCopyAfresh() throws {
        let item = try #require(JSONParser.parse(#"{"id":"a","n":1}"#).objectValue)
        let known = Marked(object: item, text: Array(#"{"KNOWN":1}"#.utf8))
        var changed = item
        changed["n"] = JSONValue(2)
        let equalButSeparate = try #require(JSONParser.parse(#"{"id":"a","n":1}"#).objectValue)
        #expect(changed.storageIdentity != item.storageIdentity)
        #expect(equalButSeparate.storageIdentity != item.storageIdentity)
        let page: JSONValue = .array([.object(changed), .object(equalButSeparate)])
        #expect(String(decoding: JSONWriter.bytes(page, reusing: known), as: UTF8.self) == #"[{"id":"a","n":2},{"id":"a","n":1}]"#)
    }

    @Test func compactTextIsUnchanged() throws {
        let text = #"{"a":[1,2.50,{"b":null,"c":[]},{}],"d":"\u0001\"\\","e":true,"f":false,"g":[[]]}"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.write(value) == #"{"a":[1,2.50,{"b":null,"c":[]},{}],"d":"\u0001\"\\","e":true,"f":false,"g":[[]]}"#)
        struct Nothing: JSONWrittenObjects { func bytes(of o: JSONObject) -> [UInt8]? { nil } }
        #expect(JSONWriter.bytes(value, reusing: Nothing()) == Array(JSONWriter.write(value).utf8))
        #expect(JSONWriter.write(value, pretty: true).contains("\n  \"a\": [\n"))
    }
}

/// `LineStarts`: the same `line:col` as counting lines from the top, by a binary search.
@Suite struct LineStartsTests {
    /// The plain definition: newlines before the offset, scalars since the last one.
    static func counted(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        let offset = max(0, min(offset, bytes.count))
        var line = 1, start = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") { line += 1; start = i + 1 }
        return (line, 1 + bytes[start..<offset].filter { $0 & 0xC0 != 0x80 }.count)
    }

    @Test func agreesWithCountingAtEveryOffset() {
        for text in ["", "\n", "a\nb", "{\n  \"é\": 1,\r\n  \"日本\": [\n\n  ]\n}\n", "no newline at all"] {
            let source = SourceFile(path: "f", text: text)
            let lines = LineStarts(source.bytes)
            for offset in -1...(source.bytes.count + 1) {
                let l = source.location(of: offset, lines: lines)
                let (line, column) = Self.counted(source.bytes, offset)
                #expect(l.line == line && l.column == column, "\(text.debugDescription) at \(offset)")
            }
        }
    }
}
