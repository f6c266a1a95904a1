import Foundation
import Testing
@testable import ConformCore

/// 2,400 random patterns × inputs of the supported subset (nested quantifiers, lazy forms, classes,
/// `\b \B`, anchors, non-ASCII) with V8's answers, recorded by `scripts/regex-oracle.js` into
/// `Fixtures/regex-v8.tsv`: V8 is an ECMA-262 engine, so it is the oracle (`NSRegularExpression` is not:
/// on this very file it gets nested loops over empty-matching bodies wrong, e.g. `(?:[^a]*?)+?$`).
@Suite struct RegexDifferentialTests {
    struct Row: Sendable {
        var pattern: String
        var input: String
        var expected: Bool
    }

    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "regex-v8", withExtension: "tsv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 3, "bad row: \(line)")
            let input = try #require(try JSONParser.parse(fields[1]).stringValue)
            return Row(pattern: fields[0], input: input, expected: fields[2] == "true")
        }
    }

    @Test func agreesWithV8() throws {
        let rows = try Self.rows()
        #expect(rows.count == 2_400)
        var disagreements: [String] = []
        for row in rows {
            let program = try RegexProgram(row.pattern)
            let (simulated, steps) = program.matchCountingSteps(row.input)
            if program.matches(row.input) != row.expected || simulated != row.expected {
                disagreements.append("/\(row.pattern)/ on \(JSONWriter.quote(row.input)): V8 says \(row.expected)")
            }
            if steps > 3 * program.size * (row.input.unicodeScalars.count + 1) {
                disagreements.append("/\(row.pattern)/ on \(JSONWriter.quote(row.input)): \(steps) steps, over the bound")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements:\n\(disagreements.prefix(10).joined(separator: "\n"))")
    }
}
