import Testing
@testable import ConformCore

/// The loader's "does a schema name this field?" reads `patternProperties` keys with the same engine and
/// ECMA-262 semantics as validation (`\d` is ASCII), and a refused key mentions nothing.
@Suite struct SchemaMentionsPatternTests {
    static let document = try! JSONParser.parse(#"""
        {"schema": {"type": "object", "patternProperties": {"^meta_\\d+$": {"type": "string"}, "(a)\\1": {}}}}
        """#)

    static let schema = JSONPointer(tokens: ["schema"])

    @Test(arguments: [("meta_12", true), ("meta_", false), ("meta_١", false), ("xmeta_1", false), ("aa", false)])
    func patternPropertiesNameFields(_ field: String, _ mentioned: Bool) {
        let mentions = SchemaMentions(documents: SchemaDocuments(rootURI: "file:///suite.json", root: Self.document))
        #expect(mentions.mentions([field], schemaAt: Self.schema) == mentioned)
    }
}
