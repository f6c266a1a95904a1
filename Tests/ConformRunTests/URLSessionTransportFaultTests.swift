import ConformCore
import Foundation
import Testing
@testable import ConformRun

/// URLSessionTransport against hostile loopback servers: each fault ends in its own error, within a bound.
@Suite struct URLSessionTransportFaultTests {
    let transport = URLSessionTransport()

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let box = ServerBox()
        let server = try LoopbackServer { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/v1/models"), timeout: 1) }
        let error = try #require(outcome.error)
        #expect(error.kind == .timedOut(seconds: 1))
        #expect(error.message == "no response from 127.0.0.1:\(server.port) within 1 s")
        #expect(seconds >= 0.9 && seconds < 3)
    }

    @Test func refusedConnection() async throws {
        let port = try LoopbackServer.refusingPort()
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: "http://127.0.0.1:\(port)/x"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .refused)
        #expect(error.message == "connection refused by 127.0.0.1:\(port)")
        #expect(error.isRetryable)
        #expect(seconds < 5)
    }

    @Test func truncatedBodyReportsBytesReceived() async throws {
        let server = try LoopbackServer { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
            connection.write([UInt8](repeating: UInt8(ascii: "x"), count: 100))
        }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .truncated(expected: 1000, received: 100))
        #expect(seconds < 5)
    }

    @Test func connectionClosedBeforeAnyResponse() async throws {
        let server = try LoopbackServer { _, _ in }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5) }
        let error = try #require(outcome.error)
        // URLSession reports an empty reply as -1011, the same code as a reply that is not HTTP at all.
        #expect(error.message.hasPrefix("no valid HTTP response from 127.0.0.1:\(server.port)"), "got \(error.message)")
        #expect(seconds < 5)
    }

    @Test func tlsToAPlainPortIsATLSError() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(status: 200, body: "{}") }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .tls, "got \(error.message)")
        #expect(seconds < 5)
    }

    @Test func replyThatIsNotHTTP() async throws {
        let server = try LoopbackServer { _, connection in connection.write("HELLO THERE\r\n\r\n") }
        defer { server.stop() }
        let outcome = await transport.send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5)
        let error = try #require(outcome.error)
        #expect(error.message.hasPrefix("no valid HTTP response from 127.0.0.1:\(server.port)"), "got \(error.message)")
    }

    @Test func invalidURLIsNotSent() async throws {
        let outcome = await transport.send(HTTPRequest(url: "not a url"), timeout: 5)
        let error = try #require(outcome.error)
        guard case .invalidRequest = error.kind else { Issue.record("got \(error.message)"); return }
    }
}

/// Lets a handler refer to the server it belongs to (created after the handler).
final class ServerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: LoopbackServer?
    var server: LoopbackServer? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

