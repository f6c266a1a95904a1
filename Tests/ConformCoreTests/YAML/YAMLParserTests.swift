import Foundation
import Testing
@testable import ConformCore

/// Focused cases for the YAML reader: each feature, each error message with its position.
@Suite struct YAMLParserTests {
    func parse(_ text: String) throws -> JSONValue { try YAMLParser.parse(Array(text.utf8)) }

    /// The error rendered as `file:line:col: error: message` (first line only).
    func failure(_ text: String, options: YAMLParser.Options = .init()) -> String {
        do {
            let v = try YAMLParser.parse(Array(text.utf8), options: options)
            return "parsed: \(JSONWriter.write(v))"
        } catch {
            let rendered = error.rendered(in: SourceFile(path: "t.yaml", text: text))
            return String(rendered.split(separator: "\n").first ?? "")
        }
    }

    func json(_ text: String) throws -> String { JSONWriter.write(try parse(text)) }

    // MARK: core schema

    @Test(arguments: [
        ("a: true", #"{"a":true}"#), ("a: True", #"{"a":true}"#), ("a: FALSE", #"{"a":false}"#),
        ("a: yes", #"{"a":"yes"}"#), ("a: on", #"{"a":"on"}"#), ("a: tRue", #"{"a":"tRue"}"#),
        ("a: null", #"{"a":null}"#), ("a: ~", #"{"a":null}"#), ("a:", #"{"a":null}"#), ("a: NULL", #"{"a":null}"#),
        ("a: 12", #"{"a":12}"#), ("a: +12", #"{"a":12}"#), ("a: -007", #"{"a":-7}"#), ("a: 0o17", #"{"a":15}"#),
        ("a: 0x1F", #"{"a":31}"#), ("a: 0xFFFFFFFFFFFFFFFFFF", #"{"a":4722366482869645213695}"#),
        ("a: 1.5", #"{"a":1.5}"#), ("a: 1.", #"{"a":1.0}"#), ("a: .5", #"{"a":0.5}"#), ("a: -1e3", #"{"a":-1e3}"#),
        ("a: 6.02E+23", #"{"a":6.02E+23}"#), ("a: .inf", #"{"a":".inf"}"#), ("a: -.Inf", #"{"a":"-.Inf"}"#),
        ("a: .nan", #"{"a":".nan"}"#), ("a: 1_000", #"{"a":"1_000"}"#), ("a: 2001-12-14", #"{"a":"2001-12-14"}"#),
        ("a: '12'", #"{"a":"12"}"#), ("a: \"true\"", #"{"a":"true"}"#), ("a: 0o8", #"{"a":"0o8"}"#),
    ])
    func coreSchema(_ input: String, _ expected: String) throws {
        #expect(try json(input) == expected)
    }

    @Test func numbersKeepTheirValue() throws {
        let v = try parse("big: 123456789012345678901234567890\nf: 1.10")
        #expect(v["big"]?.numberValue?.text == "123456789012345678901234567890")
        #expect(v["f"] == JSONValue(1.1))
    }

    // MARK: collections

    @Test func blockAndFlowCollections() throws {
        let text = """
        # a comment
        name: conform   # trailing comment
        list:
          - a
          - {b: 1, c: [2, 3]}
        seq:
        - x
        - - nested
        empty: []
        map: {}
        ? explicit key
        : explicit value
        """
        #expect(try json(text) == #"{"name":"conform","list":["a",{"b":1,"c":[2,3]}],"seq":["x",["nested"]],"empty":[],"map":{},"explicit key":"explicit value"}"#)
    }

    @Test func keyOrderIsKept() throws {
        #expect(try parse("z: 1\na: 2\nm: 3").objectValue?.keys == ["z", "a", "m"])
    }

    @Test func nonStringKeysBecomeTheirJSONText() throws {
        #expect(try json("200: ok\n0x10: hex\ntrue: yes\n~: nothing\n[a, b]: pair") == #"{"200":"ok","16":"hex","true":"yes","null":"nothing","[\"a\",\"b\"]":"pair"}"#)
    }

    // MARK: scalars

    @Test func scalarStyles() throws {
        let text = """
        plain: multi
          line
          
          text
        single: 'it''s'
        double: "tab\\there \\u00e9 \\x41 \\U0001F600 \\N\\_\\L"
        folded: >
          one
          two

          three
        literal: |
          keep
            indent
        strip: |-
          x

        keep: |+
          y

        indented: |2
            two extra
        """
        let v = try parse(text)
        #expect(v["plain"] == "multi line\ntext")
        #expect(v["single"] == "it's")
        #expect(v["double"] == "tab\there é A 😀 \u{85}\u{A0}\u{2028}")
        #expect(v["folded"] == "one two\nthree\n")
        #expect(v["literal"] == "keep\n  indent\n")
        #expect(v["strip"] == "x")
        #expect(v["keep"] == "y\n\n")
        #expect(v["indented"] == "  two extra\n")
    }

    @Test func quotedScalarsFoldLines() throws {
        #expect(try parse("a: \"one\n  two\n\n  three\"")["a"] == "one two\nthree")
        #expect(try parse("a: \"esc\\\n  aped\"")["a"] == "escaped")
    }

    // MARK: anchors, tags, documents

    @Test func anchorsAndAliases() throws {
        #expect(try json("base: &b {x: 1}\ncopy: *b\nlist: [&s str, *s]") == #"{"base":{"x":1},"copy":{"x":1},"list":["str","str"]}"#)
    }

    @Test func tags() throws {
        #expect(try json("a: !!str 12\nb: !!int \"7\"\nc: !!float 1\nd: !local 3\ne: ! 4\nf: !!bool true\ng: !!null") == #"{"a":"12","b":7,"c":1,"d":3,"e":"4","f":true,"g":null}"#)
        #expect(try json("%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1") == #"{"a":1}"#)
    }

    @Test func documentMarkersAndStreams() throws {
        #expect(try json("%YAML 1.2\n---\na: 1\n...\n") == #"{"a":1}"#)
        #expect(try json("--- |\n  text\n") == #""text\n""#)
        let docs = try YAMLParser.parseStream(Array("a: 1\n---\nb: 2\n--- 3\n".utf8))
        #expect(docs == [["a": 1], ["b": 2], 3])
        #expect(try YAMLParser.parseStream([]).isEmpty)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        #expect(try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: |\r\n  x\r\n  y\r\n".utf8)) == ["a": 1, "b": "x\ny\n"])
    }

    // MARK: locations

    @Test func locationsOfValuesAndKeys() throws {
        let text = "openapi: 3.1.0\npaths:\n  /models:\n    get:\n      tags: [Models, 'x']\n      summary: |\n        List\n"
        let (value, locations) = try YAMLParser.parseWithLocations(Array(text.utf8))
        let source = SourceFile(path: "spec.yaml", text: text)
        #expect(value["paths"]?["/models"]?["get"]?["summary"] == "List\n")
        func at(_ pointer: String, key: Bool = false) -> String {
            let p = JSONPointer(pointer)!
            let offset = key ? locations.keys[p]! : locations.values[p]!
            let l = source.location(of: offset)
            return "\(l.line):\(l.column)"
        }
        #expect(at("") == "1:1")
        #expect(at("/openapi") == "1:10")
        #expect(at("/paths/~1models", key: true) == "3:3")
        #expect(at("/paths/~1models/get") == "5:7")
        #expect(at("/paths/~1models/get/tags/1") == "5:22")
        #expect(at("/paths/~1models/get/summary") == "6:16")
    }

    // MARK: errors, each with its position

    @Test(arguments: [
        ("a: 1\na: 2", "t.yaml:2:1: error: duplicate key \"a\" (first at line 1)"),
        ("a: b: c", "t.yaml:1:5: error: mapping values are not allowed here"),
        ("key: - a", "t.yaml:1:6: error: a sequence entry ('- ') is not allowed here; start the sequence on its own line"),
        ("a: [1, 2", "t.yaml:1:4: error: unclosed '[': the file ends before its closing bracket"),
        ("a: 'open", "t.yaml:1:4: error: unterminated single-quoted string: the file ends before its closing '"),
        ("a: \"\\q\"", "t.yaml:1:5: error: unknown escape \\q in a double-quoted string"),
        ("a: *nope", "t.yaml:1:4: error: unknown alias *nope: no anchor &nope before it in this document"),
        ("a:\n\tb: 1", "t.yaml:2:1: error: tab characters must not be used for indentation"),
        ("a: 1\n---\nb: 2", "t.yaml:2:1: error: a second YAML document starts here; Conform reads one document per file"),
        ("", "t.yaml:1:1: error: the file holds no YAML document (it is empty or only comments)"),
        ("a: !!int x", "t.yaml:1:10: error: !!int takes an integer (decimal, 0o octal or 0x hexadecimal), not \"x\""),
        ("a: !e!x 1", "t.yaml:1:4: error: the tag handle !e! is not declared (add '%TAG !e! <prefix>' before '---')"),
        ("a: 1\n b: 2", "t.yaml:2:3: error: mapping values are not allowed here"),
        ("- a\nb: 1", "t.yaml:2:1: error: expected a '- ' sequence entry at this indentation, found a mapping key"),
        ("a: |0\n x", "t.yaml:1:5: error: the indentation indicator of a block scalar must be 1 to 9, not 0"),
        ("a: @x", "t.yaml:1:4: error: '@' is reserved in YAML and cannot start a plain scalar; quote the value"),
        ("a: \"x\"y", "t.yaml:1:7: error: unexpected 'y' right after a quoted scalar"),
        ("a: 1 # ok\nb: 2#not a comment\nc: \"x\"#bad", "t.yaml:3:7: error: a comment must be separated from the value before it by a space"),
        ("key\n", "parsed: \"key\""),
        ("{a: 1}}", "t.yaml:1:7: error: '}' closes a flow collection that was never opened"),
        ("a: \u{1}", "t.yaml:1:4: error: control character 0x01 is not allowed in YAML (write it as an escape in a double-quoted string)"),
        ("--- a: 1", "t.yaml:1:5: error: a block mapping cannot start on the '---' line"),
        ("key:\n  ok: 1\n wrong: 2", "t.yaml:3:2: error: this key is indented differently from the other keys of its mapping"),
        ("[-]", "t.yaml:1:2: error: a '- ' block sequence entry cannot appear inside a flow collection; quote '-' if it is a value"),
        ("a: 1\nb\nc: 2", "t.yaml:2:1: error: a line at this mapping's indentation must be 'key: value', but no ':' follows on the same line"),
        ("a: [b,\nc]", "t.yaml:2:1: error: flow collection content must be indented more than the enclosing block (at least 1 space)"),
        ("a:\n  - x\n - y", "t.yaml:3:2: error: this '- ' entry lines up with neither the sequence above it nor the keys of this mapping"),
    ])
    func errorMessages(_ input: String, _ expected: String) {
        #expect(failure(input) == expected)
    }

    @Test func duplicateKeysInFlowMappingsAndDeepPositions() {
        #expect(failure("x:\n  y: 1\n  z: {q: 1,\n     q: 2}") == "t.yaml:4:6: error: duplicate key \"q\" (first at line 3)")
        // Many keys switch the duplicate check to a dictionary; it still finds the first occurrence.
        let many = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again"
        #expect(failure(many) == "t.yaml:41:1: error: duplicate key \"k7\" (first at line 8)")
    }

    @Test func billionLaughsIsRefusedAtTheAlias() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...9 { text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let message = failure(text)
        #expect(message.hasPrefix("t.yaml:"))
        #expect(message.contains("aliases expand to more than 1000000 values"))
        // A small bound refuses a small expansion, at the alias that crosses it.
        #expect(failure("a: &a [1, 2, 3]\nb: [*a, *a]", options: .init(maxAliasExpansion: 6)) == "t.yaml:2:9: error: aliases expand to more than 6 values (at *a): refusing a possible 'billion laughs' document")
        #expect(failure("a: &a [1, 2, 3]\nb: [*a]", options: .init(maxAliasExpansion: 6)) == "parsed: {\"a\":[1,2,3],\"b\":[[1,2,3]]}")
    }

    @Test func depthIsBounded() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(failure(deep) == "t.yaml:1:513: error: nesting deeper than 512 levels")
        let okDepth = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(failure(okDepth).hasPrefix("parsed:"))
        var block = ""
        for k in 0..<600 { block += String(repeating: " ", count: k) + "k:\n" }
        #expect(failure(block).contains("nesting deeper than 512 levels"))
    }

    @Test func recursiveAliasIsUnknown() {
        #expect(failure("a: &a [*a]") == "t.yaml:1:8: error: unknown alias *a: no anchor &a before it in this document")
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array("a: ".utf8) + [0xC3, 0x28]
        #expect(throws: YAMLParseError("invalid UTF-8 sequence", at: 3)) { try YAMLParser.parse(bytes) }
    }

    @Test func timeIsLinearish() throws {
        // 20,000 flow and block entries parse in well under a second even in a debug build.
        let text = "items:\n" + (0..<20_000).map { "  - {id: \($0), name: \"model-\($0)\", tags: [a, b]}" }.joined(separator: "\n")
        let start = Date()
        let v = try parse(text)
        #expect(v["items"]?.arrayValue?.count == 20_000)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
