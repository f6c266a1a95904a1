import ConformCore
@testable import ConformMock
import Testing

/// Strings generated from a pattern's tree match it (checked by Conform's own engine) and fit a length
/// window when the pattern allows one.
@Suite struct RegexGeneratorTests {
    static let patterns = [
        "^[a-f0-9]{64}$", "^sha256:[a-f0-9]{12}$", "^[A-Z]{2}-\\d{3,5}$", "(foo|bar)baz", "^v\\d+\\.\\d+(\\.\\d+)?$",
        "^[a-z][a-z0-9_-]*$", "^[^/\\s]+/[^/\\s]+$", "^(?:ab|c.)+x?$", "^\\p{Lu}\\w{2,}$", "^(gpt|o)[0-9]-[a-z]+$",
        "^[\\u4e00-\\u9fff]{2}$", "^$", "^a?b*c+$", "^[^a-z]{3}$", "\\bword\\b", "^https?://[a-z.]+/[a-z]*$",
    ]

    @Test(arguments: patterns)
    func generatedTextMatches(_ pattern: String) throws {
        let program = try RegexProgram(pattern)
        for k in 0..<30 {
            let text = RegexGenerator.generate(program.tree, key: SeededRandom(UInt64(k)), window: nil)
            #expect(program.matches(text), "/\(pattern)/ does not match generated \(text.debugDescription)")
        }
    }

    /// Repetition counts are chosen to land in the window.
    @Test(arguments: [("^[a-z]+$", 5...5), ("^[a-z][a-z0-9_-]*$", 3...8), ("^[A-Z]{2}-\\d{3,5}$", 7...7), ("^(ab)+$", 10...12),
                      ("^v\\d+\\.\\d+(\\.\\d+)?$", 9...9), ("\\d{4}", 4...4), ("^x?[0-9a-f]{2,}$", 40...40)])
    func generatedTextFitsTheWindow(_ pattern: String, _ window: ClosedRange<Int>) throws {
        let program = try RegexProgram(pattern)
        for k in 0..<30 {
            let text = RegexGenerator.generate(program.tree, key: SeededRandom(UInt64(k)), window: window)
            #expect(program.matches(text) && window.contains(text.unicodeScalars.count), "/\(pattern)/ in \(window): \(text.debugDescription)")
        }
    }

    /// A window the pattern cannot meet yields a text the caller's check rejects, so the synthesizer falls
    /// back instead of serving a wrong length silently.
    @Test func anImpossibleWindowIsVisible() throws {
        let program = try RegexProgram("^[a-z]{10}$")
        let text = RegexGenerator.generate(program.tree, key: SeededRandom(1), window: 2...3)
        #expect(!(program.matches(text) && (2...3).contains(text.count)))
    }

    @Test func extentsOfCommonShapes() throws {
        func extent(_ p: String) throws -> RegexGenerator.Extent { RegexGenerator.extent(try RegexParser.parse(p)) }
        #expect(try extent("^[a-z]{3,5}$").min == 3)
        #expect(try extent("^[a-z]{3,5}$").max == 5)
        #expect(try extent("a+").max == nil)
        #expect(try extent("(ab|c)?").min == 0)
        #expect(try extent("(ab|c)?").max == 2)
    }
}
