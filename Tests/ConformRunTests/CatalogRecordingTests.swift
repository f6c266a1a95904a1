import ConformCore
import Testing
@testable import ConformRun

/// What a run records of each list's catalog — complete, empty, incomplete, failed, errored — and what
/// `--confirm-removals` fetches, against in-memory APIs.
@Suite struct CatalogRecordingTests {
    /// `count` models `m0`… served two per page; `broken` pages answer `brokenWith` instead; get-by-id answers `gone` with its status.
    static func api(count: Int, broken: [Int: TransportOutcome] = [:], gone: [String: Int] = [:], extra: String = "") -> InMemoryTransport {
        InMemoryTransport { request in
            let path = InMemoryTransport.pathAndQuery(request.url)
            if path.hasPrefix("/api/v1/models/") {
                let id = String(path.dropFirst("/api/v1/models/".count))
                if let status = gone[id] { return RunnerFixture.json(status, #"{"detail": "gone"}"#) }
                return RunnerFixture.json(200, #"{"id": "\#(id)"}"#)
            }
            let query = PaginationWalk.query(of: request.url)
            let page = query.first { $0.0 == "page" }?.1.numberValue?.int64Value.map(Int.init) ?? 1
            if let outcome = broken[page] { return outcome }
            let start = (page - 1) * 2
            let items = (start..<max(start, min(count, start + 2))).map { #"{"id": "m\#($0)", "rank": \#($0)\#(extra)}"# }
            return RunnerFixture.json(200, #"{"items": [\#(items.joined(separator: ","))], "total": \#(count)}"#)
        }
    }

    static func walk() throws -> Walk {
        Walk(id: "all", name: "walks every page", operation: "list", style: .page, pageParam: "page", sizeParam: "limit", size: 2,
             items: try Expression.parse("items"), rules: [.noDuplicateIds], pointer: JSONPointer("/walks/0")!)
    }

    static func listing(_ transport: InMemoryTransport, suite: Suite? = nil, options: RunOptions = RunnerFixture.options()) async throws -> CatalogListing {
        let run = await RunnerFixture.run(try suite ?? RunnerFixture.suite(walks: [try walk()]), transport: transport, options: options)
        let catalogs = try #require(run.suites.first?.catalogs)
        try #require(catalogs.count == 1, "one listing per list operation, got \(catalogs.count)")
        return catalogs[0]
    }

    static let refused = TransportOutcome.failure(TransportError(.refused, endpoint: "127.0.0.1:1"))

    @Test func aWalkThatReachesTheEndRecordsTheCompleteCatalog() async throws {
        let listing = try await Self.listing(Self.api(count: 5))
        #expect(listing.status == .complete)
        #expect(listing.reason == nil)
        #expect(listing.source == "walk:all")
        #expect(listing.operation == "list")
        #expect(listing.requests == 3)
        #expect(listing.items.map(\.id) == ["m0", "m1", "m2", "m3", "m4"])
        #expect(listing.items[4].members?.first { $0.name == "rank" }?.value == "4")
    }

    @Test func aWalkStoppedByALaterPageIsIncomplete() async throws {
        let listing = try await Self.listing(Self.api(count: 7, broken: [3: RunnerFixture.json(500, #"{"detail": "boom"}"#)]))
        #expect(listing.status == .incomplete)
        #expect(listing.reason == "after 2 pages: page 3 answered 500, not 200")
        #expect(listing.items.count == 4)
    }

    @Test func aFirstPageWithoutAnswerIsErrored() async throws {
        let listing = try await Self.listing(Self.api(count: 5, broken: [1: Self.refused]))
        #expect(listing.status == .errored)
        #expect(listing.reason?.hasPrefix("page 1: connection refused") == true, "\(listing.reason ?? "nil")")
        #expect(listing.items.isEmpty)
    }

    @Test(arguments: [("500", "page 1 answered 500, not 200"), ("notjson", "page 1: the body is not JSON"), ("noitems", "page 1: 'items' is not an array")])
    func aFirstPageAnsweredOtherwiseIsFailed(_ c: (String, String)) async throws {
        let outcome: TransportOutcome = switch c.0 {
        case "500": RunnerFixture.json(500, #"{"detail": "boom"}"#)
        case "notjson": RunnerFixture.json(200, "<html>")
        default: RunnerFixture.json(200, #"{"items": "none", "total": 0}"#)
        }
        let listing = try await Self.listing(Self.api(count: 5, broken: [1: outcome]))
        #expect(listing.status == .failed)
        #expect(listing.reason == c.1)
    }

    @Test func anEmptyListIsEmpty() async throws {
        let listing = try await Self.listing(Self.api(count: 0))
        #expect(listing.status == .empty)
        #expect(listing.items.isEmpty)
    }

    @Test func aCatalogMemberRecordsOneResponseAndFollowsTheFilter() async throws {
        var suite = try RunnerFixture.suite(cases: [RunnerFixture.listCase()])
        suite.operations[0].catalog = CatalogSpec(items: try Expression.parse("items"), pointer: .root)
        let listing = try await Self.listing(Self.api(count: 2), suite: suite)
        #expect(listing.source == "catalog")
        #expect(listing.status == .complete)
        #expect(listing.requests == 1)
        #expect(listing.items.map(\.id) == ["m0", "m1"])

        var filtered = RunnerFixture.options()
        filtered.filter = "list.ok"
        let run = await RunnerFixture.run(suite, transport: Self.api(count: 2), options: filtered)
        #expect(run.suites.first?.catalogs.isEmpty == true)
        #expect(run.suites.first?.cases.count == 1)
    }

    @Test func aSuiteWithoutWalkOrCatalogMemberRecordsNothing() async throws {
        let run = await RunnerFixture.run(try RunnerFixture.suite(cases: [RunnerFixture.listCase()]), transport: Self.api(count: 2))
        #expect(run.suites.first?.catalogs.isEmpty == true)
    }

    @Test func secretsInListedItemsAreRedacted() async throws {
        let listing = try await Self.listing(Self.api(count: 2, extra: #", "echo": "\#(RunnerFixture.secret)""#))
        let text = "\(listing)"
        #expect(!text.contains(RunnerFixture.secret))
        #expect(listing.items[0].members?.first { $0.name == "echo" }?.value == #""$FIXTURE_API_KEY""#)
    }

    static func before(ids: [String], status: CatalogListing.Status = .complete) -> PreviousCatalogs {
        let items = ids.map { CatalogItem(id: $0, hash: SHA256.digest(of: [UInt8]()), members: []) }
        let listing = CatalogListing(operation: "list", source: "walk:all", itemId: "id", status: status, requests: 1, items: items)
        return PreviousCatalogs(RunResult(version: "0", startedAt: "", durationSeconds: 0,
                                          suites: [SuiteResult(suite: "fixture", title: "", file: "", baseURL: "", catalogs: [listing])]))
    }

    @Test func missingItemsAreFetchedByIdAnd404Or410Confirms() async throws {
        var options = RunnerFixture.options()
        options.previousCatalogs = Self.before(ids: ["m0", "m1", "m2", "gone-a", "gone-b", "back"])
        let transport = Self.api(count: 3, gone: ["gone-a": 404, "gone-b": 410])
        let listing = try await Self.listing(transport, options: options)
        let confirmation = try #require(listing.confirmation)
        #expect(confirmation.operation == "get")
        #expect(confirmation.checks.map(\.id) == ["gone-a", "gone-b", "back"])
        #expect(confirmation.checks.map(\.status) == [404, 410, 200])
        #expect(confirmation.checks.map(\.confirmsRemoval) == [true, true, false])
        #expect(confirmation.checks[0].url == "http://127.0.0.1:1/api/v1/models/gone-a")
        #expect(confirmation.notChecked == 0)
        #expect(confirmation.note == nil)
        #expect(transport.requests.filter { $0.url.contains("/v1/models/") }.count == 3)
    }

    @Test func confirmationIsCappedAndSaysSo() async throws {
        var options = RunnerFixture.options()
        options.previousCatalogs = Self.before(ids: (0..<(RemovalConfirmation.cap + 7)).map { "old-\($0)" })
        let transport = Self.api(count: 1)
        let confirmation = try #require(try await Self.listing(transport, options: options).confirmation)
        #expect(confirmation.checks.count == RemovalConfirmation.cap)
        #expect(confirmation.notChecked == 7)
        #expect(confirmation.note == "fetched the first \(RemovalConfirmation.cap) of \(RemovalConfirmation.cap + 7) missing items")
        #expect(transport.requests.filter { $0.url.contains("/v1/models/") }.count == RemovalConfirmation.cap)
    }

    @Test func nothingIsFetchedWhenThisListingIsNotWholeOrThereIsNoEarlierOne() async throws {
        var options = RunnerFixture.options()
        options.previousCatalogs = Self.before(ids: ["m0", "gone"])
        let broken = Self.api(count: 5, broken: [2: Self.refused])
        let partial = try #require(try await Self.listing(broken, options: options).confirmation)
        #expect(partial.checks.isEmpty)
        #expect(partial.note == "this listing is incomplete, so what is missing from it is unknown")
        #expect(!broken.requests.contains { $0.url.contains("/v1/models/") })

        options.previousCatalogs = PreviousCatalogs(RunResult(version: "0", startedAt: "", durationSeconds: 0, suites: []))
        let none = try #require(try await Self.listing(Self.api(count: 1), options: options).confirmation)
        #expect(none.note == "the earlier run recorded no catalog for this operation")
    }

    @Test func withoutAGetByIDOperationMissingItemsAreCountedNotFetched() async throws {
        var suite = try RunnerFixture.suite(walks: [try Self.walk()])
        suite.operations.removeLast()
        var options = RunnerFixture.options()
        options.previousCatalogs = Self.before(ids: ["m0", "gone-1", "gone-2"])
        let confirmation = try #require(try await Self.listing(Self.api(count: 1), suite: suite, options: options).confirmation)
        #expect(confirmation.operation == nil)
        #expect(confirmation.notChecked == 2)
        #expect(confirmation.note == "the suite has no get-by-id operation for 'list'")
    }
}
