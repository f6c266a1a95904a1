import ConformCore
import Foundation
import Testing
@testable import ConformSpec

/// `spec check`: a shipped suite agrees with its document; each kind of disagreement is found, both located.
@Suite(.enabled(if: SpecFixtures.hasShared, "needs ../shared (CONFORM_SHARED)"))
struct SpecCheckTests {
    static var v4Spec: String { SpecFixtures.seeds + "/scale-gp-v4-list-models.openapi.txt" }
    static var v4Suite: String { SpecFixtures.packageRoot + "/suites/scale-gp-v4-list-models.json" }

    static func check(suiteText: String, spec: String) throws -> [SpecChange] {
        let suite = try SuiteLoader.load(source: SourceFile(path: Self.v4Suite, text: suiteText))
        return try SpecCheck.compare(suite: suite, spec: OpenAPIDocument(path: spec), operations: [])
    }

    @Test func shippedV4SuiteAgreesWithItsDocument() throws {
        let text = try String(contentsOfFile: Self.v4Suite, encoding: .utf8)
        #expect(try Self.check(suiteText: text, spec: Self.v4Spec).isEmpty)
    }

    @Test(arguments: [
        // A vendor the suite's enum lacks: the suite would fail a server that sends it.
        ("\"FIREWORKS_AI\", \"OTHER\"]", "\"FIREWORKS_AI\"]", SpecRule.propertyEnumValueAdded, SpecLevel.err, "200 items[*].model_vendor"),
        // A bound the suite probes differently.
        ("\"maximum\": 10000, \"default\": 100", "\"maximum\": 1000, \"default\": 100", .parameterMaxIncreased, .warn, "query limit"),
        // A member the document requires that the suite leaves optional.
        ("\"required\": [\"items\", \"total_item_count\", \"current_page\", \"items_per_page\"]", "\"required\": [\"items\", \"total_item_count\", \"current_page\"]",
         .propertyBecameRequired, .warn, "200 items_per_page"),
        // A member the suite requires that the document leaves optional.
        ("\"required\": [\"loc\", \"msg\", \"type\"]", "\"required\": [\"loc\", \"msg\", \"type\", \"input\"]", .propertyBecameOptional, .err, "422 detail[*].input"),
        // An operation the document does not have.
        ("\"path\": \"/v4/models\"", "\"path\": \"/v4/model-list\"", .apiPathRemoved, .err, ""),
    ])
    func disagreementIsFound(original: String, broken: String, rule: SpecRule, level: SpecLevel, subject: String) throws {
        let text = try String(contentsOfFile: Self.v4Suite, encoding: .utf8)
        #expect(text.contains(original))
        let changes = try Self.check(suiteText: text.replacingOccurrences(of: original, with: broken), spec: Self.v4Spec)
        let hit = try #require(changes.first { $0.rule == rule && $0.subject == subject },
                               "no \(rule.id) at \(subject); got \(changes.map { "\($0.rule.id) \($0.subject)" })")
        #expect(hit.level == level)
        #expect(hit.old?.path == Self.v4Suite)
        if rule != .apiPathRemoved { #expect(hit.new?.path == Self.v4Spec) }
    }
}
