import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// The URLSession defaults FACTS.md warns about, each replaced and proven against a loopback server — for
/// both network transports.
@Suite struct TransportSafetyTests {
    let secret = "sk-test-0123456789abcdef"

    @Test(arguments: TransportKind.allCases)
    func redirectToAnotherPortIsRefusedAndTheCredentialStaysHome(kind: TransportKind) async throws {
        let transport = kind.make()
        let elsewhere = try kind.server { _, connection in connection.respond(status: 200, body: "{}") }
        defer { elsewhere.stop() }
        let target = elsewhere.baseURL + "/steal"
        let origin = try kind.server { _, connection in
            connection.respond(status: 302, headers: [("Location", target)])
        }
        defer { origin.stop() }
        let request = HTTPRequest(url: origin.baseURL + "/v1/models", headers: [Header("x-api-key", secret),
                                                                                Header("Authorization", "Bearer \(secret)")])
        let (outcome, seconds) = await timed { await transport.send(request, timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .redirectToOtherOrigin(location: target))
        #expect(error.message.contains("127.0.0.1:\(origin.port) redirected to another origin (\(target))"))
        #expect(origin.requests.first?.header("x-api-key") == secret)
        // The other origin must not have been contacted at all, so it cannot have seen the credential.
        #expect(elsewhere.requests.isEmpty)
        #expect(!elsewhere.requests.contains { $0.header("x-api-key") != nil || $0.header("Authorization") != nil })
        #expect(seconds < 5)
    }

    @Test(arguments: TransportKind.allCases)
    func sameOriginRedirectIsFollowed(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { request, connection in
            if request.target == "/old" {
                connection.respond(status: 301, headers: [("Location", "/new?x=1")])
            } else {
                connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: #"{"ok":true}"#)
            }
        }
        defer { server.stop() }
        let outcome = await transport.send(HTTPRequest(url: server.baseURL + "/old", headers: [Header("x-api-key", secret)]), timeout: 5)
        let response = try #require(outcome.response, "got \(outcome.error?.message ?? "")")
        #expect(response.status == 200)
        #expect(response.url == server.baseURL + "/new?x=1")
        #expect(response.redirects == [server.baseURL + "/new?x=1"])
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
        #expect(server.requests.map(\.target) == ["/old", "/new?x=1"])
    }

    @Test(arguments: TransportKind.allCases)
    func redirectLoopStopsAtTheLimit(kind: TransportKind) async throws {
        let server = try kind.server { request, connection in
            connection.respond(status: 302, headers: [("Location", request.target == "/a" ? "/b" : "/a")])
        }
        defer { server.stop() }
        let limited = kind.make(.init(maxRedirects: 3))
        let (outcome, seconds) = await timed { await limited.send(HTTPRequest(url: server.baseURL + "/a"), timeout: 5) }
        #expect(outcome.error?.kind == .tooManyRedirects(limit: 3))
        #expect(server.requests.count == 4)
        #expect(seconds < 5)
    }

    @Test(arguments: TransportKind.allCases)
    func cookiesAreNeitherKeptNorSent(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { _, connection in
            connection.respond(status: 200, headers: [("Set-Cookie", "session=abc123; Path=/")], body: "{}")
        }
        defer { server.stop() }
        let first = await transport.send(HTTPRequest(url: server.baseURL + "/one"), timeout: 5)
        #expect(first.response?.header("Set-Cookie")?.contains("session=abc123") == true)
        _ = await transport.send(HTTPRequest(url: server.baseURL + "/two"), timeout: 5)
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.header("Cookie") == nil })
    }

    @Test(arguments: TransportKind.allCases)
    func ourOwnDefaultHeadersAreSent(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { _, connection in connection.respond(status: 200, body: "{}") }
        defer { server.stop() }
        _ = await transport.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        _ = await transport.send(HTTPRequest(url: server.baseURL + "/", headers: [Header("Accept", "text/html")]), timeout: 5)
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].header("User-Agent") == "conform/\(ConformVersion.current)")
        #expect(requests[0].header("Accept") == "application/json")
        #expect(requests[0].header("Accept-Encoding") == "identity")
        #expect(requests[1].header("Accept") == "text/html")
    }

    @Test(arguments: TransportKind.allCases)
    func methodBodyAndHeadersArriveAsGiven(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { request, connection in
            connection.respond(status: 201, headers: [("Content-Type", "application/json"), ("X-Echo", request.method)],
                               body: String(decoding: request.body, as: UTF8.self))
        }
        defer { server.stop() }
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/items?a=1",
                                  headers: [Header("Content-Type", "application/json")], body: Array(#"{"n":1}"#.utf8))
        let response = try #require(await transport.send(request, timeout: 5).response)
        #expect(response.status == 201)
        #expect(response.header("x-echo") == "POST")
        #expect(response.mediaType == "application/json")
        #expect(response.body == Array(#"{"n":1}"#.utf8))
        #expect(server.requests.first?.target == "/items?a=1")
    }

    @Test(arguments: TransportKind.allCases)
    func echoedSecretIsRedactedInTheRecordedResponse(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { request, connection in
            let echoed = request.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            connection.respond(status: 401, headers: [("X-Seen-Key", request.header("x-api-key") ?? "")],
                               body: #"{"detail":"bad key","headers":"\#(echoed)"}"#)
        }
        defer { server.stop() }
        let redactor = Redactor(secrets: [Secret(env: "SGP_API_KEY", value: secret)], headerNames: ["x-api-key"])
        let request = HTTPRequest(url: server.baseURL + "/v5/models?key=\(secret)", headers: [Header("x-api-key", secret)])
        let response = try #require(await transport.send(request, timeout: 5).response)
        #expect(String(decoding: response.body, as: UTF8.self).contains(secret), "the server must really echo it")
        let recordedResponse = redactor.record(response)
        let recordedRequest = redactor.record(request.withDefaultHeaders())
        let everything = "\(recordedResponse)\(recordedRequest)"
        #expect(!everything.contains(secret))
        // URLSession rewrites the name as `X-Api-Key` on the wire.
        #expect(recordedResponse.bodyExcerpt.lowercased().contains("x-api-key: $sgp_api_key"))
        #expect(recordedResponse.headers.contains(Header("X-Seen-Key", "$SGP_API_KEY")))
        #expect(recordedRequest.url.hasSuffix("/v5/models?key=$SGP_API_KEY"))
        #expect(recordedRequest.headers.contains(Header("x-api-key", "$SGP_API_KEY")))
    }
}
