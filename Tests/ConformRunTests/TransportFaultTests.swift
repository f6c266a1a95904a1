import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Hostile loopback servers, over http and over https: each fault ends in its own error, within a bound,
/// whatever the scheme (before OpenSSL, https went through URLSession, which killed the process on several).
@Suite struct TransportFaultTests {

    @Test(arguments: TransportKind.allCases)
    func serverThatNeverAnswersTimesOut(kind: TransportKind) async throws {
        let transport = kind.make()
        let box = ServerBox()
        let server = try kind.server { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/v1/models"), timeout: 1) }
        let error = try #require(outcome.error)
        #expect(error.kind == .timedOut(seconds: 1))
        #expect(error.message == "no response from 127.0.0.1:\(server.port) within 1 s")
        #expect(seconds >= 0.9 && seconds < 10)  // the server would hang 20 s: 10 s tells them apart on a loaded CI machine
    }

    @Test(arguments: TransportKind.allCases)
    func refusedConnection(kind: TransportKind) async throws {
        let transport = kind.make()
        let port = try LoopbackServer.refusingPort()
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: "\(kind.scheme)://127.0.0.1:\(port)/x"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .refused)
        #expect(error.message == "connection refused by 127.0.0.1:\(port)")
        #expect(error.isRetryable)
        #expect(seconds < 5)
    }

