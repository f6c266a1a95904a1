import ConformCore
import Foundation
import Testing
@testable import ConformSpec

/// Reading: YAML, Markdown pages (positions stay the page's), many files, positioned errors.
@Suite struct DocumentReaderTests {
    @Test func markdownPageKeepsThePagesLines() throws {
        let file = try DocumentReader.read(path: SpecFixtures.path("page.md"))
        #expect(file.value["openapi"] == "3.1.0")
        // `/paths/~1models/get` sits on line 12 of the page (line 7 of the fenced block).
        #expect(file.line(of: JSONPointer("/paths/~1models/get")!) == 12)
        #expect(file.location(of: JSONPointer("/info/title")!).column == 3)
    }

    @Test func brokenYAMLInAPageIsPositionedOnThePage() {
        do {
            _ = try DocumentReader.read(path: SpecFixtures.path("page-bad.md"))
            Issue.record("a page with broken YAML was read")
        } catch {
            // The unterminated string opens on line 6; the reader stops at the line that cannot continue it (7).
            #expect(error.rendered.contains("page-bad.md:7:1: error:"), "\(error.rendered)")
        }
    }

    @Test func unresolvedRefIsPositionedAtTheRef() {
        do {
            let doc = try OpenAPIDocument(path: SpecFixtures.path("broken-ref.yaml"))
            _ = try SchemaFacts(doc.operations[0].success!.schema!, documents: doc.documents)
            Issue.record("an unresolved $ref went unnoticed")
        } catch {
            #expect(error.rendered.contains("broken-ref.yaml:11:"), "\(error.rendered)")
            #expect(error.message.contains("#/components/schemas/Modle"))
        }
    }

    @Test func refsAcrossFilesResolveRelativeToTheFileHoldingThem() throws {
        let doc = try OpenAPIDocument(path: SpecFixtures.path("multi/root.yaml"))
        let op = try #require(doc.operations.first)
        #expect(op.key.description == "GET /v1/things")
        #expect(op.operationId == "list_things")
        let list = try SchemaFacts(try #require(op.success?.schema), documents: doc.documents)
        let things = try #require(list.property("things"))
        let item = try SchemaFacts(try #require(try SchemaFacts(things, documents: doc.documents).items), documents: doc.documents)
        #expect(item.required == ["id"])
        #expect(doc.documents.location(of: item.node).description.hasSuffix("schemas/things.yml:6:1"))
        // The 401 response is a $ref into another file.
        #expect(op.response("401")?.schema != nil)
    }

    @Test func swaggerAndNonOpenAPIAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let swagger = dir.appendingPathComponent("s.json").path
        try Data(#"{"swagger": "2.0", "paths": {}}"#.utf8).write(to: URL(fileURLWithPath: swagger))
        #expect(throws: SpecError.self) { try OpenAPIDocument(path: swagger) }
        let other = dir.appendingPathComponent("o.yaml").path
        try Data("title: nothing\n".utf8).write(to: URL(fileURLWithPath: other))
        do { _ = try OpenAPIDocument(path: other); Issue.record("accepted a document without openapi") } catch {
            #expect(error.rendered.contains("o.yaml:1:1"))
        }
    }

    @Test(.enabled(if: SpecFixtures.hasShared, "needs ../shared (CONFORM_SHARED)"))
    func seedPageLocationsAreTheSeedsLines() throws {
        let doc = try OpenAPIDocument(path: SpecFixtures.seeds + "/scale-gp-v4-list-models.openapi.txt")
        let file = doc.rootFile
        #expect(file.line(of: JSONPointer("/components/schemas/PaginatedModelInstanceResponseWithViews")!) == 204)
        #expect(file.line(of: JSONPointer("/components/schemas/ModelVendor/enum")!) == 460)
    }
}
