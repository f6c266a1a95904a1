import ConformCore
@testable import ConformRun

/// A small suite built in code (no loader needed) and helpers to run it against an in-memory transport.
enum RunnerFixture {
    static let secret = "sk-live-TOPSECRET-1234567890"
    static let env = ["FIXTURE_API_KEY": secret]

    static let document = """
    {
      "suite": "fixture",
      "definitions": {
        "List": { "type": "object", "required": ["items", "total"], "description": "list line 10" },
        "Error": { "type": "object", "required": ["detail"] }
      },
      "operations": [
        { "id": "list", "method": "GET", "path": "/v1/models",
          "responses": { "200": { "schema": { "$ref": "#/definitions/List" }, "invariants": ["total >= len(items)"] },
                         "422": { "schema": { "$ref": "#/definitions/Error" } } } },
        { "id": "get", "method": "GET", "path": "/v1/models/{id}",
          "responses": { "200": { "schema": { "type": "object" } } } }
      ],
      "cases": [ { "id": "c", "expect": { "status": 200 } } ]
    }
    """

    static func file() -> SuiteFile {
        let parsed = try? JSONParser.parseWithLocations(Array(document.utf8), options: .init(recordLocations: true))
        return SuiteFile(source: SourceFile(path: "fixture.json", text: document), document: parsed?.value ?? .null,
                         locations: parsed?.locations ?? JSONLocations())
    }

    static func expr(_ s: String) throws -> Expression { try Expression.parse(s) }

    static func suite(cases: [Case] = [], walks: [Walk] = [], crossChecks: [CrossCheck] = [], optionalAuth: Bool = false) throws -> Suite {
        let list = Operation(id: "list", method: "GET", path: "/v1/models",
            parameters: [Parameter(name: "limit", location: .query, schemaPointer: .root, pointer: .root)],
            responses: [
                ResponseSpec(status: 200, schemaPointer: JSONPointer("/operations/0/responses/200/schema"),
                             invariants: [Invariant(expression: try expr("total >= len(items)"), pointer: JSONPointer("/operations/0/responses/200/invariants/0")!)],
                             pointer: JSONPointer("/operations/0/responses/200")!),
                ResponseSpec(status: 422, schemaPointer: JSONPointer("/operations/0/responses/422/schema"), pointer: JSONPointer("/operations/0/responses/422")!),
            ], pointer: JSONPointer("/operations/0")!)
        let get = Operation(id: "get", method: "GET", path: "/v1/models/{id}",
            parameters: [Parameter(name: "id", location: .path, required: true, schemaPointer: .root, pointer: .root)],
            responses: [ResponseSpec(status: 200, schemaPointer: JSONPointer("/operations/1/responses/200/schema"), pointer: JSONPointer("/operations/1/responses/200")!)],
            pointer: JSONPointer("/operations/1")!)
        return Suite(id: "fixture", title: "Fixture", source: "none", baseURL: "http://127.0.0.1:1/api",
                     auth: AuthSpec(placement: .header("x-api-key"), env: "FIXTURE_API_KEY", optional: optionalAuth),
                     operations: [list, get], cases: cases, walks: walks, crossChecks: crossChecks, file: file())
    }

    static func listCase(_ id: String = "list.ok", query: [(String, JSONValue)] = [("limit", 2)], statuses: [Int] = [200],
                         auth: Case.AuthMode = .default) -> Case {
        Case(id: id, name: "lists models", operation: "list", query: query, auth: auth,
             expect: Expectation(statuses: statuses, pointer: JSONPointer("/cases/0/expect")!), pointer: JSONPointer("/cases/0")!)
    }

    static func json(_ status: Int, _ body: String, headers: [Header] = []) -> TransportOutcome {
        .success(HTTPResponse(status: status, headers: [Header("Content-Type", "application/json")] + headers,
                              body: Array(body.utf8), url: ""))
    }

    static func options(retries: Int = 0) -> RunOptions {
        RunOptions(timeout: 5, retryPolicy: RetryPolicy(retries: retries, sleep: { _ in }))
    }

    static func run(_ suite: Suite, transport: any Transport, options: RunOptions = options(),
                    environment: [String: String] = env) async -> RunResult {
        await Runner(transport: transport, options: options, environment: environment).run([suite])
    }
}

