import ConformCore
@testable import ConformMock
import Testing

/// Every schema drift kind, armed on a schema that has its keyword, really breaks that keyword — and only
/// it: the validator reports `schema.<keyword>` at the keyword's pointer and nothing else. The drift is also
/// found as a site while synthesising unarmed, with the check the validator uses.
@Suite struct SchemaDriftKindTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var schema: String
        var drift: SchemaDrift
        var keyword: String
        /// Where the keyword sits, below `/$defs/S`.
        var rule: String
        var testDescription: String { id }
    }

    static let s = JSONPointer("/$defs/S")!
    static func at(_ p: String) -> JSONPointer { JSONPointer("/$defs/S" + p)! }

    static let cases: [Case] = [
        Case(id: "pattern", schema: #"{"type": "string", "pattern": "^[a-f0-9]{8}$", "minLength": 8, "maxLength": 8}"#,
             drift: .patternMismatch(at: s), keyword: "pattern", rule: "/pattern"),
        Case(id: "minLength with pattern", schema: #"{"type": "string", "pattern": "^[a-z]+$", "minLength": 6}"#,
             drift: .tooShort(at: s), keyword: "minLength", rule: "/minLength"),
        Case(id: "maxLength with pattern", schema: #"{"type": "string", "pattern": "^[A-Z]{2}-\\d+$", "maxLength": 7}"#,
             drift: .tooLong(at: s), keyword: "maxLength", rule: "/maxLength"),
        Case(id: "maxLength from allOf", schema: #"{"type": "string", "allOf": [{"maxLength": 20}, {"maxLength": 4}]}"#,
             drift: .tooLong(at: s), keyword: "maxLength", rule: "/allOf/1/maxLength"),
        Case(id: "minimum", schema: #"{"type": "integer", "minimum": 10, "maximum": 20}"#,
             drift: .belowMinimum(at: s), keyword: "minimum", rule: "/minimum"),
        Case(id: "minimum with multipleOf", schema: #"{"type": "number", "minimum": 0.5, "multipleOf": 0.25}"#,
             drift: .belowMinimum(at: s), keyword: "minimum", rule: "/minimum"),
        Case(id: "OpenAPI exclusive minimum", schema: #"{"type": "integer", "minimum": 0, "exclusiveMinimum": true}"#,
             drift: .belowMinimum(at: s), keyword: "minimum", rule: "/minimum"),
        Case(id: "maximum", schema: #"{"type": "number", "maximum": 2.5}"#,
             drift: .aboveMaximum(at: s), keyword: "maximum", rule: "/maximum"),
        Case(id: "exclusiveMinimum", schema: #"{"type": "number", "exclusiveMinimum": 0}"#,
             drift: .atExclusiveMinimum(at: s), keyword: "exclusiveMinimum", rule: "/exclusiveMinimum"),
        Case(id: "exclusiveMaximum", schema: #"{"type": "integer", "exclusiveMaximum": 100, "minimum": 1}"#,
             drift: .atExclusiveMaximum(at: s), keyword: "exclusiveMaximum", rule: "/exclusiveMaximum"),
        Case(id: "multipleOf integer", schema: #"{"type": "integer", "multipleOf": 512, "minimum": 1}"#,
             drift: .notMultiple(at: s), keyword: "multipleOf", rule: "/multipleOf"),
        Case(id: "multipleOf decimal", schema: #"{"type": "number", "multipleOf": 0.01, "minimum": 0, "maximum": 10}"#,
             drift: .notMultiple(at: s), keyword: "multipleOf", rule: "/multipleOf"),
        Case(id: "minItems", schema: #"{"type": "array", "items": {"type": "integer"}, "minItems": 3}"#,
             drift: .tooFewItems(at: s), keyword: "minItems", rule: "/minItems"),
        Case(id: "maxItems", schema: #"{"type": "array", "items": {"type": "integer"}, "maxItems": 2, "uniqueItems": true}"#,
             drift: .tooManyItems(at: s), keyword: "maxItems", rule: "/maxItems"),
        Case(id: "uniqueItems", schema: #"{"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 4}"#,
             drift: .duplicateItem(at: s), keyword: "uniqueItems", rule: "/uniqueItems"),
        Case(id: "contains", schema: #"{"type": "array", "items": {"type": "integer", "maximum": 100}, "contains": {"minimum": 50}}"#,
             drift: .missingContained(at: s), keyword: "contains", rule: "/contains"),
        Case(id: "minContains", schema: #"{"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 9}, "contains": {"const": 7}, "minContains": 2}"#,
             drift: .missingContained(at: s), keyword: "minContains", rule: "/minContains"),
        Case(id: "maxContains", schema: #"{"type": "array", "items": {"type": "integer"}, "contains": {"const": 7}, "maxContains": 1}"#,
             drift: .tooManyContained(at: s), keyword: "maxContains", rule: "/maxContains"),
        Case(id: "additionalProperties", schema: #"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a"], "additionalProperties": false, "maxProperties": 2}"#,
             drift: .extraMember(object: s), keyword: "additionalProperties", rule: "/additionalProperties"),
        Case(id: "dependentRequired", schema: #"{"type": "object", "properties": {"card": {"type": "string"}, "billing": {"type": "string"}}, "dependentRequired": {"card": ["billing"]}}"#,
             drift: .dropDependent(object: s, member: "billing"), keyword: "dependentRequired", rule: "/dependentRequired"),
        Case(id: "minProperties", schema: #"{"type": "object", "properties": {"a": {}, "b": {}, "c": {}}, "required": ["a"], "minProperties": 3}"#,
             drift: .tooFewMembers(object: s), keyword: "minProperties", rule: "/minProperties"),
        Case(id: "maxProperties", schema: #"{"type": "object", "additionalProperties": {"type": "integer"}, "maxProperties": 2}"#,
             drift: .tooManyMembers(object: s), keyword: "maxProperties", rule: "/maxProperties"),
        Case(id: "required", schema: #"{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}"#,
             drift: .dropRequired(object: s, member: "a"), keyword: "required", rule: "/required"),
        Case(id: "enum", schema: #"{"enum": ["a", "b"]}"#, drift: .enumOutside(at: s), keyword: "enum", rule: "/enum"),
        Case(id: "const", schema: #"{"const": 3}"#, drift: .constBreak(at: s), keyword: "const", rule: "/const"),
        Case(id: "type", schema: #"{"type": "integer"}"#, drift: .typeChange(at: s), keyword: "type", rule: "/type"),
        Case(id: "format", schema: #"{"type": "string", "format": "uuid"}"#, drift: .formatBreak(at: s), keyword: "format", rule: "/format"),
        Case(id: "nested pattern", schema: #"{"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["hash"], "properties": {"hash": {"type": "string", "pattern": "^[0-9a-f]{12}$"}}}}}}"#,
             drift: .patternMismatch(at: at("/properties/items/items/properties/hash")), keyword: "pattern", rule: "/properties/items/items/properties/hash/pattern"),
    ]

    @Test(arguments: cases)
    func armedDriftBreaksExactlyItsKeyword(_ c: Case) throws {
        let doc = try JSONParser.parse(#"{"$defs": {"S": "# + c.schema + "}}")
        let validator = SchemaValidator(document: doc, uri: "urn:test")
        let rule = JSONPointer("/$defs/S" + c.rule)!
        // Found as a site while synthesising unarmed, with the validator's name for the check.
        var survey = SynthesisTrace()
        survey.recordSites = true
        let plain = Synthesizer(document: doc, validator: validator)
        for k in 0..<8 { _ = plain.value(Self.s, key: SeededRandom(UInt64(k)), trace: &survey) }
        let site = survey.sites.first { $0.drift == c.drift }
        #expect(site?.check == "schema.\(c.keyword)", "sites: \(survey.sites.map { "\($0.drift) \($0.check)" })")
        #expect(site?.rulePointer == rule)
        // Armed: every value breaks that keyword at that pointer, and nothing else.
        var armed = Synthesizer(document: doc, drift: c.drift, validator: validator)
        armed.armed = true
        for k in 0..<10 {
            var trace = SynthesisTrace()
            let value = armed.value(Self.s, key: SeededRandom(UInt64(k)), trace: &trace)
            let errors = validator.validate(value, schemaAt: Self.s)
            #expect(!errors.isEmpty, "\(c.id): \(JSONWriter.write(value)) is valid")
            let other = errors.filter { $0.keyword != c.keyword || $0.keywordLocation != rule }
            #expect(other.isEmpty, "\(c.id): \(JSONWriter.write(value)) also breaks \(other.map { "\($0.keyword) at \($0.keywordLocation)" })")
        }
    }

    /// Keywords a value cannot break alone give no site (a drift that cannot be caught only for its own
    /// keyword would be a false survivor or a false catch).
    @Test func impossibleBreaksGiveNoSite() throws {
        let doc = try JSONParser.parse(#"""
        {"$defs": {"S": {"type": "object", "properties": {
            "n": {"type": "integer", "multipleOf": 1},
            "closed": {"type": "object", "properties": {"a": {}}, "additionalProperties": false, "maxProperties": 1},
            "m": {"type": "object", "properties": {"a": {}}, "required": ["a"], "minProperties": 1},
            "names": {"type": "object", "propertyNames": {"pattern": "^[a-z]+$"}, "additionalProperties": {"type": "integer"}}}}}}
        """#)
        var trace = SynthesisTrace()
        trace.recordSites = true
        _ = Synthesizer(document: doc).value(Self.s, key: SeededRandom(1), trace: &trace)
        let checks = Set(trace.sites.map(\.check))
        #expect(!checks.contains("schema.multipleOf"))
        #expect(!checks.contains("schema.maxProperties"))
        #expect(!checks.contains("schema.minProperties"))
        #expect(checks.contains("schema.additionalProperties"))
        // A generated member name's pattern would be reported as `propertyNames`, not `pattern`.
        #expect(!trace.sites.contains { $0.check == "schema.pattern" })
        #expect(trace.sites.contains { $0.drift == .typeChange(at: Self.at("/properties/names/additionalProperties")) })
    }
}