    @Test(arguments: TransportKind.allCases)
    func truncatedBodyReportsBytesReceived(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
            connection.write([UInt8](repeating: UInt8(ascii: "x"), count: 100))
        }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .truncated(expected: 1000, received: 100))
        #expect(seconds < 5)
    }

    @Test(arguments: TransportKind.allCases)
    func serverThatDripsBytesStillTimesOut(kind: TransportKind) async throws {
        let box = ServerBox()
        let server = try kind.server { _, connection in
            guard connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n") else { return }
            while !(box.server?.isStopped ?? true), connection.write("x") { usleep(50_000) }
        }
        box.server = server
        defer { server.stop() }
        let (outcome, seconds) = await timed { await kind.make().send(HTTPRequest(url: server.baseURL + "/drip"), timeout: 1) }
        #expect(outcome.error?.kind == .timedOut(seconds: 1))
        #expect(seconds < 10)  // the drip would last until the server stops: 10 s tells them apart on a loaded CI machine
    }

    @Test(arguments: TransportKind.allCases)
    func endlessResponseHeadIsRefused(kind: TransportKind) async throws {
        let server = try kind.server { _, connection in
            guard connection.write("HTTP/1.1 200 OK\r\n") else { return }
            let line = "X-Filler: " + String(repeating: "y", count: 1000) + "\r\n"
            for _ in 0..<200 where connection.write(line) {}
        }
        defer { server.stop() }
        let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(outcome.error?.message == "the reply from 127.0.0.1:\(server.port) is not valid HTTP: a response head over 64 KiB")
    }

    /// URLSession answered -1011 here, or — depending on timing — killed the process
    /// (swift-corelibs-foundation#5285, "connection lost immediately after sending the request").
    @Test(arguments: TransportKind.allCases)
    func connectionClosedBeforeAnyResponse(kind: TransportKind) async throws {
        let server = try kind.server { _, _ in }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5) }
        let error = try #require(outcome.error)
        #expect(error.kind == .connectionLost(receivedSoFar: 0))
        #expect(error.message == "connection to 127.0.0.1:\(server.port) closed before a complete response")
        #expect(seconds < 5)
    }

    @Test(arguments: TransportKind.allCases)
    func replyThatIsNotHTTP(kind: TransportKind) async throws {
        let transport = kind.make()
        let server = try kind.server { _, connection in connection.write("HELLO THERE\r\n\r\n") }
        defer { server.stop() }
        let outcome = await transport.send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5)
        let error = try #require(outcome.error)
        #expect(error.message == #"the reply from 127.0.0.1:\#(server.port) is not valid HTTP: status line "HELLO THERE""#)
    }

    /// Numbers in the head are digits only: a sign or a space is not HTTP (Swift's `Int("+20")` is 20).
    @Test(arguments: TransportKind.allCases, [
        ("HTTP/1.1 +20 OK\r\nContent-Length: 0\r\n\r\n", #"status line "HTTP/1.1 +20 OK""#),
        ("HTTP/1.1 -12 X\r\nContent-Length: 0\r\n\r\n", #"status line "HTTP/1.1 -12 X""#),
        ("HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\n{}", #"Content-Length "+2""#),
        ("HTTP/1.1 200 OK\r\nContent-Length: -0\r\n\r\n", #"Content-Length "-0""#),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n+2\r\n{}\r\n0\r\n\r\n", #"chunk size "+2""#),
    ])
    func signedNumbersInTheHeadAreNotHTTP(kind: TransportKind, reply: (String, String)) async throws {
        let server = try kind.server { _, connection in connection.write(reply.0) }
        defer { server.stop() }
        let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5)
        let error = try #require(outcome.error)
        #expect(error.message == "the reply from 127.0.0.1:\(server.port) is not valid HTTP: \(reply.1)")
    }

    @Test func headNumbersAreDigitsOnly() {
        #expect(HTTPDigits.value("200", radix: 10, maxDigits: 3) == 200)
        #expect(HTTPDigits.value("1f", radix: 16) == 31)
        #expect(HTTPDigits.value("1F", radix: 16) == 31)
        #expect(HTTPDigits.value("0", radix: 10) == 0)
        for bad in ["", "+1", "-1", " 1", "1 ", "1f", "0x1", "1_000", "١٢٣"] { #expect(HTTPDigits.value(bad, radix: 10) == nil, "\(bad)") }
        #expect(HTTPDigits.value("1234567890123456", radix: 10) == nil)
        #expect(HTTPDigits.value("fffffffffffffff", radix: 16) == 0xfff_ffff_ffff_ffff)
    }

    /// FoundationNetworking 6.3.1 kills the process on these (swift-corelibs-foundation#5285) — it did so
    /// over https (issue 11: exit 132, no report written, 19 of 19 runs). A named error on both schemes now.
    @Test(arguments: TransportKind.allCases, ["HTTP/1.1 200 OK\r\n", "HTTP/1.1 200 OK\r\nContent-Le", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"])
    func connectionClosedInTheMiddleOfTheHead(kind: TransportKind, reply: String) async throws {
        let server = try kind.server { _, connection in connection.write(reply) }
        defer { server.stop() }
        let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5)
        let error = try #require(outcome.error)
        #expect(error.kind == .closedInsideHead(received: reply.utf8.count))
        #expect(error.message == "connection to 127.0.0.1:\(server.port) closed inside the response head (after \(reply.utf8.count) bytes of it)")
        #expect(error.isRetryable)
    }

    @Test(arguments: TransportKind.allCases)
    func chunkedBodyCutShortIsAConnectionLoss(kind: TransportKind) async throws {
        let server = try kind.server { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789")
        }
        defer { server.stop() }
        let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5)
        #expect(outcome.error?.kind == .connectionLost(receivedSoFar: 10), "got \(outcome.error?.message ?? "a response")")
    }

    @Test(arguments: TransportKind.allCases)
    func chunkedBodyIsDecoded(kind: TransportKind) async throws {
        let server = try kind.server { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n5\r\n{\"a\":\r\n3;ext=1\r\n12}\r\n0\r\n\r\n")
        }
        defer { server.stop() }
        let response = try #require(await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5).response)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"a":12}"#)
    }

    /// A chunked trailer killed a process using URLSession (FoundationNetworking 6.3.1 takes the trailer for a
    /// new response head, then finds no response: the same fatalError as #5285).
    @Test(arguments: TransportKind.allCases)
    func chunkedTrailersAreSkipped(kind: TransportKind) async throws {
        let server = try kind.server { _, connection in
            connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n")
        }
        defer { server.stop() }
        let response = try #require(await kind.make().send(HTTPRequest(url: server.baseURL + "/t"), timeout: 5).response)
        #expect(response.body == Array("{}".utf8))
    }

    @Test func tlsToAPlainPortIsATLSError() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(status: 200, body: "{}") }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await SocketTransport().send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/"), timeout: 5) }
        let error = try #require(outcome.error)
        guard case .tls(let reason) = error.kind else { Issue.record("got \(error.message)"); return }
        #expect(reason.hasSuffix("(is it plain HTTP on this port?)"), "got \(reason)")
        #expect(error.message.hasPrefix("TLS handshake with 127.0.0.1:\(server.port) failed: "))
        #expect(seconds < 5)
    }

    @Test func plainHTTPToATLSPortIsNotHTTP() async throws {
        let server = try TransportKind.https.server { _, connection in connection.respond(status: 200, body: "{}") }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await SocketTransport().send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/"), timeout: 3) }
        let error = try #require(outcome.error)
        #expect(error.kind != .timedOut(seconds: 3), "a TLS server answering plain HTTP must not look like a hang")
        #expect(seconds < 3)
    }

    @Test(arguments: TransportKind.allCases)
    func invalidURLIsNotSent(kind: TransportKind) async throws {
        let transport = kind.make()
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

