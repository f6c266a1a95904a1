import Foundation
import Testing
import ConformCore
@testable import ConformMock

/// Behaviour of `MockApp` one rule at a time: routing, auth, parameters, dataset consistency, drifts.
@Suite struct MockAppTests {
    static func suite(_ id: String) throws -> Suite { try #require(FixtureSuites.all.first { $0.id == id }) }

    static func get(_ app: MockApp, _ target: String, headers: [Header] = [Header("x-api-key", "k"), Header("Authorization", "Bearer k")])
        -> (status: Int, headers: [Header], body: JSONValue?) {
        guard case .response(let r) = app.handle(HTTPServerRequest(method: "GET", target: target, headers: headers + [Header("Host", "127.0.0.1:9")])) else {
            return (0, [], nil)
        }
        return (r.status, r.headers, try? JSONParser.parse(r.body))
    }

    @Test func synthesisIsDeterministicPerSeed() throws {
        let s = try Self.suite("fixture-get")
        let a = Self.get(MockApp(suites: [s], seed: 3, credentials: [:]), "/v5/models?limit=20").body
        let b = Self.get(MockApp(suites: [s], seed: 3, credentials: [:]), "/v5/models?limit=20").body
        let c = Self.get(MockApp(suites: [s], seed: 4, credentials: [:]), "/v5/models?limit=20").body
        #expect(a != nil && a == b)
        #expect(a != c)
    }

    @Test(arguments: [UInt64(1), 2, 3, 99])
    func synthesisedBodiesValidateAgainstTheirSchemas(seed: UInt64) throws {
        let s = try Self.suite("fixture-get")
        let app = MockApp(suites: [s], seed: seed, models: 40, credentials: [:])
        let validator = s.file.makeSchemaValidator()
        let list = try #require(Self.get(app, "/v5/models?limit=1000").body)
        #expect(validator.validate(list, schemaAt: try #require(s.operation("list")?.successResponse?.schemaPointer)).isEmpty)
        for item in list["items"]?.arrayValue ?? [] {
            let id = try #require(item["id"]?.stringValue)
            let got = try #require(Self.get(app, "/v5/models/\(id)").body)
            #expect(validator.validate(got, schemaAt: try #require(s.operation("get")?.successResponse?.schemaPointer)).isEmpty, "\(got)")
            for member in ["id", "name", "model_vendor", "status"] { #expect(got[member] == item[member]) }
        }
    }

    @Test func pagesPartitionTheDatasetAndTotalsAgree() throws {
        let s = try Self.suite("fixture-gradient")
        let app = MockApp(suites: [s], seed: 1, models: 23, credentials: [:])
        var ids: [String] = []
        for page in 1...4 {
            let body = try #require(Self.get(app, "/v2/gen-ai/models?page=\(page)&per_page=7").body)
            let models = body["models"]?.arrayValue ?? []
            #expect(models.count == (page < 4 ? 7 : 2))
            #expect(body["meta"]?["total"] == 23 && body["meta"]?["pages"] == 4 && body["meta"]?["page"] == JSONValue(page))
            #expect((body["links"]?["pages"]?["next"] != nil) == (page < 4))
            #expect((body["links"]?["pages"]?["previous"] != nil) == (page > 1))
            ids += models.compactMap { $0["uuid"]?.stringValue }
        }
        #expect(ids.count == 23 && Set(ids).count == 23)
        #expect(Self.get(app, "/v2/gen-ai/models?page=5&per_page=7").body?["models"]?.arrayValue?.isEmpty == true)
    }

    @Test func filtersAndSortingHold() throws {
        let s = try Self.suite("fixture-get")
        let app = MockApp(suites: [s], seed: 1, credentials: [:])
        let all = try #require(Self.get(app, "/v5/models?limit=1000").body?["items"]?.arrayValue)
        // The vendor case's rule (`all(items[*].model_vendor, v => v == "cohere")`) holds on its own request …
        let cohere = try #require(Self.get(app, "/v5/models?model_vendor=cohere").body?["items"]?.arrayValue)
        #expect(!cohere.isEmpty && cohere.allSatisfy { $0["model_vendor"] == "cohere" })
        #expect(cohere.count <= all.filter { $0["model_vendor"] == "cohere" }.count)
        // … and nowhere else: the rule names no parameter, so another query is not filtered.
        let mixed = try #require(Self.get(app, "/v5/models?limit=1000&model_vendor=cohere").body?["items"]?.arrayValue)
        #expect(mixed.count == all.count)
        #expect(Self.get(app, "/v5/models?unknown_sdk_param=1&sort_by=name%3Aasc").status == 200, "unknown parameters are ignored")
        let web = try Self.suite("fixture-webui")
        let webApp = MockApp(suites: [web], seed: 1, credentials: [:])
        // A case's rule applies to its own query; a rule that reads request.query.X to any request sending X.
        let names = (Self.get(webApp, "/api/models/list?order_by=name&direction=asc").body?["items"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(names.count == 30 && names == names.sorted(by: <))
        let created = (Self.get(webApp, "/api/models/list?order_by=created_at").body?["items"]?.arrayValue ?? []).compactMap { $0["created_at"]?.numberValue?.doubleValue }
        #expect(created.count == 30 && created == created.sorted(by: >))
    }

    @Test func rejectsParametersWithTheDocumentedShape() throws {
        let app = MockApp(suites: [try Self.suite("fixture-get")], credentials: [:])
        let r = Self.get(app, "/v5/models?limit=1001")
        #expect(r.status == 422)
        let detail = try #require(r.body?["detail"]?[0])
        #expect(detail["loc"] == ["query", "limit"] && detail["type"] == "less_than_equal" && detail["msg"]?.stringValue?.isEmpty == false)
        #expect(Self.get(app, "/v5/models?limit=abc").body?["detail"]?[0]?["type"] == "int_parsing")
        #expect(Self.get(app, "/v5/models?model_vendor=nope").body?["detail"]?[0]?["type"] == "enum")
        #expect(Self.get(app, "/v5/models?limit=1000").status == 200)
    }

    @Test func authRoutingAndMethods() throws {
        let s = try Self.suite("fixture-get")
        let app = MockApp(suites: [s], credentials: ["FIXTURE_KEY": "secret"])
        #expect(Self.get(app, "/v5/models", headers: []).status == 401)
        #expect(Self.get(app, "/v5/models", headers: [Header("x-api-key", "wrong")]).status == 401)
        #expect(Self.get(app, "/v5/models", headers: [Header("x-api-key", "secret")]).status == 200)
        let open = MockApp(suites: [s], credentials: [:])
        #expect(Self.get(open, "/v5/models", headers: [Header("x-api-key", "anything")]).status == 200, "unset variable: any non-empty key")
        #expect(Self.get(open, "/v5/models", headers: [Header("x-api-key", "")]).status == 401)
        #expect(Self.get(open, "/nowhere").status == 404)
        #expect(Self.get(open, "/v5/models/no-such-id").status == 404)
        guard case .response(let r) = open.handle(HTTPServerRequest(method: "DELETE", target: "/v5/models", headers: [Header("x-api-key", "k")])) else {
            Issue.record("no response"); return
        }
        #expect(r.status == 405)
        #expect(r.headers.first { $0.name == "Allow" }?.value == "GET, HEAD")
    }

    @Test func severalSuitesUnderTheirBasePathsAndAnyID() throws {
        let app = MockApp(suites: [try Self.suite("fixture-webui"), try Self.suite("fixture-openai"), try Self.suite("fixture-get")],
                          anyID: true, credentials: [:])
        #expect(Self.get(app, "/api/models/list").body?["total"] == 57)
        #expect(Self.get(app, "/v1/models").body?["object"] == "list")
        #expect(Self.get(app, "/models").status == 404)
        let any = Self.get(app, "/v5/models/placeholder-id")
        #expect(any.status == 200 && any.body?["id"] == "placeholder-id")
    }

    @Test func requiredFieldDriftRemovesExactlyThatField() throws {
        let s = try Self.suite("fixture-get")
        let drift = try #require(DriftCatalog.drifts(for: s).first { $0.name == "drop-required:Model.model_vendor" })
        #expect(drift.expectedCheck == "schema.required")
        #expect(drift.rulePointer?.description == "/definitions/Model/required")
        let items = try #require(Self.get(MockApp(suites: [s], drift: drift, credentials: [:]), "/v5/models?limit=1000").body?["items"]?.arrayValue)
        let clean = try #require(Self.get(MockApp(suites: [s], credentials: [:]), "/v5/models?limit=1000").body?["items"]?.arrayValue)
        #expect(items.filter { $0["model_vendor"] == nil }.count == 1)
        #expect(zip(items, clean).filter { $0 != $1 }.count == 1, "one object changed")
    }

    @Test func paginationAndContentDriftsChangeWhatTheySay() throws {
        let s = try Self.suite("fixture-gradient")
        let drifts = DriftCatalog.drifts(for: s)
        func page(_ name: String, _ target: String = "/v2/gen-ai/models?page=2&per_page=7") throws -> (status: Int, headers: [Header], body: JSONValue?) {
            let d = try #require(drifts.first { $0.name == name })
            return Self.get(MockApp(suites: [s], models: 23, drift: d, credentials: [:]), target)
        }
        #expect(try page("one-too-many:list").body?["models"]?.arrayValue?.count == 8)
        #expect(try page("page-invariant:walk.1").body?["meta"]?["page"] != 2)
        #expect(try page("total-too-small:list").body?["meta"]?["total"] == 22)
        #expect(try page("next-link-missing:list").body?["links"]?["pages"]?["next"] == nil)
        #expect(try page("bound-accepted:list.per_page", "/v2/gen-ai/models?per_page=500").status == 200)
        #expect(try page("text-plain:list").headers.contains { $0.value.hasPrefix("text/plain") })
        #expect(try page("auth-not-enforced", "/v2/gen-ai/models").status == 200)
    }
}
