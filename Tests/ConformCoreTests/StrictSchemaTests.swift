import Foundation
import Testing
@testable import ConformCore

/// Strict suites: unknown schema keywords and formats, and `request.` / `response.` names that do not exist,
/// are load errors at the culprit with "did you mean"; names, data, extensions and declared annotation formats
/// are not; "did you mean" stays bounded; `suite.schema.json` agrees with the loader.
@Suite struct StrictSchemaTests {
    /// A suite whose `Model` definition is `schema`, on line 3 of the text, and whose 200 response has `invariant`.
    static func suite(schema: String, invariant: String = "total >= len(items)", extra: String = "") -> String {
        """
        { "suite": "t", "title": "T", "source": "test", "baseUrl": "https://api.example.com",\(extra)
          "definitions": { "Page": { "type": "object", "properties": { "items": { "type": "array", "items": { "$ref": "#/definitions/Model" } }, "total": { "type": "integer" } } },
            "Model": \(schema) },
          "operations": [ { "id": "list", "method": "GET", "path": "/models",
            "responses": { "200": { "schema": { "$ref": "#/definitions/Page" }, "invariants": ["\(invariant)"] } } } ] }
        """
    }

    struct Typo: CustomStringConvertible, Sendable {
        var schema: String
        /// The text the caret must sit on (its first occurrence on the schema's line).
        var culprit: String
        /// What the message says after the culprit.
        var says: String
        var description: String { culprit }
    }

