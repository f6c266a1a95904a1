import ConformCore
import ConformMock
import ConformSelftest
import ConformTestSupport
import Testing

/// A suite not shipped, written as a user would for a local-models list whose items carry patterned
/// digests, bounded numbers, unique tags, a closed shape and members that depend on each other: the mock
/// serves it conformingly, and the self-test catches one drift per schema keyword instance.
@Suite struct SchemaKeywordSuiteTests {
    static let text = #"""
    { "suite": "fixture-keywords", "title": "Local models with strict items", "source": "test", "baseUrl": "http://localhost:11434/api",
      "definitions": {
        "List": { "type": "object", "required": ["object", "data"], "additionalProperties": false, "properties": {
          "object": { "const": "list" },
          "data": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/Model" } } } },
        "Model": { "type": "object", "additionalProperties": false, "required": ["id", "digest", "size", "score", "temperature", "tags"],
          "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9.:-]{2,40}$" },
            "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" },
            "family": { "type": "string", "minLength": 3, "maxLength": 12, "pattern": "^[a-z]+[0-9]*$" },
            "size": { "type": "integer", "minimum": 1, "maximum": 1000000000, "multipleOf": 512 },
            "score": { "type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1 },
            "temperature": { "type": "number", "minimum": 0, "maximum": 2, "multipleOf": 0.1 },
            "tags": { "type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
                      "items": { "type": "string", "pattern": "^[a-z]{2,10}$" } },
            "labels": { "type": "object", "additionalProperties": { "type": "string" }, "minProperties": 1, "maxProperties": 3 },
            "license": { "type": "string" }, "license_url": { "type": "string", "format": "uri" } },
          "dependentRequired": { "license": ["license_url"] } } },
      "operations": [ { "id": "list", "method": "GET", "path": "/models",
        "responses": { "200": { "schema": { "$ref": "#/definitions/List" }, "invariants": ["unique(data[*].id)"] } } } ],
      "cases": [ { "id": "list", "operation": "list", "expect": { "status": 200 } } ] }
    """#

    @Test func everyKeywordIsServedAndEveryDriftCaught() async throws {
        let suite = try SuiteLoader.load(source: SourceFile(path: "fixtures/keywords.json", text: Self.text))
        let names = DriftCatalog.drifts(for: suite).map(\.name)
        for expected in ["pattern:Model.digest", "pattern:Model.family", "minLength:Model.family", "maxLength:Model.family",
                         "minimum:Model.size", "maximum:Model.size", "multipleOf:Model.size", "exclusiveMinimum:Model.score",
                         "exclusiveMaximum:Model.score", "multipleOf:Model.temperature", "minItems:Model.tags", "maxItems:Model.tags",
                         "uniqueItems:Model.tags", "pattern:Model.tags.items", "minProperties:Model.labels", "maxProperties:Model.labels",
                         "additionalProperties:Model", "additionalProperties:List", "dependentRequired:Model.license_url"] {
            #expect(names.contains(expected), "no drift \(expected) in \(names)")
        }
        let result = await heavy { await Selftest.unhurried().run(suite) }
        #expect(result.problem == nil)
        #expect(result.conformingPassed, "conforming run: \(result.conforming.map { "\($0.counts)" } ?? "none")")
        let survivors = result.survivors.map { "\($0.drift.name) (expected \($0.drift.expectedCheck))" }
        #expect(survivors.isEmpty, "\(survivors.count) of \(result.verdicts.count) drifts survived: \(survivors)")
        let byOther = result.verdicts.filter { $0.outcome == .caughtByOther }.map { "\($0.drift.name): \($0.failedKinds)" }
        #expect(byOther.isEmpty, "caught only by other checks: \(byOther)")
    }
}
