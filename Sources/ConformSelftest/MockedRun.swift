import ConformCore
import ConformMock
import ConformRun
import Foundation

/// One suite run by the real `Runner` against its own in-process mock (`MockFleet`), conforming or
/// drifted. The mock and the runner share a generated credential, so the suite's `auth: wrong` and
/// `auth: none` cases are refused as they would be by a real server.
public struct MockedRun: Sendable {
    /// The suite to serve and run.
    public let suite: Suite
    /// The drift the mock carries; nil for the conforming mock.
    public let drift: Drift?
    /// How the runner behaves (deadline, timeout, concurrency, hooks).
    public var options: RunOptions

    /// A run of `suite` against a mock with `drift` (nil: conforming).
    public init(suite: Suite, drift: Drift? = nil, options: RunOptions) {
        self.suite = suite; self.drift = drift; self.options = options
    }

    /// Starts the mock, runs the suite, stops the mock. Throws only when the mock cannot listen.
    public func execute() async throws -> SuiteResult {
        let fleet = try MockFleet(suites: [suite], drift: drift)
        defer { fleet.stop() }
        let runner = Runner(transport: NetworkTransport(), options: options, environment: fleet.environment)
        let result = await runner.run(fleet.suites)
        return result.suites.first ?? SuiteResult(suite: suite.id, title: suite.title, file: suite.file.source.path, baseURL: "")
    }
}
