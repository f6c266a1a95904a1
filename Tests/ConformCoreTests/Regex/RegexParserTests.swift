import Testing
@testable import ConformCore

/// The tree the parser builds (with positions), and every refusal with the offset of its culprit.
@Suite struct RegexParserTests {
    @Test func treeCarriesPositions() throws {
        let tree = try RegexParser.parse("^a(?:b|c)*$")
        guard case .concatenation(let nodes, let span) = tree else { Issue.record("not a concatenation: \(tree)"); return }
        #expect(span == 0..<11)
        #expect(nodes.count == 4)
        #expect(nodes[0] == .assertion(.start, span: 0..<1))
        #expect(nodes[1] == .literal(0x61, span: 1..<2))
        guard case .repetition(let inner, 0, nil, false, let repSpan) = nodes[2] else { Issue.record("not a star: \(nodes[2])"); return }
        #expect(repSpan == 2..<10)
        guard case .group(.alternation(let alternatives, _), false, nil, _) = inner else { Issue.record("not a group: \(inner)"); return }
        #expect(alternatives == [.literal(0x62, span: 5..<6), .literal(0x63, span: 7..<8)])
        #expect(nodes[3] == .assertion(.end, span: 10..<11))
    }

    @Test func positionsCountUTF8Bytes() throws {
        guard case .concatenation(let nodes, _) = try RegexParser.parse("é\\d") else { Issue.record("shape"); return }
        #expect(nodes[1] == .characterClass(.digit, span: 2..<4))
    }

    @Test func classesKeepWhatWasWritten() throws {
        let tree = try RegexParser.parse("[^a-z0-9_-]")
        guard case .characterClass(let set, _) = tree else { Issue.record("shape"); return }
        #expect(set.negated)
        #expect(set.ranges == [0x2D...0x2D, 0x30...0x39, 0x5F...0x5F, 0x61...0x7A])
        #expect(!set.contains(0x61) && set.contains(0x41))
    }

    @Test func lazyAndCountedRepetition() throws {
        #expect(try RegexParser.parse("a{2,5}?") == .repetition(.literal(0x61, span: 0..<1), min: 2, max: 5, lazy: true, span: 0..<7))
        #expect(try RegexParser.parse("a{3,}") == .repetition(.literal(0x61, span: 0..<1), min: 3, max: nil, lazy: false, span: 0..<5))
    }

    struct Refusal: CustomStringConvertible, Sendable {
        var pattern: String
        var offset: Int
        var says: String
        var description: String { pattern }
    }

    static let refusals: [Refusal] = [
        Refusal(pattern: #"(a)\1"#, offset: 3, says: "backreference \\1 cannot be matched in linear time"),
        Refusal(pattern: #"(?<x>a)\k<x>"#, offset: 7, says: "named backreference"),
        Refusal(pattern: "a(?=b)", offset: 1, says: "lookahead cannot be matched in linear time"),
        Refusal(pattern: "a(?!b)", offset: 1, says: "lookahead"),
        Refusal(pattern: "(?<=a)b", offset: 0, says: "lookbehind cannot be matched in linear time"),
        Refusal(pattern: "(?<!a)b", offset: 0, says: "lookbehind"),
        Refusal(pattern: "(?i)abc", offset: 0, says: "unsupported group syntax"),
        Refusal(pattern: #"a\p{Script=Latin}"#, offset: 1, says: "unsupported Unicode property \"Script=Latin\""),
        Refusal(pattern: #"[\p{L]"#, offset: 1, says: "unterminated \\p{…}"),
        Refusal(pattern: #"\u{1F600}"#, offset: 0, says: "needs the 'u' flag"),
        Refusal(pattern: "a{1001}", offset: 1, says: "repetition count over 1000"),
        Refusal(pattern: "a{2,99999999999999999999}", offset: 1, says: "repetition count over 1000"),
        Refusal(pattern: "(a{1000}){1000}", offset: 1, says: "more than 20000 instructions"),
        Refusal(pattern: "a{3,2}", offset: 1, says: "numbers out of order"),
        Refusal(pattern: "*a", offset: 0, says: "nothing to repeat"),
        Refusal(pattern: "a**", offset: 2, says: "nothing to repeat"),
        Refusal(pattern: "^*", offset: 0, says: "nothing to repeat: a quantifier after an assertion"),
        Refusal(pattern: "{2}", offset: 0, says: "nothing to repeat"),
        Refusal(pattern: "ab)", offset: 2, says: "unmatched ')'"),
        Refusal(pattern: "(ab", offset: 0, says: "unterminated group"),
        Refusal(pattern: "[a-", offset: 0, says: "unterminated character class"),
        Refusal(pattern: "[z-a]", offset: 1, says: "range out of order"),
        Refusal(pattern: "ab\\", offset: 2, says: "lone backslash"),
        Refusal(pattern: #"\A\z"#, offset: 0, says: "unknown escape \\A"),
        Refusal(pattern: #"\x4"#, offset: 0, says: "\\xHH"),
        Refusal(pattern: #"\01"#, offset: 0, says: "octal"),
        Refusal(pattern: #"\c1"#, offset: 0, says: "\\c must be followed by a letter"),
        Refusal(pattern: "é(?=x)", offset: 2, says: "lookahead"),
    ]

    @Test(arguments: refusals)
    func refusedWithThePositionOfTheCulprit(_ r: Refusal) throws {
        do {
            _ = try RegexProgram(r.pattern)
            Issue.record("\(r.pattern) compiled; it should be refused")
        } catch {
            #expect(error.offset == r.offset)
            #expect(error.message.contains(r.says), "\(error.message)")
            #expect(error.explained(in: r.pattern).contains("supported: "))
        }
    }

    @Test func explanationNamesTheCharacter() {
        let e = RegexSyntaxError("lookahead cannot be matched in linear time", at: 2)
        #expect(e.explained(in: "é(?=x)").hasPrefix(#"regex "é(?=x)" is refused: lookahead cannot be matched in linear time, at character 2; supported: "#))
    }
}
