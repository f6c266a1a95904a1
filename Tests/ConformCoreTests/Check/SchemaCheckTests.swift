import Testing
@testable import ConformCore

/// `schema`: one finding per schema error, named `schema.<keyword>`, located in the suite and cited.
@Suite struct SchemaCheckTests {
    static let suiteText = """
    {
      "definitions": {
        "Model": {
          "type": "object",
          "description": "list line 40: a model",
          "required": ["id"],
          "properties": { "vendor": { "enum": ["openai", "cohere"] } }
        }
      }
    }
    """

    func file() throws -> SuiteFile {
        let parsed = try JSONParser.parseWithLocations(Array(Self.suiteText.utf8), options: .init(recordLocations: true))
        return SuiteFile(source: SourceFile(path: "suite.json", text: Self.suiteText), document: parsed.value, locations: parsed.locations)
    }

    @Test func passesOnAConformingBody() throws {
        let f = try file()
        let v = SchemaValidator(document: f.document, uri: "file:///suite.json")
        let r = SchemaCheck.evaluate(CheckFixture.json(#"{"id": "m", "vendor": "openai"}"#),
                                     schemaAt: JSONPointer(tokens: ["definitions", "Model"]), validator: v, file: f)
        #expect(r.status == .passed)
        #expect(r.name == "body matches schema")
    }

    @Test func failsWithOneFindingPerError() throws {
        let f = try file()
        let v = SchemaValidator(document: f.document, uri: "file:///suite.json")
        let r = SchemaCheck.evaluate(CheckFixture.json(#"{"vendor": "MISTRAL"}"#),
                                     schemaAt: JSONPointer(tokens: ["definitions", "Model"]), validator: v, file: f)
        #expect(r.status == .failed)
        let checks = Set(r.findings.map(\.check))
        #expect(checks == ["schema.required", "schema.enum"])
        let e = r.findings.first { $0.check == "schema.enum" }
        #expect(e?.pointer == "/vendor")
        #expect(e?.rulePointer == "/definitions/Model/properties/vendor/enum")
        #expect(e?.ruleLocation == "suite.json:7:43")
        #expect(e?.citation == "list line 40: a model")
    }

    @Test func citationIsTheNearestDescriptionAbove() {
        let doc = CheckFixture.json(#"{"description": "top", "a": {"description": "near", "b": {"enum": [1]}}}"#)
        #expect(SchemaCheck.citation(above: JSONPointer(tokens: ["a", "b", "enum"]), in: doc) == "near")
        #expect(SchemaCheck.citation(above: JSONPointer(tokens: ["x"]), in: doc) == "top")
    }
}
