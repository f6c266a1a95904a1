import Foundation
import Testing
import ConformCore
@testable import ConformMock

/// Answers every request with `bodyBytes` bytes, so pipelined answers pile up as fast as the tests want.
private func fixedServer(bodyBytes: Int = 2) throws -> HTTPServer {
    let body = String(repeating: "x", count: bodyBytes)
    let server = try HTTPServer { _ in .response(.text(200, body)) }
    try server.start()
    return server
}

/// Polls `condition` every 20 ms for up to `seconds`; true as soon as it holds.
private func eventually(within seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// The mock under abuse (issue 11 §4): every head byte counts, pipelined answers wait for a client that does
/// not read, idle connections give way to new clients. Limits are small here so the tests stay fast; every
/// wait polls for its condition with a margin many times the limit.
@Suite(.serialized) struct HTTPServerLimitsTests {
    @Test func aFewEmptyLinesBeforeTheRequestLineAreSkipped() throws {
        let server = try fixedServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.readResponse()?.status == 200)
        #expect(client.readResponse()?.status == 200)
    }

    @Test func aStreamOfEmptyLinesIsRefusedAndClosed() throws {
        let server = try fixedServer()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send(String(repeating: "\r\n", count: 10_000))
        let r = try #require(client.readResponse(), "no answer to 20,000 bytes of empty lines")
        #expect(r.status == 400)
        #expect(r.headers["connection"] == "close")
        #expect(client.isClosedByPeer())
        let next = try RawClient(port: server.port)
        next.send("GET / HTTP/1.1\r\n\r\n")
        #expect(next.readResponse()?.status == 200)
    }

    @Test func emptyLinesCountTowardTheHeadLimit() throws {
        let server = try fixedServer()
        server.maxHeadBytes = 256
        defer { server.stop() }
        // 200 bytes of head after 60 bytes of empty lines: within the limit alone, over it with them.
        let head = "GET / HTTP/1.1\r\nX-Pad: " + String(repeating: "a", count: 175) + "\r\n"
        #expect(head.utf8.count == 200)
        let within = try RawClient(port: server.port)
        within.send(head + "\r\n")
        #expect(within.readResponse()?.status == 200)
        let over = try RawClient(port: server.port)
        over.send(String(repeating: "\r\n", count: 30) + head + "\r\n")
        let r = try #require(over.readResponse())
        #expect(r.status == 431)
        #expect(r.body.contains("256 bytes"))
        #expect(over.isClosedByPeer())
    }

    /// Two bytes every 100 ms: before, each read restarted the wait and the 408 never came while bytes flowed.
    @Test(arguments: [
        ("empty lines", "", "\r\n"),
        ("an endless header", "GET / HTTP/1.1\r\nX-Slow: ", "ab"),
    ])
    func aTrickledHeadStillTimesOut(name: String, opening: String, trickle: String) throws {
        let server = try fixedServer()
        server.headTimeout = 0.5
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let began = Date()
        client.send(opening)
        for _ in 0..<100 {
            client.send(trickle)
            if client.isReadable(withinMilliseconds: 100) { break }
        }
        let r = try #require(client.readResponse(), "\(name): no answer")
        let elapsed = Date().timeIntervalSince(began)
        #expect(r.status == 408, "\(name)")
        #expect(elapsed < 6, "\(name): answered after \(elapsed) s with a 0.5 s head timeout")  // the trickle lasts 10 s
        #expect(client.isClosedByPeer(), "\(name)")
    }

    @Test func pipelinedAnswersWaitForAClientThatDoesNotRead() throws {
        let response = 16 << 10
        let server = try fixedServer(bodyBytes: response)
        server.maxPendingOutput = 64 << 10
        defer { server.stop() }
        let greedy = try RawClient(port: server.port)
        // 2,000 requests (58 KB) answered by 32 MB: more than the kernel buffers hold, so the server must wait.
        let count = 2_000
        greedy.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: count))
        #expect(eventually { server.peakPendingOutput >= server.maxPendingOutput }, "the server never filled its bound")
        let other = try RawClient(port: server.port)
        other.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(other.readResponse()?.status == 200, "another client waits behind the one that does not read")
        let peak = server.peakPendingOutput
        #expect(peak < server.maxPendingOutput + response + 512, "\(peak) bytes of answers buffered for one connection")
        // Nothing was dropped meanwhile: every answer arrives, in order, once the client reads.
        var answered = 0
        while answered < count, let r = greedy.readResponse(), r.status == 200, r.body.utf8.count == response { answered += 1 }
        #expect(answered == count)
    }

    @Test func aClientThatNeverReadsIsDisconnectedAfterTheSendTimeout() throws {
        let server = try fixedServer(bodyBytes: 16 << 10)
        server.maxPendingOutput = 64 << 10
        server.sendTimeout = 0.5
        defer { server.stop() }
        let greedy = try RawClient(port: server.port)
        greedy.send(String(repeating: "GET / HTTP/1.1\r\nHost: x\r\n\r\n", count: 2_000))
        #expect(eventually { server.connectionCounts.open == 1 })
        #expect(eventually { server.connectionCounts.open == 0 }, "a connection blocked on a client that does not read was kept")
    }

    @Test func atTheCapTheConnectionIdleLongestGivesWay() throws {
        let server = try fixedServer()
        server.maxConnections = 4
        defer { server.stop() }
        var idle: [RawClient] = []
        for _ in 0..<4 { idle.append(try RawClient(port: server.port)) }
        #expect(eventually { server.connectionCounts == (4, 4) })
        // The first one answers a request, so the second is now the one idle the longest.
        idle[0].send("GET / HTTP/1.1\r\n\r\n")
        #expect(idle[0].readResponse()?.status == 200)
        #expect(eventually { server.connectionCounts == (4, 4) })
        let began = Date()
        let newcomer = try RawClient(port: server.port)
        newcomer.send("GET / HTTP/1.1\r\n\r\n")
        #expect(newcomer.readResponse()?.status == 200)
        #expect(Date().timeIntervalSince(began) < 3, "the newcomer waited for an idle timeout")
        #expect(idle[1].isClosedByPeer(), "the connection idle the longest was kept")
        for k in [0, 2, 3] {
            idle[k].send("GET / HTTP/1.1\r\n\r\n")
            #expect(idle[k].readResponse()?.status == 200, "connection \(k) was closed")
        }
    }

    @Test func atTheCapWithEveryConnectionBusyANewOneGets503() throws {
        let server = try fixedServer()
        server.maxConnections = 2
        defer { server.stop() }
        let busy = try (0..<2).map { _ in try RawClient(port: server.port) }
        for client in busy { client.send("GET / HTTP/1.1\r\nHost:") }
        #expect(eventually { server.connectionCounts == (2, 0) })
        let refused = try RawClient(port: server.port)
        #expect(refused.readResponse()?.status == 503)
        #expect(refused.isClosedByPeer())
        for client in busy {
            client.send(" x\r\n\r\n")
            #expect(client.readResponse()?.status == 200, "a request in progress was shed")
        }
    }

    @Test func aConnectionIdleBetweenRequestsClosesAfterTheIdleTimeout() throws {
        let server = try fixedServer()
        server.idleTimeout = 2
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        for _ in 0..<3 {
            client.send("GET / HTTP/1.1\r\n\r\n")
            #expect(client.readResponse()?.status == 200, "closed while in use")
            usleep(200_000)
        }
        let idleFrom = Date()
        #expect(eventually { server.connectionCounts == (0, 0) })
        #expect(Date().timeIntervalSince(idleFrom) > 1.5, "closed before the idle timeout")
        #expect(client.isClosedByPeer())
    }
}
