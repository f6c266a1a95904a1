import ConformCore
import Foundation
import Testing

/// The rule counts in `suites/README.md` are computed, not estimated: this recomputes them from the loaded suites.
struct SeedSuiteRuleCountTests {
    /// `| `suite` | operations | 124 | 7 | … | document |` rows of the README's seed-suite table, by suite id.
    static func readmeRows() throws -> [String: [Int]] {
        let text = try String(contentsOfFile: SeedSuites.folder + "/README.md", encoding: .utf8)
        var rows: [String: [Int]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 12 else { continue }
            let id = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let numbers = cells[3...10].compactMap { Int($0) }
            if numbers.count == 8 { rows[id] = numbers }
        }
        return rows
    }

    @Test("the README table lists every seed suite", arguments: SeedSuiteLoadingTests.names)
    func readmeCounts(name: String) throws {
        let suite = try SeedSuites.load(name)
        let count = RuleCount(suite)
        let row = try Self.readmeRows()[name]
        #expect(row == count.cells, "suites/README.md row for \(name) should read \(count.cells) (\(count))")
    }

    @Test("schema counting follows $ref once and counts required names")
    func countingRules() throws {
        let text = """
        { "suite": "t", "title": "t", "source": "s", "baseUrl": "http://127.0.0.1:1",
          "definitions": { "M": { "type": "object", "required": ["id", "n"],
                                  "properties": { "id": { "type": "string" }, "n": { "type": "integer", "minimum": 0 },
                                                  "k": { "type": "string", "enum": ["a", "b"] } } } },
          "operations": [ { "id": "list", "method": "GET", "path": "/m",
              "responses": { "200": { "schema": { "type": "array", "items": { "$ref": "#/definitions/M" } },
                                      "invariants": ["len(body) >= 0"] } } } ] }
        """
        let suite = try SuiteLoader.load(source: SourceFile(path: "t.json", text: text))
        let count = RuleCount(suite)
        // array type 1; M: type 1 + required 2; id type 1; n type + minimum 2; k type 1 (+ enum 1)
        #expect(count == RuleCount(schema: 8, enums: 1, probes: 0, invariants: 1, walkChecks: 0, auth: 0, crossRequest: 0, cases: 0))
    }
}
