import ConformCore
import ConformMock
import Foundation
import Testing

/// Catalog drift through the built `conform`: two nights against mocks serving different catalogs, then
/// `--confirm-removals` fetching the models that went away.
@Suite(.serialized) struct CatalogEndToEndTests {
    static let suitePath = GoldenCase.root.appendingPathComponent("catalog-suite.json").path

    /// Serves the fixture suite with `models` models from `seed`, runs `conform run` against it, returns results.json.
    static func night(models: Int, seed: UInt64, extra: [String] = [], in dir: URL, name: String) async throws -> (JSONValue, ConformProcess.Output) {
        let suite = try SuiteLoader.load(path: suitePath)
        let app = MockApp(suites: [suite], seed: seed, models: models, credentials: ["FIXTURE_API_KEY": ConformProcess.secret])
        let server = try HTTPServer(handler: app.handle)
        try server.start()
        defer { server.stop() }
        let json = dir.appendingPathComponent(name).path
        let out = try await ConformProcess.run(["run", suitePath, "--base-url", server.baseURL, "--json", json, "--quiet"] + extra)
        ReportValidation.json(json)
        let text = try #require(FileManager.default.contents(atPath: json), "no results at \(json): \(out.stdout)\n\(out.stderr)")
        #expect(!String(decoding: text, as: UTF8.self).contains(ConformProcess.secret), "the credential must never be written")
        return (try JSONParser.parse(Array(text)), out)
    }

    static func catalog(_ results: JSONValue) throws -> JSONValue {
        try #require(results["suites"]?[0]?["catalogs"]?[0], "no catalog recorded")
    }

    static func ids(_ catalog: JSONValue) -> [String] { catalog["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    static func hashes(_ catalog: JSONValue) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (catalog["items"]?.arrayValue ?? []).compactMap { item in
            item["id"]?.stringValue.flatMap { id in item["hash"]?.stringValue.map { (id, $0) } }
        })
    }

    static func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func removedModelsAreRecordedAndConfirmedBy404() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (before, first) = await try Self.night(models: 10, seed: 1, in: dir, name: "before.json")
        #expect(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        let old = try Self.catalog(before)
        #expect(old["status"] == "complete")
        #expect(old["source"] == "walk:walk")
        #expect(old["requests"] == 3)
        #expect(Self.ids(old) == (1...10).map { String(format: "model-%04d", $0) })
        #expect(old["confirmation"] == .null)

        let beforePath = dir.appendingPathComponent("before.json").path
        let (after, second) = await try Self.night(models: 7, seed: 1, extra: ["--confirm-removals", beforePath], in: dir, name: "after.json")
        #expect(second.exitCode == 0, "\(second.stdout)\n\(second.stderr)")
        let new = try Self.catalog(after)
        #expect(Self.ids(new) == (1...7).map { String(format: "model-%04d", $0) })
        let oldHashes = Self.hashes(old)
        #expect(Self.hashes(new).allSatisfy { oldHashes[$0.key] == $0.value }, "same seed: the models that stayed are unchanged")
        let confirmation = try #require(new["confirmation"])
        #expect(confirmation["operation"] == "get")
        let checks = confirmation["checks"]?.arrayValue ?? []
        #expect(checks.compactMap { $0["id"]?.stringValue } == ["model-0008", "model-0009", "model-0010"])
        #expect(checks.allSatisfy { $0["status"] == 404 && $0["confirmsRemoval"] == true }, "\(checks)")
        #expect(confirmation["notChecked"] == 0)
        #expect(second.stdout.contains("Catalog e2e-catalog › list: 7 items (complete); 3 missing since BEFORE, fetched by id (get): 3 answered 404/410\n"),
                "\(second.stdout)")
    }

    @Test func aNewSeedChangesContentButNotIds() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (before, _) = await try Self.night(models: 6, seed: 1, in: dir, name: "before.json")
        let (after, _) = await try Self.night(models: 6, seed: 2, in: dir, name: "after.json")
        let old = try Self.catalog(before), new = try Self.catalog(after)
        #expect(Self.ids(old) == Self.ids(new))
        let changed = Self.hashes(new).filter { Self.hashes(old)[$0.key] != $0.value }
        #expect(!changed.isEmpty, "another seed synthesises other values")
        #expect(new["confirmation"] == .null)
    }

    @Test func anUnreachableTargetRecordsAnErroredListingAndABadBeforeFileIsAUsageError() async throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("down.json").path
        let out = try await ConformProcess.run(["run", Self.suitePath, "--base-url", "http://127.0.0.1:9", "--json", json, "--quiet", "--retries", "0"])
        #expect(out.exitCode == 3, "\(out.stdout)\n\(out.stderr)")
        let listing = try Self.catalog(try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: json)))))
        #expect(listing["status"] == "errored")
        #expect(listing["reason"]?.stringValue?.hasPrefix("page 1: ") == true)

        let bad = dir.appendingPathComponent("bad.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: bad))
        let usage = try await ConformProcess.run(["run", Self.suitePath, "--confirm-removals", bad])
        #expect(usage.exitCode == 2)
        #expect(usage.stderr.contains("--confirm-removals: \(bad) at /schemaVersion: missing"), "\(usage.stderr)")
        let help = try await ConformProcess.run(["run", "--help"])
        #expect(help.stdout.contains("--confirm-removals BEFORE.json"), "\(help.stdout)")
    }
}
