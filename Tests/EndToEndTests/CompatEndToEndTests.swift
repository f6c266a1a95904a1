import ConformCore
import Foundation
import Testing

/// `conform compat` through the built executable: a conforming `conform mock`, one drifted to drop a
/// required member, one answering text/plain, a recording server that serves only an HTML 404, and an
/// unreachable port — the expected cells, scores and exit codes, and no secret crossing to another target.
@Suite(.serialized) struct CompatEndToEndTests {
    static let root = ReportValidation.packageRoot
    static let suite = root.appendingPathComponent("suites/openai-list-models.json").path
    static let keys = ["KEY_GOOD": "key-good-1111111111", "KEY_A": "key-drift-a-2222222222", "KEY_B": "key-drift-b-3333333333",
                       "KEY_HTML": "key-html-4444444444", "KEY_DOWN": "key-down-5555555555",
                       // The suite's own variable: never sent, because no target maps it.
                       "OPENAI_API_KEY": "suite-own-6666666666"]

    static func targetsFile(_ dir: URL, _ entries: [(String, String, String)]) throws -> String {
        let list = entries.map { name, url, key in
            #"{ "name": "\#(name)", "baseUrl": "\#(url)", "credentials": { "OPENAI_API_KEY": "\#(key)" }, "labels": { "role": "\#(name)" } }"#
        }
        let path = dir.appendingPathComponent("targets.json").path
        let text = #"{ "$schema": "../suites/targets.schema.json", "targets": [ "# + list.joined(separator: ",\n") + " ] }"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func threeMocksAnHTMLServerAndAnUnreachableTargetMakeTheExpectedMatrix() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Each mock accepts only its own key: a crossed credential would show up as a failed status.
        let good = try await MockProcess.start([Self.suite], environment: ["OPENAI_API_KEY": Self.keys["KEY_GOOD"]!])
        let driftA = try await MockProcess.start([Self.suite, "--drift", "drop-required:Model.owned_by"], environment: ["OPENAI_API_KEY": Self.keys["KEY_A"]!])
        let driftB = try await MockProcess.start([Self.suite, "--drift", "text-plain:list"], environment: ["OPENAI_API_KEY": Self.keys["KEY_B"]!])
        let html = try FixtureServer { _ in .response(status: 404, headers: [("Content-Type", "text/html")], body: Array("<html>no</html>".utf8)) }
        defer { good.stop(); driftA.stop(); driftB.stop(); html.stop() }
        let targets = try Self.targetsFile(dir, [("good", good.url + "/v1", "KEY_GOOD"), ("drift-a", driftA.url + "/v1", "KEY_A"),
                                                 ("drift-b", driftB.url + "/v1", "KEY_B"), ("html", html.baseURL + "/v1", "KEY_HTML"),
                                                 ("down", "http://127.0.0.1:\(FixtureServer.closedPort())/v1", "KEY_DOWN")])
        let out = { (name: String) in dir.appendingPathComponent(name).path }
        let run = try await ConformProcess.run(["compat", Self.suite, "--targets", targets, "--retries", "0", "--timeout", "5",
                                          "--json", out("c.json"), "--markdown", out("c.md"), "--html", out("c.html"), "--junit", out("c.xml")],
                                         environment: Self.keys, withKey: false)
        #expect(run.exitCode == 1, "\(run.stdout)\n\(run.stderr)")
        let m = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: out("c.json")))))
        let names = m["targets"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["good", "drift-a", "drift-b", "html", "down"])
        let scores = m["targets"]?.arrayValue?.map { $0["score"] } ?? []
        #expect(scores.first == JSONValue(100), "\(scores)")
        #expect(m["targets"]?[4]?["measured"] == .bool(false) && scores.last == .null, "unreachable is not measured, never 0 %")
        let rows = m["rows"]?.arrayValue ?? []
        func states(_ check: String, case caseId: String = "list.default") -> [String] {
            rows.first { $0["check"]?.stringValue == check && $0["caseId"]?.stringValue?.hasPrefix("list") == true
                && ($0["caseName"]?.stringValue?.contains("lists the available models") ?? false) }?["cells"]?.arrayValue?
                .compactMap { $0["state"]?.stringValue } ?? []
        }
        #expect(states("schema") == ["pass", "fail", "pass", "not-implemented", "error"], "\(rows.map { $0["checkName"] })")
        #expect(states("content-type") == ["pass", "pass", "fail", "not-implemented", "error"])
        #expect(states("status") == ["pass", "pass", "pass", "not-implemented", "error"])
        let schemaCell = rows.first { $0["check"]?.stringValue == "schema" }?["cells"]?[1]
        #expect(schemaCell?["classes"] == .array([.string("member missing")]))
        #expect(Set(rows.compactMap { $0["cells"]?.arrayValue?.count }) == [5], "every target has the same rows")
        // Credentials never cross: the recording server saw only its own key (or none, or the public wrong one).
        for request in html.requests {
            let auth = request.header("authorization")
            #expect(auth == nil || auth == "Bearer " + Self.keys["KEY_HTML"]! || auth == "Bearer conform-wrong-key-0000000000000000", "\(auth ?? "")")
        }
        #expect(!html.requests.isEmpty)
        let everything = [run.stdout, run.stderr] + ["c.json", "c.md", "c.html", "c.xml"].map { (try? String(contentsOfFile: out($0), encoding: .utf8)) ?? "" }
        for secret in Self.keys.values { #expect(!everything.contains { $0.contains(secret) }, "a secret leaked") }
        #expect((try String(contentsOfFile: out("c.md"), encoding: .utf8)).count < 60_000)
        ReportValidation.junit(out("c.xml"))
        let schemaData = try Data(contentsOf: Self.root.appendingPathComponent("reports/compat.schema.json"))
        let validator = SchemaValidator(document: try JSONParser.parse(Array(schemaData)), uri: "https://conform.invalid/reports/compat.schema.json")
        try validator.compile()
        #expect(validator.validate(m).isEmpty)
    }

    @Test func exitCodes3And2() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try await MockProcess.start([Self.suite], environment: ["OPENAI_API_KEY": Self.keys["KEY_GOOD"]!])
        defer { good.stop() }
        let targets = try Self.targetsFile(dir, [("good", good.url + "/v1", "KEY_GOOD"),
                                                 ("down", "http://127.0.0.1:\(FixtureServer.closedPort())/v1", "KEY_DOWN")])
        let measured = try await ConformProcess.run(["compat", Self.suite, "--targets", targets, "--retries", "0"], environment: Self.keys, withKey: false)
        #expect(measured.exitCode == 3, "\(measured.stdout)\n\(measured.stderr)")
        #expect(measured.stdout.contains("not measured"))
        var unset = Self.keys
        unset["KEY_DOWN"] = ""
        let missing = try await ConformProcess.run(["compat", Self.suite, "--targets", targets], environment: unset, withKey: false)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("target 'down' maps OPENAI_API_KEY (suite 'openai-list-models') to environment variable KEY_DOWN, which is unset or empty"))
        try #"{ "targets": [ { "name": "x", "baseURL": "http://x" } ] }"#.write(toFile: targets, atomically: true, encoding: .utf8)
        let typo = try await ConformProcess.run(["compat", Self.suite, "--targets", targets], environment: Self.keys, withKey: false)
        #expect(typo.exitCode == 2)
        #expect(typo.stderr.contains("targets.json:1:31: error: unknown key \"baseURL\" in target; did you mean \"baseUrl\"?"), "\(typo.stderr)")
    }

    @Test func fromResultsOfSeparateJobsBuildsTheSameMatrix() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try await MockProcess.start([Self.suite], environment: ["OPENAI_API_KEY": Self.keys["KEY_GOOD"]!])
        let driftA = try await MockProcess.start([Self.suite, "--drift", "drop-required:Model.owned_by"], environment: ["OPENAI_API_KEY": Self.keys["KEY_A"]!])
        defer { good.stop(); driftA.stop() }
        let entries = [("good", good.url + "/v1", "KEY_GOOD"), ("drift-a", driftA.url + "/v1", "KEY_A")]
        let targets = try Self.targetsFile(dir, entries)
        let path = { (name: String) in dir.appendingPathComponent(name).path }
        let together = try await ConformProcess.run(["compat", Self.suite, "--targets", targets, "--json", path("together.json")],
                                              environment: Self.keys, withKey: false)
        var results: [String] = []
        for (name, url, key) in entries {
            // One CI job per target: its own secret in the suite's variable, its name as the target label.
            let job = try await ConformProcess.run(["run", Self.suite, "--base-url", url, "--target-name", name, "--json", path(name + ".json")],
                                             environment: ["OPENAI_API_KEY": Self.keys[key]!], withKey: false)
            #expect(job.exitCode == 0 || job.exitCode == 1)
            results.append(path(name + ".json"))
        }
        let apart = try await ConformProcess.run(["compat", "--from"] + results + ["--targets", targets, "--json", path("apart.json")], withKey: false)
        #expect(apart.exitCode == together.exitCode, "\(apart.stdout)\n\(apart.stderr)")
        func essence(_ file: String) throws -> [String] {
            let m = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            let targets = (m["targets"]?.arrayValue ?? []).map { "\($0["name"]!) \($0["score"]!) \($0["applicable"]!)" }
            let rows = (m["rows"]?.arrayValue ?? []).map { row in
                "\(row["sharedId"]!) " + (row["cells"]?.arrayValue ?? []).map { "\($0["state"]!) \($0["classes"]!) \($0["checkId"]!)" }.joined(separator: " ")
            }
            return targets + rows
        }
        #expect(try essence(path("apart.json")) == essence(path("together.json")))
        let missing = try await ConformProcess.run(["compat", "--from", results[0], "--targets", targets], withKey: false)
        #expect(missing.exitCode == 2 && missing.stderr.contains("target 'drift-a' has no results (run it with --target-name drift-a)"))
    }
}
