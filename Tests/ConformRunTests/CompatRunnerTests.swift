import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// `conform compat`'s runner against recording servers: each target gets its own secret and no other,
/// an unmapped target gets none, and no target's secret reaches any result.
@Suite struct CompatRunnerTests {
    static let secretA = "target-a-secret-1111111111", secretB = "target-b-secret-2222222222"
    static let suiteOwn = "suite-own-secret-3333333333"
    static let environment = ["KEY_A": secretA, "KEY_B": secretB, "FIXTURE_API_KEY": suiteOwn]

    /// A server that records what it received and answers a valid list; `echo` is put into the body.
    static func server(echo: String = "") throws -> LoopbackServer {
        try LoopbackServer { _, connection in
            _ = connection.respond(status: 200, headers: [("Content-Type", "application/json")],
                                   body: #"{"items": [], "total": 0, "note": "\#(echo)"}"#)
        }
    }

    @Test func aSecretIsOnlySentToTheTargetItBelongsTo() async throws {
        let a = try Self.server(), b = try Self.server()
        // C never receives B's secret, but says it anyway: the redactor still hides it.
        let c = try Self.server(echo: Self.secretB)
        defer { a.stop(); b.stop(); c.stop() }
        let targets = [Target(name: "a", baseURL: a.baseURL, credentials: ["FIXTURE_API_KEY": "KEY_A"]),
                       Target(name: "b", baseURL: b.baseURL, credentials: ["FIXTURE_API_KEY": "KEY_B"]),
                       Target(name: "c", baseURL: c.baseURL)]
        let suite = try RunnerFixture.suite(cases: [RunnerFixture.listCase()])
        let runs = await CompatRunner(transport: SocketTransport(), options: RunnerFixture.options(), environment: Self.environment)
            .run([suite], targets: targets)
        #expect(runs.map(\.target.name) == ["a", "b", "c"])
        #expect(runs.map { $0.result.suites.first?.target } == ["a", "b", "c"])
        func sent(_ server: LoopbackServer) -> [String] { server.requests.flatMap { $0.headers.map(\.value) } }
        #expect(a.requests.allSatisfy { $0.header("x-api-key") == Self.secretA })
        #expect(b.requests.allSatisfy { $0.header("x-api-key") == Self.secretB })
        #expect(!a.requests.isEmpty && !b.requests.isEmpty && !c.requests.isEmpty)
        #expect(c.requests.allSatisfy { $0.header("x-api-key") == nil }, "an unmapped target gets no credential")
        #expect(!sent(a).contains { $0.contains(Self.secretB) || $0.contains(Self.suiteOwn) })
        #expect(!sent(b).contains { $0.contains(Self.secretA) || $0.contains(Self.suiteOwn) })
        #expect(!sent(c).contains { $0.contains(Self.secretA) || $0.contains(Self.secretB) || $0.contains(Self.suiteOwn) })
        let recorded = String(describing: runs.map(\.result))
        for secret in [Self.secretA, Self.secretB, Self.suiteOwn] { #expect(!recorded.contains(secret)) }
        #expect(runs[0].result.suites.first?.cases.first?.curl?.contains("$KEY_A") == true, "the curl line names the target's variable")
        #expect(runs[2].result.suites.first?.cases.first?.response?.bodyExcerpt.contains("$KEY_B") == true)
    }

    @Test func aMappedVariableThatIsUnsetIsMissingUnlessAuthIsOptional() throws {
        let targets = [Target(name: "a", baseURL: "http://127.0.0.1:1", credentials: ["FIXTURE_API_KEY": "KEY_UNSET"]),
                       Target(name: "b", baseURL: "http://127.0.0.1:1", credentials: ["FIXTURE_API_KEY": "KEY_B"]),
                       Target(name: "c", baseURL: "http://127.0.0.1:1")]
        let required = try RunnerFixture.suite()
        let missing = TargetCredentials.missing(targets, suites: [required], environment: Self.environment)
        #expect(missing.map(\.target) == ["a"])
        #expect(missing.first?.targetVariable == "KEY_UNSET")
        #expect(TargetCredentials.missing(targets, suites: [try RunnerFixture.suite(optionalAuth: true)], environment: Self.environment).isEmpty)
        #expect(TargetCredentials.unmapped(targets[2], suites: [required]).map(\.id) == ["fixture"])
        #expect(TargetCredentials(target: targets[2], environment: Self.environment).environment.isEmpty,
                "the suite's own variable is not used unless the file maps it")
    }
}
