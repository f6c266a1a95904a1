import ConformCore
import ConformMock
import Foundation

/// One in-process mock per suite, each on its own free loopback port, sharing one set of generated test
/// credentials. One mock per suite because suites may claim the same route (`GET /v5/models` is both
/// scale-gp-v5-list-models' list and the list scale-gp-v5-get-model fetches from), and each suite's
/// cross-checks must see one consistent dataset.
public final class MockFleet: @unchecked Sendable {
    /// The suites with `baseURL` pointing at their mock (the suite's own path prefix kept).
    public let suites: [Suite]
    /// The credential variables the suites name, each set to a generated test key: the runner's whole
    /// environment, so no real key from the caller's environment is ever read or sent.
    public let environment: [String: String]
    private let servers: [HTTPServer]
    private let lock = NSLock()
    private var stopped = false

    /// Starts the mocks (drifted by `drift` when given; a drift only affects the suite it belongs to).
    public init(suites: [Suite], drift: Drift? = nil, seed: UInt64 = 1, models: Int = 57) throws {
        var environment: [String: String] = [:]
        for suite in suites { if let auth = suite.auth, environment[auth.env] == nil { environment[auth.env] = Self.testCredential() } }
        var servers: [HTTPServer] = []
        var rebased: [Suite] = []
        do {
            for suite in suites {
                let own = drift.flatMap { $0.suite == suite.id ? $0 : nil }
                let app = MockApp(suites: [suite], seed: seed, models: models, drift: own, credentials: environment)
                let server = try HTTPServer(host: "127.0.0.1", port: 0, handler: app.handle)
                servers.append(server)
                try server.start()
                var moved = suite
                moved.baseURL = server.baseURL + suite.basePath
                rebased.append(moved)
            }
        } catch {
            for s in servers { s.stop() }
            throw error
        }
        self.suites = rebased
        self.environment = environment
        self.servers = servers
    }

    deinit { stop() }

    /// Stops every mock (idempotent); their ports are free after.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        if first { for s in servers { s.stop() } }
    }

    /// A credential no real service issued: fresh per fleet, so nothing can depend on its value.
    public static func testCredential() -> String {
        "conform-test-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
