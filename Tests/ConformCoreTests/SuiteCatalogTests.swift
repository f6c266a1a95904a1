import Testing
@testable import ConformCore

/// The operation-level `catalog` member (strict, positioned errors) and how a list's get-by-id operation is found.
@Suite struct SuiteCatalogTests {
    static func suite(operations: String, walks: String = "[]", crossChecks: String = "[]") -> String {
        """
        {
          "suite": "cat",
          "title": "Catalog fixture",
          "source": "test",
          "baseUrl": "https://api.example.com",
          "definitions": {
            "List": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/definitions/Model" } } } },
            "Model": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } } }
          },
          "operations": \(operations),
          "walks": \(walks),
          "crossChecks": \(crossChecks)
        }
        """
    }

    static let list = ##"{ "id": "list", "method": "GET", "path": "/v1/models", "responses": { "200": { "schema": { "$ref": "#/definitions/List" } } } }"##
    static let get = ##"{ "id": "get", "method": "GET", "path": "/v1/models/{model}", "parameters": { "model": { "in": "path", "schema": { "type": "string" } } }, "responses": { "200": { "schema": { "$ref": "#/definitions/Model" } } } }"##

    static func load(_ text: String) throws(SuiteLoadFailure) -> Suite {
        try SuiteLoader.load(source: SourceFile(path: "cat.json", text: text))
    }

    static func problems(_ text: String) -> [String] {
        do { _ = try load(text); return [] } catch {
            return error.rendered.split(separator: "\n").map(String.init).filter { $0.hasPrefix("cat.json:") }
        }
    }

    @Test func catalogMemberLoads() throws {
        let op = ##"{ "id": "list", "method": "GET", "path": "/v1/models", "catalog": { "items": "data", "itemId": "name" }, "responses": { "200": { "schema": { "$ref": "#/definitions/List" } } } }"##
        let suite = try Self.load(Self.suite(operations: "[\(op)]"))
        let spec = try #require(suite.operation("list")?.catalog)
        #expect(spec.items.source == "data")
        #expect(spec.itemId == "name")
        let plain = try Self.load(Self.suite(operations: "[\(Self.list)]"))
        #expect(plain.operation("list")?.catalog == nil)
    }

    @Test func catalogMemberIsCheckedStrictlyWithPositions() {
        let typo = ##"{ "id": "list", "method": "GET", "path": "/v1/models", "catalog": { "itmes": "data" }, "responses": { "200": { "schema": { "$ref": "#/definitions/List" } } } }"##
        let lines = Self.problems(Self.suite(operations: "[\(typo)]"))
        #expect(lines.contains { $0.hasPrefix("cat.json:10:") && $0.contains(#"catalog is missing required key "items""#) }, "\(lines)")
        #expect(lines.contains { $0.contains(#"unknown key "itmes" in catalog; did you mean "items"?"#) && $0.contains("(at /operations/0/catalog/itmes)") }, "\(lines)")

        let field = ##"{ "id": "list", "method": "GET", "path": "/v1/models", "catalog": { "items": "dta" }, "responses": { "200": { "schema": { "$ref": "#/definitions/List" } } } }"##
        let fieldLines = Self.problems(Self.suite(operations: "[\(field)]"))
        #expect(fieldLines.contains { $0.contains(#"reads body field "dta""#) && $0.contains(#"did you mean "data"?"#) }, "\(fieldLines)")

        let empty = #"{ "id": "list", "method": "GET", "path": "/v1/models", "catalog": { "items": "data", "itemId": "" }, "responses": { "200": {} } }"#
        #expect(Self.problems(Self.suite(operations: "[\(empty)]")).contains { $0.contains(#""itemId" must not be empty"#) })
    }

    @Test func catalogMemberIsRefusedOnAWalkedOperation() {
        let op = ##"{ "id": "list", "method": "GET", "path": "/v1/models", "parameters": { "page": { "in": "query", "schema": { "type": "integer" } } }, "catalog": { "items": "data" }, "responses": { "200": { "schema": { "$ref": "#/definitions/List" } } } }"##
        let walk = #"[{ "id": "all", "operation": "list", "pageParam": "page", "size": 10, "items": "data", "checks": ["noDuplicateIds"] }]"#
        let lines = Self.problems(Self.suite(operations: "[\(op)]", walks: walk))
        #expect(lines.contains { $0.contains(#"operation "list" has a walk ("all""#) && $0.contains("(at /operations/0/catalog)") }, "\(lines)")
    }

    @Test func getByIDIsTheOperationWhosePathExtendsTheListPath() throws {
        let suite = try Self.load(Self.suite(operations: "[\(Self.list), \(Self.get)]"))
        let found = try #require(suite.getByID(forList: "list"))
        #expect(found.operation.id == "get")
        #expect(found.pathParam == "model")
        #expect(suite.getByID(forList: "get") == nil)
    }

    @Test func getByIDIgnoresOperationsThatDoNotExtendTheListPath() throws {
        let other = #"{ "id": "other", "method": "GET", "path": "/v1/files/{model}", "parameters": { "model": { "in": "path", "schema": { "type": "string" } } }, "responses": { "200": {} } }"#
        let deeper = #"{ "id": "deeper", "method": "GET", "path": "/v1/models/{model}/versions", "parameters": { "model": { "in": "path", "schema": { "type": "string" } } }, "responses": { "200": {} } }"#
        let delete = #"{ "id": "delete", "method": "DELETE", "path": "/v1/models/{model}", "parameters": { "model": { "in": "path", "schema": { "type": "string" } } }, "responses": { "204": {} } }"#
        let suite = try Self.load(Self.suite(operations: "[\(Self.list), \(other), \(deeper), \(delete)]"))
        #expect(suite.getByID(forList: "list") == nil)
    }

    @Test func aCrossCheckNamesTheGetByIDOperation() throws {
        let fetch = ##"{ "id": "fetch", "method": "GET", "path": "/v2/model/{name}", "parameters": { "name": { "in": "path", "schema": { "type": "string" } } }, "responses": { "200": { "schema": { "$ref": "#/definitions/Model" } } } }"##
        let cross = #"[{ "id": "x", "list": "list", "items": "data", "fetch": "fetch", "pathParam": "name", "agree": ["id"] }]"#
        let suite = try Self.load(Self.suite(operations: "[\(Self.list), \(Self.get), \(fetch)]", crossChecks: cross))
        let found = try #require(suite.getByID(forList: "list"))
        #expect(found.operation.id == "fetch")
        #expect(found.pathParam == "name")
    }
}
