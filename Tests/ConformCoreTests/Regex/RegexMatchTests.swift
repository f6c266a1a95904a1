import Foundation
import Testing
@testable import ConformCore

/// Patterns × inputs × expected, checked against Conform's engine (literal fast path and NFA simulation
/// alike) and, for the rows ICU reads the same way, against `NSRegularExpression` as an oracle.
@Suite struct RegexMatchTests {
    struct Row: CustomStringConvertible, Sendable {
        var pattern: String
        var input: String
        var expected: Bool
        /// False where ICU differs from ECMA-262 (Unicode `\d \w \s`, a lone `]`, `\cX`, `$` before a final
        /// newline, the empty pattern, …).
        var oracle = true
        var description: String { "/\(pattern)/ on \(JSONWriter.quote(input))" }
    }

    static let rows: [Row] = [
        // Literals and search semantics: a pattern matches anywhere unless anchored.
        Row(pattern: "abc", input: "xxabcxx", expected: true),
        Row(pattern: "abc", input: "ab", expected: false),
        Row(pattern: "", input: "anything", expected: true, oracle: false),
        Row(pattern: "^gpt-", input: "gpt-4o", expected: true),
        Row(pattern: "^gpt-", input: "chatgpt-4o", expected: false),
        Row(pattern: "-preview$", input: "o1-preview", expected: true),
        Row(pattern: "-preview$", input: "o1-preview\n", expected: false, oracle: false),
        Row(pattern: "^abc$", input: "abc", expected: true),
        Row(pattern: "^abc$", input: "abcabc", expected: false),
        Row(pattern: "^$", input: "", expected: true),
        Row(pattern: "é", input: "café", expected: true),
        Row(pattern: "^caf.$", input: "café", expected: true),
        Row(pattern: "^.$", input: "😀", expected: true),
        Row(pattern: "^..$", input: "😀", expected: false),
        // Escapes.
        Row(pattern: #"^v\d+\.\d+$"#, input: "v1.25", expected: true),
        Row(pattern: #"^v\d+\.\d+$"#, input: "v1x25", expected: false),
        Row(pattern: #"^\d+$"#, input: "١٢٣", expected: false, oracle: false),
        Row(pattern: #"^\w+$"#, input: "école", expected: false, oracle: false),
        Row(pattern: #"^\w+$"#, input: "snake_case_9", expected: true),
        Row(pattern: #"^\W$"#, input: "-", expected: true),
        Row(pattern: #"^\s$"#, input: "\u{3000}", expected: true),
        Row(pattern: #"^\s$"#, input: "\u{FEFF}", expected: true, oracle: false),
        Row(pattern: #"^\S+$"#, input: "a\tb", expected: false),
        Row(pattern: #"^\t$"#, input: "\t", expected: true),
        Row(pattern: #"^\u00e9$"#, input: "é", expected: true),
        Row(pattern: #"^\x41$"#, input: "A", expected: true),
        Row(pattern: #"^\cC$"#, input: "\u{03}", expected: true, oracle: false),
        Row(pattern: #"^\uD83D\uDE00$"#, input: "😀", expected: true, oracle: false),
        Row(pattern: #"^a\/b$"#, input: "a/b", expected: true),
        Row(pattern: #"\bmini\b"#, input: "gpt-4o-mini", expected: true),
        Row(pattern: #"\bmini\b"#, input: "gpt-4ominis", expected: false),
        Row(pattern: #"\Bmini"#, input: "xmini", expected: true),
        Row(pattern: #"\Bmini"#, input: "x-mini", expected: false),
        Row(pattern: #"^\p{Letter}+$"#, input: "Héllo", expected: true),
        Row(pattern: #"^\p{L}+$"#, input: "123", expected: false),
        Row(pattern: #"^\p{digit}+$"#, input: "١٢٣", expected: true, oracle: false),
        Row(pattern: #"^\P{Lu}$"#, input: "a", expected: true),
        Row(pattern: #"^[\p{Lu}\d]+$"#, input: "AB12", expected: true),
        Row(pattern: #"^[^\p{gc=Lu}]$"#, input: "A", expected: false, oracle: false),
        // Classes.
        Row(pattern: "^[a-z0-9_-]+$", input: "text-embedding-3_small", expected: true),
        Row(pattern: "^[a-z0-9_-]+$", input: "Text", expected: false),
        Row(pattern: "^[^a-z0-9_-]+$", input: "ABC!", expected: true),
        Row(pattern: "^[^a-z0-9_-]+$", input: "AbC", expected: false),
        Row(pattern: #"^[\w.-]+$"#, input: "meta.llama-3", expected: true),
        Row(pattern: #"^[\w-.]+$"#, input: "a-b.c", expected: true, oracle: false),
        Row(pattern: #"^[\d\s]+$"#, input: "1 2\t3", expected: true),
        Row(pattern: #"^[^\s]+$"#, input: "a b", expected: false),
        Row(pattern: #"^[\]]$"#, input: "]", expected: true),
        Row(pattern: "^[]$", input: "", expected: false, oracle: false),
        Row(pattern: "^[^]$", input: "\n", expected: true, oracle: false),
        Row(pattern: "^a]$", input: "a]", expected: true, oracle: false),
        Row(pattern: "^[é-ë]$", input: "ê", expected: true),
        Row(pattern: "^.$", input: "\n", expected: false),
        Row(pattern: "^.$", input: "\u{2028}", expected: false),
        // Groups, alternation, quantifiers.
        Row(pattern: "^(openai|cohere|vertex_ai)$", input: "cohere", expected: true),
        Row(pattern: "^(openai|cohere|vertex_ai)$", input: "coherent", expected: false),
        Row(pattern: "^(?:ab)+$", input: "ababab", expected: true),
        Row(pattern: "^(?:ab)+$", input: "ababa", expected: false),
        Row(pattern: "^(?<major>\\d+)\\.(?<minor>\\d+)$", input: "3.12", expected: true),
        Row(pattern: "^a{3}$", input: "aaa", expected: true),
        Row(pattern: "^a{3}$", input: "aaaa", expected: false),
        Row(pattern: "^a{2,}$", input: "a", expected: false),
        Row(pattern: "^a{2,}$", input: "aaaaa", expected: true),
        Row(pattern: "^a{2,3}$", input: "aaaa", expected: false),
        Row(pattern: "^a{2,3}?$", input: "aaa", expected: true),
        Row(pattern: "^a{0}b$", input: "b", expected: true),
        Row(pattern: "^a*?b$", input: "aaab", expected: true),
        Row(pattern: "^a+?$", input: "", expected: false),
        Row(pattern: "^colou?r$", input: "color", expected: true),
        Row(pattern: "^a{,2}$", input: "a{,2}", expected: true, oracle: false),
        Row(pattern: "^x{1$", input: "x{1", expected: true, oracle: false),
        Row(pattern: "^(a*)*$", input: "aaaa", expected: true),
        Row(pattern: "^(a|)+$", input: "aab", expected: false),
        Row(pattern: "(|a)b", input: "b", expected: true),
        Row(pattern: "^(?:(?:a|b)c)*d$", input: "acbcd", expected: true),
        Row(pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T"#, input: "2024-05-01T00:00:00Z", expected: true),
    ]

    @Test(arguments: rows)
    func engineAgreesWithTheTable(_ row: Row) throws {
        let program = try RegexProgram(row.pattern)
        #expect(program.matches(row.input) == row.expected)
        #expect(program.matchCountingSteps(row.input).matched == row.expected, "the NFA simulation disagrees with the fast path")
    }

    @Test(arguments: rows.filter(\.oracle))
    func nsRegularExpressionAgrees(_ row: Row) throws {
        let re = try NSRegularExpression(pattern: row.pattern)
        let matched = re.firstMatch(in: row.input, range: NSRange(row.input.startIndex..., in: row.input)) != nil
        #expect(matched == row.expected, "the oracle reads this row differently: mark it oracle: false with the reason")
    }

    @Test func literalPatternsTakeTheFastPath() throws {
        #expect(try RegexProgram("^gpt-4o$").literal != nil)
        #expect(try RegexProgram(#"models\/"#).literal != nil)
        #expect(try RegexProgram("^gpt-4o+$").literal == nil)
    }
}
