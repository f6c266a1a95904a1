import ConformCore
@testable import ConformMock
import Testing

/// The validator is the oracle: for one schema per keyword (and combinations), 50 synthesised values with
/// different keys all validate against the schema with Conform's own validator.
@Suite struct SynthesizerKeywordTests {
    /// Schemas by readable id; each is placed at `/$defs/S` of a document that also holds `Shared` parts.
    static let schemas: [(String, String)] = [
        ("pattern sha256", #"{"type": "string", "pattern": "^[a-f0-9]{64}$"}"#),
        ("pattern prefixed digest", #"{"type": "string", "pattern": "^sha256:[a-f0-9]{12}$"}"#),
        ("pattern counted digits", #"{"type": "string", "pattern": "^[A-Z]{2}-\\d{3,5}$"}"#),
        ("pattern unanchored alternation", #"{"type": "string", "pattern": "(foo|bar)baz"}"#),
        ("pattern version", #"{"type": "string", "pattern": "^v\\d+\\.\\d+(\\.\\d+)?$"}"#),
        ("pattern with lengths", #"{"type": "string", "pattern": "^[a-z][a-z0-9_-]*$", "minLength": 3, "maxLength": 8}"#),
        ("pattern long minimum", #"{"type": "string", "pattern": "^[a-z]+$", "minLength": 40}"#),
        ("pattern unanchored with maxLength", #"{"type": "string", "pattern": "\\d{4}", "maxLength": 4}"#),
        ("pattern negated class", #"{"type": "string", "pattern": "^[^/\\s]+/[^/\\s]+$"}"#),
        ("pattern any and group", #"{"type": "string", "pattern": "^(?:ab|c.)+x?$", "maxLength": 6}"#),
        ("pattern unicode property", #"{"type": "string", "pattern": "^\\p{Lu}\\w{2,}$"}"#),
        ("pattern on a member name", #"{"type": "object", "properties": {"model_hash": {"type": "string", "pattern": "^[0-9a-f]{8}$"}}, "required": ["model_hash"]}"#),
        ("minLength", #"{"type": "string", "minLength": 30}"#),
        ("maxLength", #"{"type": "string", "maxLength": 3}"#),
        ("exact length", #"{"type": "string", "minLength": 5, "maxLength": 5}"#),
        ("format date-time", #"{"type": "string", "format": "date-time"}"#),
        ("format date", #"{"type": "string", "format": "date"}"#),
        ("format time", #"{"type": "string", "format": "time"}"#),
        ("format uuid", #"{"type": "string", "format": "uuid"}"#),
        ("format uri", #"{"type": "string", "format": "uri"}"#),
        ("format email", #"{"type": "string", "format": "email", "maxLength": 64}"#),
        ("format ipv4", #"{"type": "string", "format": "ipv4"}"#),
        ("format ipv6", #"{"type": "string", "format": "ipv6"}"#),
        ("format with pattern", #"{"type": "string", "format": "uuid", "pattern": "^[0-9a-f-]{36}$"}"#),
        ("format and a pattern it does not meet", #"{"type": "string", "format": "date", "pattern": "^2024-"}"#),
        ("integer bounds", #"{"type": "integer", "minimum": 10, "maximum": 12}"#),
        ("number exclusive bounds", #"{"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}"#),
        ("number multipleOf 0.01", #"{"type": "number", "multipleOf": 0.01, "minimum": 0, "maximum": 5}"#),
        ("integer multipleOf 7", #"{"type": "integer", "multipleOf": 7, "minimum": 100}"#),
        ("integer multipleOf 0.3", #"{"type": "integer", "multipleOf": 0.3}"#),
        ("number multipleOf near exclusive bound", #"{"type": "number", "multipleOf": 0.1, "minimum": 0.9, "exclusiveMaximum": 1.2}"#),
        ("OpenAPI 3.0 boolean exclusive bounds", #"{"type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 3, "exclusiveMaximum": true}"#),
        ("implied number", #"{"multipleOf": 0.25, "minimum": 1, "maximum": 2}"#),
        ("const", #"{"const": {"a": [1, 2]}}"#),
        ("enum", #"{"enum": ["x", 1, null]}"#),
        ("uniqueItems over a small enum", #"{"type": "array", "items": {"enum": ["a", "b", "c"]}, "minItems": 3, "uniqueItems": true}"#),
        ("min and max items", #"{"type": "array", "items": {"type": "integer"}, "minItems": 5, "maxItems": 6}"#),
        ("contains", #"{"type": "array", "items": {"type": "integer", "maximum": 100}, "contains": {"minimum": 50}}"#),
        ("min and max contains", #"{"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 100}, "contains": {"const": 7}, "minContains": 2, "maxContains": 3, "minItems": 5}"#),
        ("prefixItems closed", #"{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false, "minItems": 2}"#),
        ("prefixItems then items", #"{"type": "array", "prefixItems": [{"const": "head"}], "items": {"type": "boolean"}, "minItems": 3}"#),
        ("allOf bounds", #"{"allOf": [{"type": "string", "maxLength": 10}, {"minLength": 8}, {"maxLength": 9}]}"#),
        ("anyOf", #"{"anyOf": [{"type": "integer", "minimum": 5}, {"type": "string", "pattern": "^id-\\d+$"}]}"#),
        ("oneOf overlapping strings", #"{"oneOf": [{"type": "string"}, {"type": "string", "format": "uuid"}]}"#),
        ("oneOf integer or number", #"{"oneOf": [{"type": "integer"}, {"type": "number"}]}"#),
        ("if then else", #"{"type": "object", "properties": {"kind": {"enum": ["a", "b"]}, "x": {"type": "string"}, "y": {"type": "integer"}}, "required": ["kind"], "additionalProperties": false, "if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["x"], "not": {"required": ["y"]}}, "else": {"required": ["y"], "not": {"required": ["x"]}}}"#),
        ("discriminator", ##"{"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}], "discriminator": {"propertyName": "pet", "mapping": {"cat": "#/$defs/Cat", "dog": "#/$defs/Dog"}}}"##),
        ("additionalProperties false", #"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "additionalProperties": false, "minProperties": 1}"#),
        ("patternProperties closed", #"{"type": "object", "patternProperties": {"^x-[a-z]+$": {"type": "integer"}}, "additionalProperties": false, "minProperties": 2}"#),
        ("dependentRequired", #"{"type": "object", "properties": {"card": {"type": "string"}, "billing": {"type": "string"}}, "dependentRequired": {"card": ["billing"]}}"#),
        ("dependentSchemas", #"{"type": "object", "properties": {"card": {"type": "string"}}, "dependentSchemas": {"card": {"properties": {"cvv": {"type": "string", "pattern": "^\\d{3}$"}}, "required": ["cvv"]}}}"#),
        ("min and max properties map", #"{"type": "object", "additionalProperties": {"type": "number"}, "minProperties": 3, "maxProperties": 4}"#),
        ("maxProperties trims optional members", #"{"type": "object", "properties": {"a": {}, "b": {}, "c": {}, "d": {}}, "required": ["a"], "maxProperties": 2}"#),
        ("propertyNames", #"{"type": "object", "propertyNames": {"pattern": "^[a-z]{3,6}$"}, "additionalProperties": {"type": "integer"}, "minProperties": 2}"#),
        ("nullable", #"{"type": "string", "nullable": true, "minLength": 2}"#),
        ("type list with null", #"{"type": ["integer", "null"], "minimum": 3}"#),
        ("not", #"{"type": "string", "pattern": "^[ab]$", "not": {"const": "a"}}"#),
        ("nested list of models", ##"{"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"$ref": "#/$defs/Model"}}}}"##),
    ]

    static let shared = #"""
    "Cat": {"type": "object", "properties": {"pet": {"type": "string"}, "meows": {"type": "boolean"}}, "required": ["pet", "meows"]},
    "Dog": {"type": "object", "properties": {"pet": {"type": "string"}, "barks": {"type": "integer", "minimum": 1}}, "required": ["pet", "barks"]},
    "Model": {"type": "object", "additionalProperties": false, "required": ["id", "digest", "size", "created_at"],
              "properties": {"id": {"type": "string", "pattern": "^[a-z0-9-]{3,40}$"}, "digest": {"type": "string", "pattern": "^sha256:[0-9a-f]{64}$"},
                             "size": {"type": "integer", "minimum": 1, "multipleOf": 512}, "created_at": {"type": "string", "format": "date-time"},
                             "tags": {"type": "array", "items": {"type": "string", "maxLength": 12}, "maxItems": 3}}}
    """#

    static func document(_ schema: String) throws -> JSONValue {
        try JSONParser.parse(#"{"$defs": {"S": "# + schema + ", " + shared + "}}")
    }

    static let pointer = JSONPointer("/$defs/S")!

    @Test(arguments: schemas.map(\.0))
    func fiftyValuesValidate(_ id: String) throws {
        let text = try #require(Self.schemas.first { $0.0 == id }?.1)
        let doc = try Self.document(text)
        let validator = SchemaValidator(document: doc, uri: "urn:test")
        #expect(validator.compileProblems(at: Self.pointer).isEmpty, "the test's schema does not compile")
        let synth = Synthesizer(document: doc, validator: validator)
        var failures: [String] = []
        for k in 0..<50 {
            var trace = SynthesisTrace()
            let value = synth.value(Self.pointer, key: SeededRandom(UInt64(k)).child("keyword-test"), trace: &trace)
            let errors = validator.validate(value, schemaAt: Self.pointer)
            if let e = errors.first { failures.append("\(JSONWriter.write(value)): \(e.keyword) at \(e.instancePointer): \(e.detail)") }
        }
        #expect(failures.count == 0, "\(failures.count) of 50 invalid, e.g. \(failures.prefix(3))")
    }

    /// Keys make the values differ (a generator stuck on one text would still pass the test above).
    @Test func patternValuesVaryWithTheKey() throws {
        let doc = try Self.document(#"{"type": "string", "pattern": "^[a-f0-9]{16}$"}"#)
        let synth = Synthesizer(document: doc)
        var seen = Set<JSONValue>()
        for k in 0..<20 {
            var trace = SynthesisTrace()
            seen.insert(synth.value(Self.pointer, key: SeededRandom(UInt64(k)), trace: &trace))
        }
        #expect(seen.count >= 15)
    }

    /// The same key gives the same value.
    @Test func valuesAreDeterministic() throws {
        let doc = try Self.document(#"{"type": "string", "pattern": "^[A-Z]{2}-\\d{3,5}$", "maxLength": 7}"#)
        let synth = Synthesizer(document: doc)
        var t1 = SynthesisTrace(), t2 = SynthesisTrace()
        #expect(synth.value(Self.pointer, key: SeededRandom(9), trace: &t1) == synth.value(Self.pointer, key: SeededRandom(9), trace: &t2))
    }
}
