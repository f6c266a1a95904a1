import Foundation
import Testing

/// The command line's conventions, through the built executable: results on stdout and diagnostics on
/// stderr, `help COMMAND`, `-` for a report, exit codes, colour switches, ASCII glyphs, the evidence of an
/// unexpected status and the path-prefix hint.
@Suite(.serialized) struct CLIConventionsTests {
    static let suite = """
    { "suite": "tiny", "title": "Tiny", "source": "test", "baseUrl": "http://127.0.0.1:1/v1",
      "operations": [ { "id": "list", "method": "GET", "path": "/models",
                        "responses": { "200": { "schema": { "type": "object", "required": ["data"] } } } } ],
      "cases": [ { "id": "list.default", "name": "lists", "operation": "list", "expect": { "status": 200 } },
                 { "id": "list.again", "name": "lists again", "operation": "list", "expect": { "status": 200 } } ] }
    """

    /// A folder with `tiny.json`, and a server answering every request with `reply`.
    static func setUp(_ reply: FixtureServer.Reply) throws -> (dir: URL, server: FixtureServer) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try suite.write(to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        return (dir, try FixtureServer { _ in reply })
    }

    static func json(_ status: Int, _ body: String, type: String = "application/json") -> FixtureServer.Reply {
        .response(status: status, headers: [("Content-Type", type)], body: Array(body.utf8))
    }

    @Test func anUnexpectedStatusShowsItsBodyInConsoleJUnitMarkdownAndHTML() async throws {
        let (dir, server) = try Self.setUp(Self.json(500, #"{"error":"internal"}"#))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let run = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL + "/v1", "--junit", "j.xml", "--markdown", "r.md", "--html", "r.html"], directory: dir)
        #expect(run.exitCode == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("      response: HTTP 500, 20 bytes, application/json\n        {\"error\":\"internal\"}\n"), "\(run.stdout)")
        let junit = try String(contentsOf: dir.appendingPathComponent("j.xml"), encoding: .utf8)
        #expect(junit.contains("response body (HTTP 500, 20 bytes, application/json):\n  {&quot;error&quot;:&quot;internal&quot;}") || junit.contains("response body (HTTP 500, 20 bytes, application/json):\n  {\"error\":\"internal\"}"), "\(junit)")
        let markdown = try String(contentsOf: dir.appendingPathComponent("r.md"), encoding: .utf8)
        #expect(markdown.contains("Response (HTTP 500, 20 bytes, application/json):\n\n```text\n{\"error\":\"internal\"}\n```"))
        // Both cases broke the same rule in the same way? No: two cases, each its own status rule, one section each.
        #expect(markdown.contains("— in 1 case"))
        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("<pre>{&quot;error&quot;:&quot;internal&quot;}</pre>"))
        // A status that was the expected one shows no body.
        let (dir2, ok) = try Self.setUp(Self.json(200, #"{"data":[]}"#))
        defer { ok.stop(); try? FileManager.default.removeItem(at: dir2) }
        let fine = try await ConformProcess.run(["run", "tiny.json", "--base-url", ok.baseURL + "/v1", "-v"], directory: dir2)
        #expect(fine.exitCode == 0 && !fine.stdout.contains("response: HTTP"), "\(fine.stdout)")
    }

    @Test(arguments: [(404, "text/plain", "a 404"), (200, "text/html; charset=utf-8", "an HTML page")])
    func aWrongPathPrefixGetsAHint(status: Int, type: String, what: String) async throws {
        let (dir, server) = try Self.setUp(Self.json(status, "<html>not here</html>", type: type))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let run = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL], directory: dir)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("hint: every response of suite 'tiny' was \(what) (2 responses): the base URL's path prefix is probably wrong."), "\(run.stderr)")
        #expect(run.stderr.contains("so it expects a base URL ending in /v1 (got \(server.baseURL))."), "\(run.stderr)")
        #expect(!run.stdout.contains("hint:"))
        // Not when the API answered: a JSON 404 on one case only is a real finding, not a setup problem.
    }

