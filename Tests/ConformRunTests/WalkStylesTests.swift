import ConformCore
import Testing
@testable import ConformRun

/// Cursor and link walks, a next link to another origin, and the whole-run deadline.
@Suite struct WalkStylesTests {
    static func page(_ ids: [String], cursor: String?) -> TransportOutcome {
        let items = ids.map { #"{"id": "\#($0)"}"# }.joined(separator: ",")
        return RunnerFixture.json(200, #"{"items": [\#(items)], "total": 3, "next": \#(cursor.map { "\"\($0)\"" } ?? "null")}"#)
    }

    @Test func cursorWalkFollowsCursorsToTheEnd() async throws {
        let t = InMemoryTransport { request in
            if request.url.contains("after=c2") { return Self.page(["m3"], cursor: nil) }
            if request.url.contains("after=c1") { return Self.page(["m2"], cursor: "c2") }
            return Self.page(["m1"], cursor: "c1")
        }
        let walk = Walk(id: "cw", name: "follows cursors", operation: "list", style: .cursor, sizeParam: "limit", size: 1,
                        cursorParam: "after", cursor: try Expression.parse("next"), items: try Expression.parse("items"),
                        total: try Expression.parse("total"), rules: [.noDuplicateIds, .unionEqualsTotal, .pastEndEmpty], pointer: .root)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [walk]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(t.requests.count == 3)
        #expect(checks.first { $0.check == "walk.unionEqualsTotal" }?.status == .passed)
        #expect(checks.first { $0.check == "walk.pastEndEmpty" }?.status == .skipped)
    }

    @Test func linkWalkRefusesANextLinkToAnotherOrigin() async throws {
        let t = InMemoryTransport { request in
            if request.url.contains("page=2") { return Self.page(["m2"], cursor: "http://evil.example:8080/v1/models?page=3") }
            return Self.page(["m1"], cursor: "/api/v1/models?page=2")
        }
        let walk = Walk(id: "lw", name: "follows links", operation: "list", style: .link, size: 1, next: try Expression.parse("next"),
                        items: try Expression.parse("items"), rules: [.noDuplicateIds], pointer: .root)
        let run = await RunnerFixture.run(try RunnerFixture.suite(walks: [walk]), transport: t)
        let checks = try #require(run.suites.first?.cases.first?.checks)
        #expect(t.requests.map(\.url) == ["http://127.0.0.1:1/api/v1/models", "http://127.0.0.1:1/api/v1/models?page=2"])
        #expect(t.requests.allSatisfy { $0.url.hasPrefix("http://127.0.0.1:1/") })
        let stop = checks.first { $0.check == "transport" }
        #expect(stop?.status == .error)
        #expect(stop?.findings.first?.detail.contains("another origin") == true)
    }

    @Test func wholeRunDeadlineStopsHangingRequests() async throws {
        let t = InMemoryTransport { request in
            try? await Task.sleep(nanoseconds: 10_000_000_000)
            return RunnerFixture.json(200, "{}")
        }
        let transport = HangingUntilTimeout(base: t)
        var options = RunnerFixture.options()
        options.deadline = 0.3
        options.timeout = 30
        let cases = (1...3).map { RunnerFixture.listCase("c\($0)") }
        let suite = try RunnerFixture.suite(cases: cases)
        let settings = options
        let (run, seconds) = await timed { await RunnerFixture.run(suite, transport: transport, options: settings) }
        #expect(seconds < 5)
        #expect(run.exitCode == 3)
        #expect(run.suites.first?.cases.allSatisfy { $0.checks.first?.findings.first?.detail.contains("deadline") == true } == true)
    }
}

/// Gives a slow transport the timeout behaviour a real one has: the answer, or `timedOut` when it takes too long.
struct HangingUntilTimeout: Transport {
    let base: any Transport
    func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        await withTaskGroup(of: TransportOutcome?.self) { group in
            group.addTask { await base.send(request, timeout: timeout) }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                return .failure(TransportError(.timedOut(seconds: timeout), endpoint: "127.0.0.1:1"))
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(TransportError(.other("no outcome"), endpoint: ""))
        }
    }
}
