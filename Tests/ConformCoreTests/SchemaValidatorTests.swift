import Foundation
import Testing
@testable import ConformCore

/// Messages, pointers and OpenAPI extensions of the schema validator (the official suite covers verdicts).
@Suite struct SchemaValidatorTests {
    static func errors(_ schema: String, _ instance: String) throws -> [SchemaError] {
        let validator = SchemaValidator(document: try JSONParser.parse(schema), uri: "file:///test/schema.json")
        return validator.validate(try JSONParser.parse(instance))
    }

    struct MessageCase: CustomStringConvertible, Sendable {
        var schema: String
        var instance: String
        var title: String
        var detail: String
        var instancePointer = ""
        var keywordLocation: String
        var description: String { title }
    }

    static let messageCases: [MessageCase] = [
        .init(schema: ##"{"type":"integer"}"##, instance: ##""3""##, title: "type",
              detail: ##"expected integer, got string "3""##, keywordLocation: "/type"),
        .init(schema: ##"{"type":["string","null"]}"##, instance: "4.5", title: "type",
              detail: "expected null or string, got number 4.5", keywordLocation: "/type"),
        .init(schema: ##"{"required":["id","name"],"properties":{"name":{}}}"##, instance: ##"{"name":"x"}"##, title: "required property",
              detail: ##"missing required property "id""##, keywordLocation: "/required"),
        .init(schema: ##"{"properties":{"v":{"enum":["openai","cohere"]}}}"##, instance: ##"{"v":"MISTRAL"}"##, title: "enum membership",
              detail: ##"actual string "MISTRAL"; expected one of "openai", "cohere""##, instancePointer: "/v", keywordLocation: "/properties/v/enum"),
        .init(schema: ##"{"const":"list"}"##, instance: ##""dict""##, title: "const",
              detail: ##"expected string "list", got string "dict""##, keywordLocation: "/const"),
        .init(schema: ##"{"format":"date-time"}"##, instance: ##""2023-02-30T00:00:00Z""##, title: "format",
              detail: ##"expected a date-time (RFC 3339, e.g. 2024-01-31T12:00:00Z), got string "2023-02-30T00:00:00Z""##, keywordLocation: "/format"),
        .init(schema: ##"{"minimum":1}"##, instance: "0", title: "minimum",
              detail: "expected a number >= 1, got integer 0", keywordLocation: "/minimum"),
        .init(schema: ##"{"exclusiveMaximum":10}"##, instance: "10.0", title: "exclusiveMaximum",
              detail: "expected a number < 10, got integer 10.0", keywordLocation: "/exclusiveMaximum"),
        .init(schema: ##"{"multipleOf":0.01}"##, instance: "0.015", title: "multipleOf",
              detail: "expected a multiple of 0.01, got number 0.015", keywordLocation: "/multipleOf"),
        .init(schema: ##"{"maxLength":2}"##, instance: ##""abc""##, title: "maxLength",
              detail: ##"expected at most 2 characters, got string "abc" (3)"##, keywordLocation: "/maxLength"),
        .init(schema: ##"{"pattern":"^[a-z]+$"}"##, instance: ##""A1""##, title: "pattern",
              detail: ##"expected a string matching /^[a-z]+$/, got string "A1""##, keywordLocation: "/pattern"),
        .init(schema: ##"{"minItems":1}"##, instance: "[]", title: "minItems",
              detail: "expected at least 1 item, got array of 0 items []", keywordLocation: "/minItems"),
        .init(schema: ##"{"uniqueItems":true}"##, instance: ##"[1,2,1.0]"##, title: "uniqueItems",
              detail: "items 0 and 2 are equal: integer 1.0", keywordLocation: "/uniqueItems"),
        .init(schema: ##"{"properties":{"id":{}},"additionalProperties":false}"##, instance: ##"{"id":1,"extra":true}"##,
              title: "additional property", detail: ##"property "extra" is not allowed (known: "id")"##,
              instancePointer: "/extra", keywordLocation: "/additionalProperties"),
        .init(schema: ##"{"not":{"type":"null"}}"##, instance: "null", title: "not",
              detail: "expected a value that does not match the schema at /not, got null", keywordLocation: "/not"),
        .init(schema: ##"{"oneOf":[{"type":"integer"},{"minimum":0}]}"##, instance: "1", title: "one of",
              detail: "matched alternatives 0 and 1 of 2; expected exactly one", keywordLocation: "/oneOf"),
        .init(schema: ##"{"dependentRequired":{"a":["b"]}}"##, instance: ##"{"a":1}"##, title: "required property",
              detail: ##"missing property "b", required when "a" is present"##, keywordLocation: "/dependentRequired"),
        .init(schema: ##"{"propertyNames":{"maxLength":3}}"##, instance: ##"{"abcd":1}"##, title: "property name",
              detail: ##"property name "abcd" is not allowed: maxLength: expected at most 3 characters, got string "abcd" (4)"##,
              instancePointer: "/abcd", keywordLocation: "/propertyNames"),
        .init(schema: "false", instance: "1", title: "false schema", detail: "no value is allowed here, got integer 1", keywordLocation: ""),
    ]

    @Test(arguments: messageCases)
    func errorMessages(_ c: MessageCase) throws {
        let found = try Self.errors(c.schema, c.instance)
        try #require(found.count == 1, "\(found)")
        #expect(found[0].title == c.title)
        #expect(found[0].detail == c.detail)
        #expect(found[0].instancePointer.description == c.instancePointer)
        #expect(found[0].keywordLocation.description == c.keywordLocation)
    }

    @Test func reportsEveryErrorWithTypedActualValuesTrimmed() throws {
        let long = String(repeating: "x", count: 500)
        let found = try Self.errors(##"{"type":"object","properties":{"id":{"type":"string"},"n":{"type":"integer","maximum":3},"s":{"type":"integer"}},"required":["name"]}"##,
                                    ##"{"id":3,"n":"3","s":"\##(long)"}"##)
        #expect(found.map(\.instancePointer.description) == ["", "/id", "/n", "/s"])
        #expect(found[1].detail == "expected string, got integer 3")
        #expect(found[2].detail == ##"expected integer, got string "3""##)
        #expect(found[3].actual.count <= 90)
        #expect(found[3].actual.hasSuffix("…"))
    }

    @Test func anyOfReportsTheClosestBranch() throws {
        let found = try Self.errors(##"{"anyOf":[{"type":"string"},{"type":"object","required":["id"],"properties":{"n":{"type":"integer"}}}]}"##,
                                    ##"{"n":"x"}"##)
        #expect(found.first?.title == "any of")
        #expect(found.first?.detail.contains("closest is anyOf/1") == true)
        #expect(found.dropFirst().map(\.keywordLocation.description) == ["/anyOf/1/required", "/anyOf/1/properties/n/type"])
    }

    static let petSchema = #"""
    {"components":{"schemas":{
      "Pet":{"oneOf":[{"$ref":"#/components/schemas/Cat"},{"$ref":"#/components/schemas/Dog"}],
             "discriminator":{"propertyName":"petType","mapping":{"cat":"#/components/schemas/Cat","dog":"Dog"}}},
      "Cat":{"type":"object","required":["petType","lives"],"properties":{"petType":{"type":"string"},"lives":{"type":"integer"}}},
      "Dog":{"type":"object","required":["petType","bark"],"properties":{"petType":{"type":"string"},"bark":{"type":"boolean"}}}}}}
    """#

    @Test func discriminatorValidatesOnlyTheNamedBranch() throws {
        let v = SchemaValidator(document: try JSONParser.parse(Self.petSchema), uri: "file:///api/openapi.json")
        let pet = try #require(JSONPointer("/components/schemas/Pet"))
        #expect(v.validate(try JSONParser.parse(##"{"petType":"cat","lives":9}"##), schemaAt: pet).isEmpty)
        #expect(v.validate(try JSONParser.parse(##"{"petType":"dog","bark":true}"##), schemaAt: pet).isEmpty)

        let wrong = v.validate(try JSONParser.parse(##"{"petType":"cat","lives":"nine"}"##), schemaAt: pet)
        #expect(wrong.count == 1)
        #expect(wrong.first?.keywordLocation.description == "/components/schemas/Cat/properties/lives/type")
        #expect(wrong.first?.instancePointer.description == "/lives")

        let unknown = v.validate(try JSONParser.parse(##"{"petType":"bird"}"##), schemaAt: pet)
        #expect(unknown.count == 1)
        #expect(unknown.first?.title == "discriminator")
        #expect(unknown.first?.detail == ##"actual string "bird"; expected one of "cat", "dog" (discriminator "petType")"##)
        #expect(unknown.first?.instancePointer.description == "/petType")

        let missing = v.validate(try JSONParser.parse(##"{"lives":1}"##), schemaAt: pet)
        #expect(missing.map(\.detail) == [##"missing discriminator property "petType"; expected one of "cat", "dog""##])
    }

    @Test func nullableAllowsNullInAdditionToTheType() throws {
        let schema = ##"{"type":"string","nullable":true,"maxLength":3}"##
        #expect(try Self.errors(schema, "null").isEmpty)
        #expect(try Self.errors(schema, ##""abc""##).isEmpty)
        #expect(try Self.errors(schema, "1").map(\.title) == ["type"])
        #expect(try Self.errors(##"{"type":"string"}"##, "null").map(\.detail) == ["expected string, got null"])
    }

    @Test func errorsUnderARefPointAtTheTarget() throws {
        let suite = #"""
        {"definitions":{"InferenceModel":{"type":"object","required":["id"],
            "properties":{"id":{"type":"string"},"model_vendor":{"enum":["openai","cohere"]}}}},
         "operations":[{"responses":{"200":{"schema":{"type":"object",
            "properties":{"items":{"type":"array","items":{"$ref":"#/definitions/InferenceModel"}}}}}}}]}
        """#
        let v = SchemaValidator(document: try JSONParser.parse(suite), uri: "file:///suites/v5.json")
        let pointer = try #require(JSONPointer("/operations/0/responses/200/schema"))
        try v.compile(at: pointer)
        let found = v.validate(try JSONParser.parse(##"{"items":[{"id":"a","model_vendor":"openai"},{"id":7,"model_vendor":"MISTRAL"}]}"##), schemaAt: pointer)
        #expect(found.map(\.instancePointer.description) == ["/items/1/id", "/items/1/model_vendor"])
        #expect(found.map(\.keywordLocation.description) == ["/definitions/InferenceModel/properties/id/type",
                                                             "/definitions/InferenceModel/properties/model_vendor/enum"])
    }

    @Test func refIntoAnotherFileThroughTheRegistry() throws {
        let openapi = try JSONParser.parse(##"{"components":{"schemas":{"Model":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}}}"##)
        let registry = SchemaRegistry(loader: { uri in uri == "file:///specs/openapi.json" ? openapi : nil })
        let suite = try JSONParser.parse(##"{"schema":{"items":{"$ref":"openapi.json#/components/schemas/Model"}}}"##)
        let v = SchemaValidator(document: suite, uri: "file:///specs/suite.json", registry: registry)
        let pointer = try #require(JSONPointer("/schema"))
        try v.compile(at: pointer)
        let found = v.validate(try JSONParser.parse(##"[{"id":"a"},{"id":1}]"##), schemaAt: pointer)
        #expect(found.map(\.keywordLocation.description) == ["/components/schemas/Model/properties/id/type"])
        let resolved = v.resolveReference("openapi.json#/components/schemas/Model", from: pointer.appending("items"))
        #expect(resolved?.documentURI == "file:///specs/openapi.json")
        #expect(resolved?.pointer.description == "/components/schemas/Model")
        // A $ref met inside the other file resolves against that file.
        let inner = v.resolveReference("#/components/schemas/Model/properties/id", from: .root, documentURI: "file:///specs/openapi.json")
        #expect(inner?.schema == ["type": "string"])
        #expect(inner?.documentURI == "file:///specs/openapi.json")
    }

    @Test func unresolvedRefIsACompileErrorAtTheRef() throws {
        let doc = try JSONParser.parse(##"{"definitions":{"A":{"type":"object"}},"schema":{"properties":{"a":{"$ref":"#/definitions/Missing"}}}}"##)
        let v = SchemaValidator(document: doc, uri: "file:///suites/s.json")
        let pointer = try #require(JSONPointer("/schema"))
        do throws(SchemaCompileError) {
            try v.compile(at: pointer)
            Issue.record("compile(at:) accepted an unresolved $ref")
        } catch {
            #expect(error.pointer.description == "/schema/properties/a/$ref")
            #expect(error.message.contains("#/definitions/Missing"))
            #expect(error.documentURI == "file:///suites/s.json")
        }
        // Validation still runs and names the broken reference instead of passing silently.
        let found = v.validate(try JSONParser.parse(##"{"a":1}"##), schemaAt: pointer)
        #expect(found.map(\.title) == ["unresolved reference"])
    }

    @Test func badKeywordValuesAreCompileErrors() throws {
        let v = SchemaValidator(document: try JSONParser.parse(##"{"type":"strin","minimum":"1"}"##), uri: "file:///s.json")
        #expect(v.compileProblems().map(\.pointer.description) == ["/type", "/minimum"])
    }

    @Test func recursiveSchemasTerminate() throws {
        let tree = ##"{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#"}}}}"##
        #expect(try Self.errors(tree, ##"{"children":[{"children":[{"children":[]}]}]}"##).isEmpty)
        #expect(try Self.errors(tree, ##"{"children":[{"children":[1]}]}"##).map(\.instancePointer.description) == ["/children/0/children/0"])
        // Deep data against a recursive schema is fine…
        let deep = String(repeating: "[", count: 300) + "1" + String(repeating: "]", count: 300)
        #expect(try Self.errors(##"{"type":["array","integer"],"items":{"$ref":"#"}}"##, deep).isEmpty)
        // …but a reference cycle that never consumes input is reported, not followed forever.
        let loop = try Self.errors(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##, "1")
        #expect(loop.map(\.title) == ["schema recursion"])
    }

    @Test(arguments: [
        ("date-time", "2024-01-31T12:00:00Z", true), ("date-time", "2024-01-31T12:00:00", false),
        ("date-time", "2023-02-30T00:00:00Z", false), ("date-time", "2024-01-31T12:00:00Zjunk", false),
        ("date", "2024-02-29", true), ("date", "2023-02-29", false), ("time", "23:59:60Z", true), ("time", "22:59:60Z", false),
        ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), ("uuid", "2eb8aa08aa9811eab4aa73b441d16380", false),
        ("uri", "https://example.com/a?b#c", true), ("uri", "/relative", false), ("email", "a.b@example.com", true),
        ("email", "a..b@example.com", false), ("ipv4", "127.0.0.1", true), ("ipv4", "127.1", false),
        ("ipv6", "::1", true), ("ipv6", "1::2::3", false),
    ])
    func formats(_ format: String, _ value: String, _ valid: Bool) {
        #expect(FormatChecker.check(format: format, value: value) == valid)
    }

    @Test func patternsUseECMAMeaningsOfClassEscapes() throws {
        #expect(try Self.errors(##"{"pattern":"^\\d+$"}"##, ##""123""##).isEmpty)
        #expect(try Self.errors(##"{"pattern":"^\\d+$"}"##, ##""১২""##).map(\.title) == ["pattern"])  // Bengali digits
        #expect(try Self.errors(##"{"pattern":"^\\w+$"}"##, ##""é""##).map(\.title) == ["pattern"])
    }

    @Test func multipleOfIsExactForLargeAndDecimalValues() throws {
        #expect(try Self.errors(##"{"multipleOf":0.5}"##, "1e308").isEmpty)
        #expect(try Self.errors(##"{"multipleOf":0.1}"##, "0.3").isEmpty)
        #expect(try Self.errors(##"{"multipleOf":3}"##, "123456789012345678901234567891").map(\.title) == ["multipleOf"])
    }

    @Test func oneValidatorServesManyThreads() throws {
        let v = SchemaValidator(document: try JSONParser.parse(Self.petSchema), uri: "file:///api/openapi.json")
        let names = ["Pet", "Cat", "Dog"]
        let instance = try JSONParser.parse(##"{"petType":"cat","lives":"nine"}"##)
        let expected = names.map { v.validate(instance, schemaAt: JSONPointer(tokens: ["components", "schemas", $0])).count }
        // A fresh validator compiles lazily while several threads ask for different pointers at once.
        let fresh = SchemaValidator(document: try JSONParser.parse(Self.petSchema), uri: "file:///api/openapi.json")
        let counts = Counts()
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let n = fresh.validate(instance, schemaAt: JSONPointer(tokens: ["components", "schemas", names[i % 3]])).count
            counts.record(i % 3, n)
        }
        #expect(counts.snapshot() == expected.map { Set([$0]) })
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Set<Int>] = [[], [], []]
        func record(_ i: Int, _ n: Int) { lock.lock(); seen[i].insert(n); lock.unlock() }
        func snapshot() -> [Set<Int>] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    @Test func unknownFormatsAreAnnotations() throws {
        #expect(FormatChecker.check(format: "hostname", value: "") == nil)
        #expect(try Self.errors(##"{"format":"duration"}"##, ##""nonsense""##).isEmpty)
    }
}
