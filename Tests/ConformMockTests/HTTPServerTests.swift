import Foundation
import Testing
import ConformCore
@testable import ConformMock

/// Echoes method, path and decoded query so tests can see what the server parsed.
private func echoServer() throws -> HTTPServer {
    let server = try HTTPServer { request in
        if request.path == "/stall" { return .stall(seconds: 30) }
        if request.path == "/close" { return .closeImmediately }
        let query = request.query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return .response(.text(200, "\(request.method) \(request.path) \(query)" + String(decoding: request.body, as: UTF8.self)))
    }
    try server.start()
    return server
}

@Suite(.serialized) struct HTTPServerTests {
    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        for k in 1...5 {
            client.send("GET /item/\(k) HTTP/1.1\r\nHost: x\r\n\r\n")
            let r = try #require(client.readResponse())
            #expect(r.status == 200)
            #expect(r.body == "GET /item/\(k) ")
            #expect(r.headers["connection"] == nil)
            #expect(r.headers["date"]?.hasSuffix("GMT") == true)
            #expect(r.headers["server"] == "conform-mock")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("GET /a?x=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /b?y=a+b%21 HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let bodies = (0..<3).compactMap { _ in client.readResponse()?.body }
        #expect(bodies == ["GET /a x=1", "GET /b y=a b!", "GET /c "])
        #expect(client.isClosedByPeer())
    }

    @Test func thirtyTwoConcurrentConnections() throws {
        let server = try echoServer()
        defer { server.stop() }
        let port = server.port
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 32) { k in
            guard let client = try? RawClient(port: port) else { failures.add(); return }
            for j in 0..<5 {
                client.send("GET /c\(k)/\(j) HTTP/1.1\r\nHost: x\r\n\r\n")
                if client.readResponse()?.body != "GET /c\(k)/\(j) " { failures.add() }
            }
        }
        #expect(failures.value == 0)
    }

    @Test(arguments: [
        ("malformed request line", "GARBAGE\r\n\r\n", 400),
        ("missing version", "GET /\r\n\r\n", 400),
        ("space in target", "GET /a b HTTP/1.1\r\n\r\n", 400),
        ("bad header line", "GET / HTTP/1.1\r\nno colon here\r\n\r\n", 400),
        ("body on GET", "GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", 400),
        ("bad content length", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
        ("unsupported version", "GET / HTTP/2.0\r\n\r\n", 505),
        ("chunked body", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501),
        ("oversized header block", "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 17_000) + "\r\n\r\n", 431),
        ("oversized unfinished head", "GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 17_000), 431),
    ])
    func refusalsAreAnsweredAndClosed(name: String, request: String, status: Int) throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send(request)
        let r = try #require(client.readResponse(), "\(name): no response")
        #expect(r.status == status, "\(name)")
        #expect(r.headers["connection"] == "close", "\(name)")
        #expect(client.isClosedByPeer(), "\(name): connection left open")
        let next = try RawClient(port: server.port)
        next.send("GET /still HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(next.readResponse()?.status == 200, "\(name): server stopped serving")
    }

    @Test func slowClientGets408AndIdleConnectionClosesSilently() throws {
        let server = try echoServer()
        server.headTimeout = 0.5
        server.idleTimeout = 0.5
        defer { server.stop() }
        let slow = try RawClient(port: server.port)
        slow.send("GET / HTTP/1.1\r\nHost:")
        let r = try #require(slow.readResponse())
        #expect(r.status == 408)
        #expect(slow.isClosedByPeer())
        let idle = try RawClient(port: server.port)
        let began = Date()
        #expect(idle.isClosedByPeer())
        #expect(Date().timeIntervalSince(began) < 3)
    }

    @Test func headResponseHasNoBody() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("HEAD /h HTTP/1.1\r\nConnection: close\r\n\r\n")
        let raw = client.readUntilClosed()
        #expect(raw.contains("Content-Length: 8\r\n"))
        #expect(raw.hasSuffix("\r\n\r\n"))
    }

    @Test func postBodyAndAbsoluteFormTarget() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("POST http://x:1/p?q=%7E HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /z HTTP/1.0\r\n\r\n")
        #expect(client.readResponse()?.body == "POST /p q=~abc")
        let z = try #require(client.readResponse())
        #expect(z.body == "GET /z ")
        #expect(z.headers["connection"] == "close", "HTTP/1.0 without keep-alive closes")
        #expect(client.isClosedByPeer())
    }

    @Test func closeImmediatelyClosesWithoutAByte() throws {
        let server = try echoServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("GET /close HTTP/1.1\r\n\r\n")
        #expect(client.isClosedByPeer())
    }

    @Test func noDescriptorOutlives200Connections() throws {
        let server = try echoServer()
        defer { server.stop() }
        var open: [RawClient] = []
        for k in 0..<200 {
            let client = try RawClient(port: server.port)
            client.send("GET /\(k) HTTP/1.1\r\nConnection: close\r\n\r\n")
            _ = client.readResponse()
            _ = client.isClosedByPeer()
            if k < 3 { open.append(client) }
        }
        // The measure sees this server's connections (while clients still hold theirs, the server's are closed).
        let measured = try #require(serverConnectionDescriptors(port: server.port), "needs /proc")
        var now = measured
        for _ in 0..<100 where now > 0 { usleep(20_000); now = serverConnectionDescriptors(port: server.port) ?? 0 }
        #expect(now == 0, "\(now) accepted connections still hold a descriptor")
        // And it can fail: a connection the server keeps open is counted.
        let held = try RawClient(port: server.port)
        held.send("GET /stall HTTP/1.1\r\n\r\n")
        var seen = 0
        for _ in 0..<100 where seen == 0 { usleep(20_000); seen = serverConnectionDescriptors(port: server.port) ?? 0 }
        #expect(seen == 1)
        _ = open
    }

    @Test func stopClosesConnectionsAndReleasesThePort() throws {
        let server = try echoServer()
        let port = server.port
        let stalled = try RawClient(port: port)
        stalled.send("GET /stall HTTP/1.1\r\n\r\n")
        usleep(100_000)
        let began = Date()
        server.stop()
        #expect(Date().timeIntervalSince(began) < 3)
        #expect(stalled.isClosedByPeer())
        let again = try HTTPServer(port: port) { _ in .response(.text(200, "again")) }
        try again.start()
        defer { again.stop() }
        let client = try RawClient(port: port)
        client.send("GET / HTTP/1.1\r\n\r\n")
        #expect(client.readResponse()?.body == "again")
    }

    @Test func queryIsFormDecodedInOrder() {
        let r = HTTPServerRequest(method: "GET", target: "/v5/models%2Fx?b=2&a=x+y&sort_by=display_name%3Aasc&flag&a=3")
        #expect(r.path == "/v5/models/x")
        #expect(r.query.map { "\($0.0)=\($0.1)" } == ["b=2", "a=x y", "sort_by=display_name:asc", "flag=", "a=3"])
        #expect(r.queryValues("a") == ["x y", "3"])
        let h = HTTPServerRequest(method: "GET", target: "/", headers: [Header("X-Api-Key", "k")])
        #expect(h.header("x-api-key") == "k")
    }
}
