import Foundation
import Testing
import ConformCore
@testable import ConformMock

/// `MockApp` behind `HTTPServer` on loopback, as `conform mock` runs it: real sockets, keep-alive,
/// pipelining, and hostile requests that must not stop it serving.
@Suite(.serialized) struct MockOverHTTPTests {
    @Test func servesTheSuiteOverSocketsAndSurvivesHostileClients() throws {
        let suite = try #require(FixtureSuites.all.first { $0.id == "fixture-gradient" })
        let app = MockApp(suites: [suite], seed: 1, models: 23, credentials: ["FIXTURE_TOKEN": "t0k"])
        let server = try HTTPServer(handler: app.handle)
        server.headTimeout = 0.5
        try server.start()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let request = "GET /v2/gen-ai/models?page=2&per_page=7 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t0k\r\n\r\n"
        client.send(request + request + "HEAD /v2/gen-ai/models HTTP/1.1\r\nAuthorization: Bearer t0k\r\n\r\n")
        let first = try #require(client.readResponse())
        let second = try #require(client.readResponse())
        #expect(first.status == 200 && first.headers["content-type"] == "application/json")
        #expect(first.body == second.body, "the same request gets the same bytes")
        let body = try JSONParser.parse(Array(first.body.utf8))
        #expect(body["meta"]?["page"] == 2 && body["models"]?.arrayValue?.count == 7)
        let next: String = body["links"]?["pages"]?["next"]?.stringValue ?? ""
        #expect(next.hasPrefix("http://127.0.0.1/v2/gen-ai/models?"))

        for hostile in ["NOT HTTP\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", "GET /v2/gen-ai/models HTTP/1.1\r\nAuthor"] {
            let bad = try RawClient(port: server.port)
            bad.send(hostile)
            #expect([400, 408].contains(bad.readResponse()?.status ?? 0), "\(hostile)")
            #expect(bad.isClosedByPeer())
        }
        let after = try RawClient(port: server.port)
        after.send("GET /v2/gen-ai/models HTTP/1.1\r\n\r\n")
        #expect(after.readResponse()?.status == 401, "still serving, and still asking for the credential")
    }
}