    static let keywordTypos: [Typo] = [
        Typo(schema: #"{ "type": "object", "requierd": ["id"] }"#, culprit: #""requierd""#, says: #"did you mean "required"?"#),
        Typo(schema: #"{ "type": "integer", "minimun": 1 }"#, culprit: #""minimun""#, says: #"did you mean "minimum"?"#),
        Typo(schema: #"{ "type": "string", "patern": "^a" }"#, culprit: #""patern""#, says: #"did you mean "pattern"?"#),
        Typo(schema: #"{ "type": "string", "minlength": 1 }"#, culprit: #""minlength""#, says: #"did you mean "minLength"?"#),
        Typo(schema: #"{ "type": "object", "properties": { "name": { "type": "string", "maxLenght": 3 } } }"#,
              culprit: #""maxLenght""#, says: #"did you mean "maxLength"?"#),
        Typo(schema: #"{ "allOf": [{ "type": "object" }, { "additionalProperty": false }] }"#,
              culprit: #""additionalProperty""#, says: #"did you mean "additionalProperties"?"#),
        Typo(schema: #"{ "if": { "type": "object" }, "then": { "requried": ["a"] } }"#, culprit: #""requried""#, says: #"did you mean "required"?"#),
        Typo(schema: ##"{ "$defs": { "A": { "typ": "string" } }, "$ref": "#/definitions/Model/$defs/A" }"##,
              culprit: #""typ""#, says: #"did you mean "type"?"#),
        Typo(schema: #"{ "type": "object", "unevaluatedProperties": { "constt": 1 } }"#, culprit: #""constt""#, says: #"did you mean "const"?"#),
        Typo(schema: #"{ "type": "object", "patternProperties": { "^a": { "exclusiveMinimun": 1 } } }"#,
              culprit: #""exclusiveMinimun""#, says: #"did you mean "exclusiveMinimum"?"#),
        Typo(schema: #"{ "type": "array", "prefixItems": [{ "enun": [1] }] }"#, culprit: #""enun""#, says: #"did you mean "enum"?"#),
        Typo(schema: #"{ "type": "object", "dependentSchemas": { "a": { "not": { "uniqueitems": true } } } }"#,
              culprit: #""uniqueitems""#, says: #"did you mean "uniqueItems"?"#),
        Typo(schema: #"{ "type": "string", "bogusword": 1 }"#, culprit: #""bogusword""#, says: #"a vendor extension must start with "x-""#),
        Typo(schema: #"{ "type": "string", "format": "datetime" }"#, culprit: #""datetime""#, says: #"did you mean "date-time"?"#),
        Typo(schema: #"{ "type": "string", "format": "uuuid" }"#, culprit: #""uuuid""#, says: #"did you mean "uuid"?"#),
        Typo(schema: #"{ "type": "string", "format": "model-id" }"#, culprit: #""model-id""#, says: #"list it in "formats": {"annotations": […]}"#),
    ]

    @Test(arguments: keywordTypos)
    func schemaTypoIsRefusedAtItsPositionWithAHint(_ t: Typo) throws {
        let text = Self.suite(schema: t.schema)
        guard case .failure(let failure) = SuiteFixtures.load(text, path: "s.json") else {
            Issue.record("a suite with \(t.culprit) loaded")
            return
        }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        let column = try #require(line.range(of: t.culprit)).lowerBound.utf16Offset(in: line) + 1
        let first = failure.rendered.split(separator: "\n").map(String.init)
        #expect(first.count == 3, "exactly one problem: \(failure.rendered)")
        #expect(first.first?.hasPrefix("s.json:3:\(column): error: unknown ") == true, "\(first.first ?? "")")
        #expect(first.first?.contains(t.says) == true, "\(first.first ?? "")")
        #expect(first.last?.trimmingCharacters(in: .whitespaces) == "^")
    }

    static let accepted: [(String, String)] = [
        ("x- extension", #"{ "type": "object", "x-internal": { "requierd": true } }"#),
        ("a property called requierd", #"{ "type": "object", "properties": { "requierd": { "type": "string" }, "minimun": {} } }"#),
        ("names under $defs and patternProperties", #"{ "$defs": { "patern": true }, "patternProperties": { "minlength": true } }"#),
        ("dependentRequired names", #"{ "type": "object", "dependentRequired": { "requierd": ["minimun"] } }"#),
        ("data in enum, const, default, examples, example",
         #"{ "enum": [{ "requierd": 1 }], "const": { "patern": 1 }, "default": { "minimun": 1 }, "examples": [{ "x": 1 }], "example": { "typ": 1 } }"#),
        ("OpenAPI keywords", ##"{ "type": "object", "nullable": true, "readOnly": true, "writeOnly": false, "deprecated": false, "xml": { "name": "m" }, "externalDocs": { "url": "https://x" }, "oneOf": [{ "type": "object" }], "discriminator": { "propertyName": "kind" } }"##),
        ("content and core keywords", #"{ "$comment": "c", "$anchor": "m", "contentMediaType": "application/json", "contentEncoding": "base64", "contentSchema": { "type": "object" }, "title": "M" }"#),
        ("standard annotation formats", #"{ "type": "object", "properties": { "n": { "format": "int64" }, "h": { "format": "hostname" }, "d": { "format": "duration" } } }"#),
    ]

    @Test(arguments: accepted.map(\.0))
    func namesDataExtensionsAndStandardFormatsLoad(_ name: String) throws {
        let schema = try #require(Self.accepted.first { $0.0 == name }?.1)
        if case .failure(let failure) = SuiteFixtures.load(Self.suite(schema: schema)) { Issue.record("\(name): \(failure.rendered)") }
    }

    @Test func annotationFormatsListedByTheSuiteLoad() throws {
        let schema = #"{ "type": "string", "format": "x-model-id" }"#
        guard case .success(let suite) = SuiteFixtures.load(Self.suite(schema: schema, extra: #" "formats": { "annotations": ["x-model-id"] },"#)) else {
            Issue.record("a declared annotation format was refused")
            return
        }
        #expect(suite.annotationFormats == ["x-model-id"])
        guard case .failure = SuiteFixtures.load(Self.suite(schema: schema)) else {
            Issue.record("an undeclared format loaded")
            return
        }
    }

    @Test func formatsMemberRefusesStandardNames() throws {
        guard case .failure(let failure) = SuiteFixtures.load(Self.suite(schema: "{}", extra: #" "formats": { "annotations": ["date-time"] },"#)) else {
            Issue.record("listing date-time as an annotation loaded")
            return
        }
        #expect(failure.errors.map(\.message) == [#"format "date-time" is a format Conform checks; list only formats of your own"#])
    }

    static let exchangeTypos: [(String, String)] = [
        ("response.stauts == 200", #"invariant reads response.stauts, which response does not hold; did you mean "status"?"#),
        ("response.duration < 1000", "invariant reads response.duration, which response does not hold (response holds status, headers)"),
        ("request.methd != null", #"invariant reads request.methd, which request does not hold; did you mean "method"?"#),
        ("len(response.heders) > 0", #"invariant reads response.heders, which response does not hold; did you mean "headers"?"#),
    ]

    @Test(arguments: exchangeTypos.map(\.0))
    func exchangeNameTypoIsRefusedAtTheName(_ expression: String) throws {
        let message = try #require(Self.exchangeTypos.first { $0.0 == expression }?.1)
        let text = Self.suite(schema: "{}", invariant: expression)
        guard case .failure(let failure) = SuiteFixtures.load(text, path: "s.json") else {
            Issue.record("\(expression) loaded")
            return
        }
        #expect(failure.errors.map(\.message) == [message])
        let name = String(message.split(separator: ",")[0].split(separator: ".").last ?? "")
        let lineText = text.split(separator: "\n")[4]
        let column = try #require(lineText.range(of: name)).lowerBound.utf16Offset(in: lineText) + 1
        #expect(failure.rendered.hasPrefix("s.json:5:\(column): error:"), "\(failure.rendered)")
    }

    @Test func knownExchangeNamesAndShadowingLambdasLoad() throws {
        for expression in ["response.status == 200", "response.headers != null", "request.method != null",
                           "len(request.path) > 0", "all(items, response => response.id != null)", "request.vars != null"] {
            if case .failure(let failure) = SuiteFixtures.load(Self.suite(schema: #"{ "type": "object", "properties": { "id": {} } }"#, invariant: expression)) {
                Issue.record("\(expression): \(failure.rendered)")
            }
        }
    }

    @Test func exchangeNamesAreTheMembersTheContextIsBuiltFrom() {
        let request = RequestMember.object { _ in .null }
        let response = ResponseMember.object { _ in .null }
        #expect(request.objectValue?.keys == RequestMember.allCases.map(\.rawValue))
        #expect(response.objectValue?.keys == ResponseMember.allCases.map(\.rawValue))
    }

    @Test func didYouMeanRefusesToCompareNamesPastItsCap() {
        let cap = NearestName.maxComparedLength
        let near = String(repeating: "a", count: cap - 1)
        #expect(NearestName.find(near + "b", in: [near + "c"]) == near + "c", "within the cap, a one-letter typo is found")
        let far = String(repeating: "a", count: cap)
        #expect(NearestName.find(far + "b", in: [far + "c"]) == nil, "past the cap, nothing is compared")
        let huge = String(repeating: "q", count: 10_000_000)
        #expect(!NearestName.isComparable(huge))
        #expect(NearestName.find(huge, in: SchemaKeyword.names) == nil)
    }

    @Test func tenMillionCharacterKeyIsReportedWithoutAHint() throws {
        let key = String(repeating: "k", count: 10_000_000)
        guard case .failure(let failure) = SuiteFixtures.load(Self.suite(schema: "{ \"\(key)\": 1 }")) else {
            Issue.record("a 10M-character keyword loaded")
            return
        }
        let message = try #require(failure.errors.first?.message)
        #expect(message.utf8.count < 300, "the key is trimmed in the message")
        #expect(!message.contains("did you mean"))
    }

    // MARK: suite.schema.json

    static func formatSchema() throws -> SchemaValidator {
        let data = try Data(contentsOf: SuiteFixtures.suitesFolder.appendingPathComponent(SuiteLoader.formatSchemaName))
        return SchemaValidator(document: try JSONParser.parse([UInt8](data)), uri: "file:///suites/suite.schema.json")
    }

    @Test func formatSchemaListsExactlyTheLoadersKeywords() throws {
        let v = try Self.formatSchema()
        let listed = try #require(v.document["$defs"]?["schemaObject"]?["properties"]?.objectValue?.keys)
        #expect(Set(listed) == Set(SchemaKeyword.names))
        #expect(listed.count == SchemaKeyword.names.count)
    }

    @Test func formatSchemaRefusesKeywordTyposAndAcceptsExtensions() throws {
        let v = try Self.formatSchema()
        for t in Self.keywordTypos where !t.says.contains("date-time") && !t.culprit.contains("uuid") && !t.culprit.contains("model-id") {
            let suite = try JSONParser.parse(Self.suite(schema: t.schema))
            #expect(!v.validate(suite).isEmpty, "suite.schema.json accepts \(t.culprit)")
        }
        for (name, schema) in Self.accepted {
            let errors = v.validate(try JSONParser.parse(Self.suite(schema: schema)))
            #expect(errors.isEmpty, "\(name): \(errors.map(\.description))")
        }
        let declared = try JSONParser.parse(Self.suite(schema: #"{ "format": "x-model-id" }"#, extra: #" "formats": { "annotations": ["x-model-id"] },"#))
        #expect(v.validate(declared).isEmpty)
    }
}