    @Test func noHintWhenSomeResponseLooksLikeTheAPI() async throws {
        let counter = Counter()
        let server = try FixtureServer { _ in counter.next() == 0 ? Self.json(404, "{}") : Self.json(200, #"{"data":[]}"#) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.suite.write(to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let run = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL + "/v1", "--concurrency", "1"], directory: dir)
        #expect(run.exitCode == 1)
        #expect(!run.stderr.contains("hint:"), "\(run.stderr)")
    }

    @Test func aReportCanGoToStandardOutput() async throws {
        let (dir, server) = try Self.setUp(Self.json(200, #"{"data":[]}"#))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let run = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL + "/v1", "--markdown", "-"], directory: dir)
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("**✔ All 8 checks held** across 1 suite"), "\(run.stdout)")
        #expect(!run.stdout.contains("✔ GET"))
        #expect(run.stderr.contains("✔ GET /models › lists (4 checks"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path))
        let json = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL + "/v1", "--json", "-", "-q"], directory: dir)
        #expect(json.stdout.hasPrefix("{"), "\(json.stdout)")
    }

    @Test func dashIsRefusedClearlyWhereItIsNotSupported() async throws {
        let two = try await ConformProcess.run(["run", "x.json", "--junit", "-", "--json", "-"])
        #expect(two.exitCode == 2 && two.stderr.contains("only one report can go to standard output (-) per run"), "\(two.stderr)")
        let diff = try await ConformProcess.run(["diff", "a.json", "b.json", "--markdown", "-"])
        #expect(diff.exitCode == 2 && diff.stderr.contains("--markdown -: '-' (standard input or output) is not supported by 'conform diff'; give a file path"), "\(diff.stderr)")
    }

    /// Requests went out, so a lost report is never exit 2 ("nothing was sent"): 3, or 1 when a check failed.
    @Test func aReportThatCannotBeWrittenAfterSendingExits3() async throws {
        let (dir, server) = try Self.setUp(Self.json(200, #"{"data":[]}"#))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let run = try await ConformProcess.run(["run", "tiny.json", "--base-url", server.baseURL + "/v1", "--json", "/dev/null/r.json"], directory: dir)
        #expect(run.exitCode == 3, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("cannot write report /dev/null/r.json"))
        let (dir2, bad) = try Self.setUp(Self.json(500, "{}"))
        defer { bad.stop(); try? FileManager.default.removeItem(at: dir2) }
        #expect(try await ConformProcess.run(["run", "tiny.json", "--base-url", bad.baseURL + "/v1", "--json", "/dev/null/r.json"], directory: dir2).exitCode == 1)
    }

    @Test func validatePrintsProblemsOnStderrAndTheSummaryOnStdout() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.suite.replacingOccurrences(of: #""required""#, with: #""requierd""#).write(to: dir.appendingPathComponent("tiny.json"), atomically: true, encoding: .utf8)
        let run = try await ConformProcess.run(["validate", "tiny.json"], directory: dir)
        #expect(run.exitCode == 2)
        #expect(run.stdout == "0 suites valid, 1 with problems\n", "\(run.stdout)")
        #expect(run.stderr.contains("did you mean \"required\"?"), "\(run.stderr)")
    }

    @Test(arguments: ["run", "validate", "demo", "mock", "diff"])
    func helpCommandIsCommandHelp(command: String) async throws {
        let viaHelp = try await ConformProcess.run(["help", command])
        let viaFlag = try await ConformProcess.run([command, "--help"])
        #expect(viaHelp.exitCode == 0 && viaHelp.stdout == viaFlag.stdout && !viaHelp.stdout.isEmpty)
        #expect(viaHelp.stdout.contains("--ascii"))
        let unknown = try await ConformProcess.run(["help", "rnu"])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("did you mean 'run'?"))
    }

    @Test func colourFollowsNoColorAndForceColor() async throws {
        let (dir, server) = try Self.setUp(Self.json(200, #"{"data":[]}"#))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "tiny.json", "--base-url", server.baseURL + "/v1"]
        // Standard output is a file here: no colour unless forced.
        let plain = try await ConformProcess.run(args, directory: dir).stdout
        let forced = try await ConformProcess.run(args, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"], directory: dir).stdout
        let zero = try await ConformProcess.run(args, environment: ["NO_COLOR": "", "FORCE_COLOR": "0"], directory: dir).stdout
        let both = try await ConformProcess.run(args, environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"], directory: dir).stdout
        #expect(!plain.contains("\u{1B}["))
        #expect(forced.contains("\u{1B}[32m✔"))
        #expect(!zero.contains("\u{1B}["))
        #expect(!both.contains("\u{1B}["))
    }

    @Test func asciiGlyphsOnRequestOrWithoutAUTF8Locale() async throws {
        let (dir, server) = try Self.setUp(Self.json(200, #"{"data":[]}"#))
        defer { server.stop(); try? FileManager.default.removeItem(at: dir) }
        let args = ["run", "tiny.json", "--base-url", server.baseURL + "/v1"]
        let utf8 = try await ConformProcess.run(args, environment: ["LANG": "C.UTF-8"], directory: dir)
        #expect(utf8.stdout.contains("✔ GET /models › lists (") && utf8.stdout.contains("(tiny) → http"))
        for run in [try await ConformProcess.run(args + ["--ascii"], environment: ["LANG": "C.UTF-8"], directory: dir),
                    try await ConformProcess.run(args, environment: ["LANG": "C"], directory: dir),
                    try await ConformProcess.run(args, environment: ["LC_ALL": "en_US.ISO-8859-1", "LANG": "C.UTF-8"], directory: dir)] {
            #expect(run.exitCode == 0)
            #expect(run.stdout.contains("+ GET /models > lists (") && run.stdout.contains("(tiny) -> http"), "\(run.stdout)")
            let allASCII = run.stdout.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(allASCII, "\(run.stdout)")
        }
        // Reports are files, not terminal output: never transliterated.
        let report = try await ConformProcess.run(args + ["--ascii", "--markdown", "-"], directory: dir)
        #expect(report.stdout.hasPrefix("**✔ All"))
    }

    @Test func demoServesOnTheGivenPorts() async throws {
        let dir = try DemoEndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let port = try ReadmeTranscriptTests.freePort()
        let run = try await DemoEndToEndTests.conform(["demo", "--suites", "suites/openai-list-models.json", "--port", "\(port)", "-q"], in: dir)
        #expect(run.exitCode == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stdout.contains("127.0.0.1:\(port)"), "\(run.stdout)")
        let bad = try await DemoEndToEndTests.conform(["demo", "--port", "70000"], in: dir)
        #expect(bad.exitCode == 2 && bad.stderr.contains("--port must be between 1 and 65000"))
    }
}

/// Counts requests across the fixture server's threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}
