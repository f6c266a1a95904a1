import ConformCore
import ConformMock
import ConformRun
import Foundation

/// One suite run by the real `Runner` against an in-process mock (`HTTPServer` + `MockApp` on a free
/// loopback port), conforming or drifted. The mock and the runner share a generated credential, so the
/// suite's `auth: wrong` and `auth: none` cases are refused as they would be by a real server.
public struct MockedRun: Sendable {
    /// The suite to serve and run.
    public let suite: Suite
    /// The drift the mock carries; nil for the conforming mock.
    public let drift: Drift?
    /// How the runner behaves (deadline, timeout, concurrency, hooks); `baseURL` is set here.
    public var options: RunOptions
    /// Seed of the mock's dataset.
    public var seed: UInt64 = 1

    /// A run of `suite` against a mock with `drift` (nil: conforming).
    public init(suite: Suite, drift: Drift? = nil, options: RunOptions) {
        self.suite = suite; self.drift = drift; self.options = options
    }

    /// A credential no real service issued: fresh per run, so nothing can depend on its value.
    static func testCredential() -> String {
        "conform-selftest-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// Starts the mock, runs the suite, stops the mock. Throws only when the mock cannot listen.
    public func execute() async throws -> SuiteResult {
        let key = Self.testCredential()
        let environment = suite.auth.map { [$0.env: key] } ?? [:]
        let app = MockApp(suites: [suite], seed: seed, models: 57, drift: drift, credentials: environment)
        let server = try HTTPServer(host: "127.0.0.1", port: 0, handler: app.handle)
        try server.start()
        defer { server.stop() }
        var options = self.options
        options.baseURL = server.baseURL + suite.basePath
        let runner = Runner(transport: NetworkTransport(), options: options, environment: environment)
        let result = await runner.run([suite])
        return result.suites.first ?? SuiteResult(suite: suite.id, title: suite.title, file: suite.file.source.path,
                                                  baseURL: options.baseURL ?? "")
    }
}
