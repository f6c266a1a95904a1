import ConformCore
import Foundation
import Testing

/// The built `conform` executable against loopback fixture servers: exit codes, console (golden),
/// reports (JUnit validated with xmllint, Markdown golden, JSON parsed and checked against its schema),
/// no hang past a timeout or deadline, and the secret never printed or sent elsewhere.
@Suite struct EndToEndTests {
    static let recording = ProcessInfo.processInfo.environment["CONFORM_RECORD"] == "1"

    // Serialized: the cases spawn processes and stream large bodies; in parallel they starve the timing
    // tests of other targets on a 2-core machine.
    @Test(.serialized, arguments: GoldenCase.all())
    func golden(_ c: GoldenCase) async throws {
        let other = try FixtureServer { _ in .response(status: 200, headers: [("Content-Type", "application/json")], body: Array("{}".utf8)) }
        defer { other.stop() }
        let routes = FixtureRoutes(c.json("responses.json"), otherBaseURL: other.baseURL)
        let server = try FixtureServer { routes.reply($0) }
        defer { server.stop() }
        let closed = FixtureServer.closedPort()
        let target = c.refusedTarget ? "http://127.0.0.1:\(closed)" : server.baseURL
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("conform-e2e-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let junit = tmp.appendingPathComponent("junit.xml").path
        let markdown = tmp.appendingPathComponent("report.md").path
        let json = tmp.appendingPathComponent("results.json").path
        // The base URL's path prefix (`/api` in a suite's baseUrl) is kept, so prefixed servers are covered.
        let prefix = c.json("case.json")?["basePath"]?.stringValue ?? (c.suitePath.hasSuffix("shared-suite.json") ? "" : "/api")
        var args = ["run", c.suitePath] + (c.noBaseURL ? [] : ["--base-url", target + prefix])
        args += ["--junit", junit, "--markdown", markdown, "--json", json] + c.args
        let out = try await ConformProcess.run(args, withKey: !c.unsetKey, killAfter: c.hangGuard)

        let normalise = Normaliser(replacements: [(target, "http://127.0.0.1:PORT"), (server.baseURL, "http://127.0.0.1:PORT"),
                                                  (other.baseURL, "http://127.0.0.1:OTHER_PORT"), (tmp.path, "$TMP"),
                                                  ("127.0.0.1:\(server.port)", "127.0.0.1:PORT"), ("127.0.0.1:\(other.port)", "127.0.0.1:OTHER_PORT"),
                                                  ("127.0.0.1:\(closed)", "127.0.0.1:PORT"),
                                                  (GoldenCase.root.path, "$CASES")])
        let stdout = normalise.text(out.stdout), stderr = normalise.text(out.stderr)
        if let guardSeconds = c.hangGuard {
            #expect(!out.killed, "still running after \(guardSeconds) s: killed")
        }
        if Self.recording {
            c.write("\(out.exitCode)\n", to: "exit-code")
            c.write(stdout, to: "stdout.txt")
            c.write(stderr, to: "stderr.txt")
        } else {
            #expect(c.text("exit-code")?.trimmingCharacters(in: .whitespacesAndNewlines) == "\(out.exitCode)", "stderr: \(out.stderr)")
            #expect(stdout == c.text("stdout.txt"))
            #expect(stderr == c.text("stderr.txt"))
        }
        // The secret never leaves: not printed, not in any report, not sent to the other origin.
        for (what, text) in [("stdout", out.stdout), ("stderr", out.stderr)] {
            #expect(!text.contains(ConformProcess.secret), "secret in \(what)")
        }
        #expect(!other.requests.contains { r in r.headers.contains { $0.1.contains(ConformProcess.secret) } }, "credential sent to another origin")
        guard [0, 1, 3].contains(out.exitCode) else {
            #expect(!FileManager.default.fileExists(atPath: junit), "reports written although nothing ran")
            #expect(server.requests.isEmpty, "requests sent although the run stopped before sending")
            return
        }
        try checkReports(c, junit: junit, markdown: markdown, json: json, normalise: normalise)
    }

    func checkReports(_ c: GoldenCase, junit: String, markdown: String, json: String, normalise: Normaliser) throws {
        for path in [junit, markdown, json] {
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            #expect(!text.isEmpty, "\(path) missing")
            #expect(!text.contains(ConformProcess.secret), "secret in \(path)")
        }
        ReportValidation.junit(junit)
        ReportValidation.junitAgrees(junit, withResults: json)
        ReportValidation.json(json)
        let md = normalise.report(String(decoding: FileManager.default.contents(atPath: markdown) ?? Data(), as: UTF8.self))
        if Self.recording { c.write(md, to: "report.md") } else { #expect(md == c.text("report.md"), "Markdown differs from report.md") }
    }

    @Test func echoedCredentialNeverAppearsInAnyOutput() async throws {
        let server = try FixtureServer { request in
            let echo = request.headers.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            let body = #"{"items": [{"id": "\#(echo)", "name": "\#(echo)", "vendor": "\#(echo)"}], "total": "\#(echo)"}"#
            return .response(status: 200, headers: [("Content-Type", "application/json"), ("X-Echo", request.header("x-api-key") ?? ""),
                                                    ("Set-Cookie", "session=\(request.header("x-api-key") ?? "")")], body: Array(body.utf8))
        }
        defer { server.stop() }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("conform-echo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let paths = ["junit.xml", "report.md", "results.json"].map { tmp.appendingPathComponent($0).path }
        let out = try await ConformProcess.run(["run", GoldenCase.root.appendingPathComponent("shared-suite.json").path, "--base-url", server.baseURL,
                                          "--junit", paths[0], "--markdown", paths[1], "--json", paths[2], "--verbose"])
        #expect(out.exitCode == 1)
        #expect(server.requests.first?.header("x-api-key") == ConformProcess.secret)
        #expect(out.stdout.contains("$FIXTURE_API_KEY"))
        for (name, text) in [("stdout", out.stdout), ("stderr", out.stderr)] + paths.map({ ($0, String(decoding: FileManager.default.contents(atPath: $0) ?? Data(), as: UTF8.self)) }) {
            #expect(!text.isEmpty || name == "stderr")
            #expect(!text.contains(ConformProcess.secret), "secret in \(name)")
            #expect(!text.contains(String(ConformProcess.secret.dropFirst(3))), "part of the secret in \(name)")
        }
    }

    @Test func helpDocumentsFlagsAndExitCodes() async throws {
        let out = try await ConformProcess.run(["run", "--help"])
        #expect(out.exitCode == 0)
        for flag in ["--base-url", "--junit", "--markdown", "--json", "--timeout", "--deadline", "--concurrency", "--retries",
                     "--max-body", "--filter", "--var", "--quiet", "--verbose", "EXIT CODES"] {
            #expect(out.stdout.contains(flag), "help lacks \(flag)")
        }
    }
}
