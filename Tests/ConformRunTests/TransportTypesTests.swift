import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Error messages, default headers, the in-memory transport and the http/https routing.
@Suite struct TransportTypesTests {
    @Test(arguments: [
        (TransportError.Kind.refused, "connection refused by api.example.com:443"),
        (.unresolvableHost, "cannot resolve host api.example.com:443"),
        (.timedOut(seconds: 2.5), "no response from api.example.com:443 within 2.5 s"),
        (.tooManyRedirects(limit: 5), "more than 5 redirects from api.example.com:443"),
        (.bodyTooLarge(limit: 64 << 20, receivedSoFar: (64 << 20) + 65536), "response body from api.example.com:443 exceeds the cap of 64 MiB (stopped after 64.1 MiB)"),
        (.truncated(expected: 1000, received: 100), "response body from api.example.com:443 truncated: connection closed after 100 of 1000 bytes announced by Content-Length"),
        (.connectionLost(receivedSoFar: 10), "connection to api.example.com:443 closed after 10 body bytes, before the response was complete"),
        (.cancelled(reason: "run deadline of 30 s reached"), "request to api.example.com:443 cancelled: run deadline of 30 s reached"),
    ])
    func messagesSayWhatAndWhere(kind: TransportError.Kind, message: String) {
        #expect(TransportError(kind, endpoint: "api.example.com:443").message == message)
    }

    @Test func defaultHeadersDoNotOverrideTheCallers() {
        let request = HTTPRequest(url: "http://h/", headers: [Header("user-agent", "mine")]).withDefaultHeaders()
        #expect(request.headers == [Header("user-agent", "mine"), Header("Accept", "application/json"),
                                    Header("Accept-Encoding", "identity")])
    }

    @Test func inMemoryTransportAnswersFromItsTableAndRecords() async {
        let ok = HTTPResponse(status: 200, headers: [Header("Content-Type", "application/json; charset=utf-8")],
                              body: Array("{}".utf8), url: "http://h/v5/models?limit=1")
        let transport = InMemoryTransport(routes: ["GET /v5/models?limit=1": .success(ok)])
        let hit = await transport.send(HTTPRequest(url: "http://h/v5/models?limit=1"), timeout: 1)
        #expect(hit.response == ok)
        #expect(hit.response?.mediaType == "application/json")
        let miss = await transport.send(HTTPRequest(url: "http://h/other"), timeout: 1)
        #expect(miss.response?.status == 404)
        #expect(String(decoding: miss.response?.body ?? [], as: UTF8.self) == "no canned response for GET /other")
        #expect(transport.requests.map(\.url) == ["http://h/v5/models?limit=1", "http://h/other"])
        #expect(transport.requests.first?.header("User-Agent") == ConformVersion.userAgent)
    }

    @Test func networkTransportSendsBothSchemesThroughItsOwnSockets() async throws {
        let server = try LoopbackServer { _, connection in
            // A chunked trailer: fatal for URLSession, harmless for the socket transport.
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n")
        }
        defer { server.stop() }
        let transport = NetworkTransport()
        let plain = await transport.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(plain.response?.body == Array("{}".utf8), "got \(plain.error?.message ?? "status \(plain.response?.status ?? 0)")")
        let secure = await transport.send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"), timeout: 5)
        guard case .tls? = secure.error?.kind else { Issue.record("got \(secure.error?.message ?? "a response")"); return }
        let other = await transport.send(HTTPRequest(url: "ftp://127.0.0.1/"), timeout: 5)
        #expect(other.error?.message == "request not sent: unsupported scheme 'ftp' in ftp://127.0.0.1/")
    }

    @Test(arguments: TransportKind.allCases)
    func headerInjectionIsRefusedOrNeutralised(kind: TransportKind) async throws {
        let server = try kind.server { _, connection in connection.respond(status: 200, body: "{}") }
        defer { server.stop() }
        let request = HTTPRequest(url: server.baseURL + "/", headers: [Header("X-A", "1\r\nX-Injected: yes")])
        _ = await kind.make().send(request, timeout: 5)
        #expect(server.requests.allSatisfy { $0.header("X-Injected") == nil })
    }

    @Test func socketTransportKeepsResponseHeadersAsReceived() async throws {
        let server = try LoopbackServer { _, connection in
            connection.respond(status: 200, headers: [("X-Zeta", "1"), ("x-alpha", "2"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")], body: "{}")
        }
        defer { server.stop() }
        let socket = try #require(await SocketTransport().send(HTTPRequest(url: server.baseURL + "/"), timeout: 5).response)
        #expect(Array(socket.headers.prefix(4)) == [Header("X-Zeta", "1"), Header("x-alpha", "2"), Header("Set-Cookie", "a=1"), Header("Set-Cookie", "b=2")])
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/x", "127.0.0.1:8080"), ("https://API.example.com/x", "api.example.com:443"),
        ("http://[::1]:9/x", "[::1]:9"), ("http://h/x", "h:80"), ("no url", ""),
    ])
    func endpointsNameHostAndPort(url: String, expected: String) {
        #expect(Endpoint.hostPort(url) == expected)
    }
}
