import ConformCore
import Foundation
import Testing
@testable import ConformSpec

/// `import openapi`: the generated suite loads strictly, cites the document's lines and encodes what it says.
@Suite struct SuiteImporterTests {
    static func importSuite(_ path: String, _ operations: [String] = [], id: String = "imported", baseURL: String? = nil) throws -> (JSONValue, Suite) {
        let doc = try OpenAPIDocument(path: path)
        var ops = try doc.select(operations)
        if operations.isEmpty { ops = ops.filter { $0.key.method == "GET" } }
        let value = try SuiteImporter(document: doc, citePath: path, suiteID: id, baseURL: baseURL, authEnv: nil).suite(for: ops)
        let text = JSONWriter.write(value, pretty: true)
        let suite = try SuiteLoader.load(source: SourceFile(path: "/tmp/\(id).json", text: text))
        return (value, suite)
    }

    @Test func multiFileOpenAPI30IsNormalisedAndLoads() throws {
        let (value, suite) = try Self.importSuite(SpecFixtures.path("multi/root.yaml"))
        let thing = try #require(value["definitions"]?["Thing"])
        // nullable → type list / enum with null; boolean exclusiveMinimum → numeric; example → examples.
        #expect(thing["properties"]?["label"]?["type"] == ["string", "null"])
        #expect(thing["properties"]?["kind"]?["enum"] == ["small", "large", nil])
        #expect(thing["properties"]?["weight"]?["exclusiveMinimum"] == 0)
        #expect(thing["properties"]?["weight"]?["minimum"] == nil)
        #expect(thing["properties"]?["id"]?["examples"] == ["thing-1"])
        // A key that is not a schema keyword is dropped (a strict suite refuses it) and named in the description.
        #expect(thing["properties"]?["can_patch_me"]?["can_patch"] == nil)
        #expect(value["description"]?.stringValue?.contains("can_patch (") == true)
        // Definitions cite the file and line they come from.
        #expect(thing["description"]?.stringValue?.contains("schemas/things.yml:6:") == true)
        // Bearer auth from securitySchemes; the document's 401 is the rejection status.
        #expect(value["auth"]?["scheme"] == "bearer")
        #expect(value["auth"]?["env"] == "MULTI_API_KEY")
        #expect(value["auth"]?["rejection"]?["status"] == [401])
        // page + per_page: a page walk over `things`, with the total one object down.
        let walk = try #require(suite.walks.first)
        #expect(walk.id == "list_things.walk")
        #expect(value["walks"]?[0]?["total"] == "meta.total")
        #expect(suite.cases.contains { $0.id == "list_things.default" })
        #expect(suite.baseURL == "https://multi.example.com")
    }

    @Test func noDocumentedErrorMeansNoParameterErrorAndASentenceWhy() throws {
        let (value, suite) = try Self.importSuite(SpecFixtures.path("multi/root.yaml"))
        #expect(suite.operations[0].parameterError == nil)
        #expect(value["description"]?.stringValue?.contains("lists no 400 or 422 response") == true)
    }

    @Test func noPaginationParametersMeansNoWalkAndASentenceWhy() throws {
        let (value, suite) = try Self.importSuite(SpecFixtures.path("page.md"), id: "page", baseURL: "https://page.example.com/")
        #expect(suite.walks.isEmpty)
        #expect(value["description"]?.stringValue?.contains("no pagination walk") == true)
        #expect(value["baseUrl"] == "https://page.example.com")
        #expect(value["auth"] == nil)
        // page.md names no server: without --base-url the import says what to give.
        do { _ = try Self.importSuite(SpecFixtures.path("page.md"), id: "page"); Issue.record("imported without a base URL") } catch {
            #expect(error.localizedDescription.contains("--base-url") || "\(error)".contains("--base-url"))
        }
    }

    @Test(.enabled(if: SpecFixtures.hasShared, "needs ../shared (CONFORM_SHARED)"))
    func scaleV4SeedImportsWithBoundsParameterErrorAndWalk() throws {
        let path = SpecFixtures.seeds + "/scale-gp-v4-list-models.openapi.txt"
        let (value, suite) = try Self.importSuite(path, id: "scale-v4")
        let op = try #require(suite.operations.first)
        #expect(op.parameterError?.status == 422)
        let limit = try #require(value["operations"]?[0]?["parameters"]?["limit"]?["schema"])
        #expect(limit["minimum"] == 1 && limit["maximum"] == 10000)
        // The probes come from those bounds.
        let probes = SuitePlan.probes(for: suite).map(\.id)
        #expect(probes.contains("GET-V4-models.limit.above-maximum"))
        #expect(suite.walks.first?.rules.count == 5)
        #expect(value["definitions"]?["PaginatedModelInstanceResponseWithViews"]?["description"]?.stringValue?.hasPrefix(path + ":204:") == true)
        #expect(value["auth"] == nil, "v4's OpenAPI block says security: []")
    }
}
