import Testing
@testable import ConformCore

/// The classic catastrophic patterns finish on adversarial inputs of up to 10,000 characters, with the
/// work bounded by program size × input length (counted in steps, not measured in wall time).
@Suite struct RegexLinearTimeTests {
    struct Attack: CustomStringConvertible, Sendable {
        var pattern: String
        var input: String
        var expected: Bool
        var description: String { "/\(pattern)/ on \(input.unicodeScalars.count) characters" }
    }

    static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    static func attacks(length n: Int) -> [Attack] {
        let aaa: String = repeated("a", n) + "!"
        let words: String = repeated("word ", n / 5) + "!"
        let manyB: String = repeated("a", 19) + repeated("b", n)
        let slugs: String = repeated("a-", n / 2) + "-"
        return [
            Attack(pattern: "^(a+)+$", input: aaa, expected: false),
            Attack(pattern: "(a|aa)+$", input: aaa, expected: false),
            Attack(pattern: "^(a|a?)+$", input: aaa, expected: false),
            Attack(pattern: #"^(\w+\s?)*$"#, input: words, expected: false),
            Attack(pattern: "(.*a){20}", input: manyB, expected: false),
            Attack(pattern: "^(a+)+$", input: repeated("a", n), expected: true),
            Attack(pattern: #"^([a-z0-9]+-?)*[a-z0-9]$"#, input: slugs, expected: false),
        ]
    }

    static let attacks: [Attack] = attacks(length: 30) + attacks(length: 1_000) + attacks(length: 10_000)

    @Test(arguments: attacks)
    func finishesWithinTheBound(_ a: Attack) throws {
        let program = try RegexProgram(a.pattern)
        let length = a.input.unicodeScalars.count
        let (matched, steps) = program.matchCountingSteps(a.input)
        #expect(matched == a.expected)
        #expect(steps <= 3 * program.size * (length + 1), "\(steps) steps for a program of \(program.size) on \(length) characters")
        #expect(program.matches(a.input) == a.expected)
    }

    @Test func workGrowsLinearlyWithTheInput() throws {
        let program = try RegexProgram("^(a+)+$")
        let small = program.matchCountingSteps(String(repeating: "a", count: 1_000) + "!").steps
        let large = program.matchCountingSteps(String(repeating: "a", count: 10_000) + "!").steps
        #expect(large < 11 * small, "\(small) steps for 1,000 characters, \(large) for 10,000")
    }

    @Test func aSchemaWithACatastrophicPatternValidatesQuickly() throws {
        let schema = try JSONParser.parse(#"{"type": "array", "items": {"type": "string", "pattern": "^(a+)+$"}}"#)
        let page = JSONValue.array(Array(repeating: .string(String(repeating: "a", count: 30) + "!"), count: 1_000))
        let errors = SchemaValidator(document: schema, uri: "file:///catastrophic.json").validate(page)
        #expect(errors.count == 1_000)
    }
}
