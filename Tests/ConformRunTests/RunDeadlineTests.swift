import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// The whole-run deadline cuts requests in flight and fails later ones at once.
@Suite struct RunDeadlineTests {
    @Test(arguments: TransportKind.allCases)
    func inFlightRequestIsCutAndLaterOnesFailFast(kind: TransportKind) async throws {
        let box = ServerBox()
        let server = try kind.server { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let deadline = RunDeadline(seconds: 1)
        let transport = DeadlineTransport(base: kind.make(), deadline: deadline)
        let (first, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/slow"), timeout: 30) }
        #expect(first.error?.kind == .cancelled(reason: "run deadline of 1 s reached"))
        #expect(first.error?.message == "request to 127.0.0.1:\(server.port) cancelled: run deadline of 1 s reached")
        #expect(seconds >= 0.8 && seconds < 10, "took \(seconds) s")  // the server would hang 20 s: 10 s tells them apart on a loaded CI machine
        let requestsBefore = server.requests.count
        let (second, fast) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/next"), timeout: 30) }
        #expect(second.error?.kind == .cancelled(reason: "run deadline of 1 s reached"))
        #expect(fast < 5, "took \(fast) s")  // a request sent would hang 20 s; nothing sent is checked below
        #expect(server.requests.count == requestsBefore, "nothing is sent after the deadline")
    }

    @Test func ownTimeoutStaysATimeoutWhenTheDeadlineIsFar() async throws {
        let box = ServerBox()
        let server = try LoopbackServer { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let transport = DeadlineTransport(base: SocketTransport(), deadline: RunDeadline(seconds: 60))
        let outcome = await transport.send(HTTPRequest(url: server.baseURL + "/slow"), timeout: 0.5)
        #expect(outcome.error?.kind == .timedOut(seconds: 0.5))
    }

    @Test(arguments: TransportKind.allCases)
    func swiftTaskCancellationEndsTheRequest(kind: TransportKind) async throws {
        let box = ServerBox()
        let server = try kind.server { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let transport = kind.make()
        // All on the timed executor, like `timed`: the test measures the transport, not a queue of other tests
        // (a sleep resumed late would outlast the server's patience and end in a lost connection instead).
        let url = server.baseURL + "/slow"
        let (outcome, seconds) = try await promptly {
            let task = Task(executorPreference: DedicatedExecutor.prompt) { await transport.send(HTTPRequest(url: url), timeout: 30) }
            try await Task.sleep(nanoseconds: 200_000_000)
            task.cancel()
            return await timed { await task.value }
        }
        #expect(outcome.error?.kind == .cancelled(reason: "the run was interrupted"))
        #expect(seconds < 10)  // the server would hang 20 s: 10 s tells them apart on a loaded CI machine
    }
}
