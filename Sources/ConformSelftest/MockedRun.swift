import ConformCore
import ConformMock
import ConformRun
import Foundation

/// One suite run by the real `Runner` against the mock, conforming or drifted, in process: the runner's
/// requests go straight to `MockApp.handle` (no sockets), so a self-test of hundreds of drifts costs what
/// the checks cost. The mock and the runner share a generated credential, so the suite's `auth: wrong` and
/// `auth: none` cases are refused as they would be by a real server. (`conform demo` and the end-to-end
/// tests serve the same `MockApp` over HTTP.)
public struct MockedRun: Sendable {
    /// The suite to serve and run.
    public let suite: Suite
    /// The drift the mock carries; nil for the conforming mock.
    public let drift: Drift?
    /// How the runner behaves (deadline, timeout, concurrency, hooks).
    public var options: RunOptions
    /// The credential variables, set to generated test keys (`MockedRun.credentials(for:)`); the same for
    /// the conforming and the drifted runs of a self-test, so their requests are byte for byte the same.
    public var environment: [String: String]

    /// Where the in-process mock pretends to live (never contacted: no socket is opened).
    static let origin = "http://127.0.0.1:9"

    /// A run of `suite` against a mock with `drift` (nil: conforming).
    public init(suite: Suite, drift: Drift? = nil, options: RunOptions, environment: [String: String]? = nil) {
        self.suite = suite; self.drift = drift; self.options = options
        self.environment = environment ?? Self.credentials(for: suite)
    }

    /// The suite's credential variable set to a fresh generated key (no real key is ever read).
    public static func credentials(for suite: Suite) -> [String: String] {
        suite.auth.map { [$0.env: MockFleet.testCredential()] } ?? [:]
    }

    /// Runs the suite against a fresh mock.
    public func execute() async throws -> SuiteResult {
        let app = MockApp(suites: [suite], seed: 1, models: 57, drift: drift, credentials: environment)
        var moved = suite
        moved.baseURL = Self.origin + suite.basePath
        let transport = InMemoryTransport { request in Self.answer(request, app: app) }
        let runner = Runner(transport: transport, options: options, environment: environment)
        let result = await runner.run([moved])
        return result.suites.first ?? SuiteResult(suite: suite.id, title: suite.title, file: suite.file.source.path, baseURL: "")
    }

    /// The mock's answer to one request, as the wire would deliver it.
    static func answer(_ request: HTTPRequest, app: MockApp) -> TransportOutcome {
        var target = request.url
        if let scheme = target.range(of: "://") {
            let rest = target[scheme.upperBound...]
            target = rest.firstIndex(where: { $0 == "/" || $0 == "?" }).map { String(rest[$0...]) } ?? "/"
        }
        if target.hasPrefix("?") { target = "/" + target }
        var headers = request.headers
        if !headers.contains(where: { $0.name.lowercased() == "host" }) { headers.append(Header("Host", "127.0.0.1:9")) }
        let server = HTTPServerRequest(method: request.method, target: target, headers: headers, body: request.body ?? [])
        switch app.handle(server) {
        case .response(let r), .delayed(_, let r):
            return .success(HTTPResponse(status: r.status, headers: r.headers, body: request.method == "HEAD" ? [] : r.body, url: request.url))
        case .raw, .stall, .closeImmediately:
            return .failure(TransportError(.other("the in-process mock gave no HTTP response"), endpoint: "127.0.0.1:9"))
        }
    }
}
