import ConformCore
import Testing
@testable import ConformRun

/// URLs, query text and auth headers built from suite values.
@Suite struct RequestBuilderTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080/api/v1", "/models/list", "http://127.0.0.1:8080/api/v1/models/list"),
        ("http://127.0.0.1:8080/api/v1/", "/models/list", "http://127.0.0.1:8080/api/v1/models/list"),
        ("https://api.example.com", "/v5/models", "https://api.example.com/v5/models"),
        ("https://api.example.com", "v5/models", "https://api.example.com/v5/models"),
    ])
    func baseURLPrefixIsKept(base: String, path: String, expected: String) throws {
        #expect(try RequestBuilder.url(baseURL: base, path: path) == expected)
    }

    @Test(arguments: [
        ("limit", JSONValue.number(JSONNumber(text: "1001")), "limit=1001"),
        ("ratio", .number(JSONNumber(text: "1.50")), "ratio=1.50"),
        ("big", .number(JSONNumber(text: "1e400")), "big=1e400"),
        ("flag", .bool(true), "flag=true"),
        ("off", .bool(false), "off=false"),
        ("empty", .null, "empty="),
        ("name", .string("a b&c=d/é"), "name=a%20b%26c%3Dd%2F%C3%A9"),
        ("sort_by", .string("display_name:asc"), "sort_by=display_name%3Aasc"),
        ("view", .array(["a", "b"]), "view=a&view=b"),
        ("filter", .object(JSONObject([("k", .number(JSONNumber(1)))])), "filter=%7B%22k%22%3A1%7D"),
    ])
    func queryValuesAreWrittenAsTheirJSONTextSays(name: String, value: JSONValue, expected: String) throws {
        #expect(try RequestBuilder.url(baseURL: "http://h", path: "/x", query: [(name, value)]) == "http://h/x?" + expected)
    }

    @Test func commaStyleJoinsArrays() throws {
        let url = try RequestBuilder.url(baseURL: "http://h", path: "/x", query: [("sort_by", ["a:asc", "b,c"]), ("view", ["x", "y"])]) {
            $0 == "sort_by" ? .comma : .form
        }
        #expect(url == "http://h/x?sort_by=a%3Aasc,b%2Cc&view=x&view=y")
    }

    @Test func pathParametersAreFilledAndEncoded() throws {
        let url = try RequestBuilder.url(baseURL: "http://h/api", path: "/v5/models/{model_id}/versions/{n}",
                                         pathValues: ["model_id": "gpt 4/o", "n": 3])
        #expect(url == "http://h/api/v5/models/gpt%204%2Fo/versions/3")
    }

    @Test(arguments: [
        ("ftp-less", "/x", [String: JSONValue](), "base URL 'ftp-less' is not absolute (expected http://host[:port][/prefix])"),
        ("http://h?x=1", "/x", [:], "base URL 'http://h?x=1' must not carry a query or fragment"),
        ("http://h", "/m/{id}", [:], "path parameter 'id' of '/m/{id}' has no value"),
        ("http://h", "/m/{id", [:], "path '/m/{id' has an unclosed '{'"),
        ("http://h", "/m/{id}", ["id": ""], "path parameter 'id' is empty"),
    ])
    func badInputIsAnErrorNotACrash(base: String, path: String, values: [String: JSONValue], message: String) {
        #expect(throws: RequestBuildError(message)) { try RequestBuilder.url(baseURL: base, path: path, pathValues: values) }
    }

    @Test func operationPlacesParametersAndTheCredential() throws {
        let p = JSONPointer.root
        let operation = Operation(id: "get", method: "get", path: "/v5/models/{model_id}", parameters: [
            Parameter(name: "model_id", location: .path, schemaPointer: p, pointer: p),
            Parameter(name: "view", location: .query, schemaPointer: p, arrayStyle: .comma, pointer: p),
            Parameter(name: "x-trace", location: .header, schemaPointer: p, pointer: p),
        ], pointer: p)
        let auth = AuthSpec(placement: .bearer, env: "OPENAI_API_KEY")
        let request = try RequestBuilder.request(
            operation: operation, baseURL: "http://127.0.0.1:8080/api",
            values: [("model_id", "m-1"), ("view", ["a", "b"]), ("x-trace", 7), ("undeclared", "u")],
            auth: auth, credential: auth.headerValue(secret: "sk-123"))
        #expect(request.method == "GET")
        #expect(request.url == "http://127.0.0.1:8080/api/v5/models/m-1?view=a,b&undeclared=u")
        #expect(request.headers == [Header("x-trace", "7"), Header("Authorization", "Bearer sk-123")])
    }
}
