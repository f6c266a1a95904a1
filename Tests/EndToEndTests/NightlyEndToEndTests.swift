import ConformCore
import Foundation
import Testing

/// Tonight against last night through the built executable: `conform run --json` against `conform mock`
/// (with a drift standing for tonight's change), then `conform diff`.
@Suite(.serialized) struct NightlyEndToEndTests {
    static let root = ReportValidation.packageRoot
    static let v5 = root.appendingPathComponent("suites/scale-gp-v5-list-models.json").path
    static let v4 = root.appendingPathComponent("suites/scale-gp-v4-list-models.json").path
    static let key = ["SGP_API_KEY": "conform-e2e-nightly-key"]

    /// A temporary folder for one test's results files.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-nightly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// One night: `conform run SUITE --base-url URL --target-name nightly --json OUT`.
    static func night(_ suite: String, url: String, json: URL, extra: [String] = []) async throws -> ConformProcess.Output {
        try await ConformProcess.run(["run", suite, "--base-url", url, "--target-name", "nightly", "--json", json.path, "-q"] + extra,
                               environment: key, withKey: false)
    }

    static func diff(_ before: URL, _ after: URL, _ extra: [String] = []) async throws -> ConformProcess.Output {
        try await ConformProcess.run(["diff", before.path, after.path] + extra, withKey: false)
    }

    static func json(_ url: URL) throws -> JSONValue {
        try JSONParser.parse([UInt8](FileManager.default.contents(atPath: url.path) ?? Data()))
    }

    @Test func aDriftThatMovesFromOneMemberToAnotherIsNewAndFixed() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n1 = dir.appendingPathComponent("n1.json"), n2 = dir.appendingPathComponent("n2.json"), n3 = dir.appendingPathComponent("n3.json")
        for (drift, out) in [("drop-required:InferenceModel.name", n1), ("drop-required:InferenceModel.status", n2)] {
            let mock = try await MockProcess.start([Self.v5, "--drift", drift], environment: Self.key)
            let r = await try Self.night(Self.v5, url: mock.url, json: out)
            mock.stop()
            #expect(r.exitCode == 1, "\(r.stdout)\n\(r.stderr)")
        }
        let conforming = try await MockProcess.start([Self.v5], environment: Self.key)
        let r3 = await try Self.night(Self.v5, url: conforming.url, json: n3)
        conforming.stop()
        #expect(r3.exitCode == 0, "\(r3.stdout)\n\(r3.stderr)")

        let md = dir.appendingPathComponent("diff.md"), out = dir.appendingPathComponent("diff.json")
        let d12 = await try Self.diff(n1, n2, ["--markdown", md.path, "--json", out.path])
        #expect(d12.exitCode == 1, "new failures fail the default gate\n\(d12.stdout)\(d12.stderr)")
        let value = try Self.json(out)
        let newCount = value["counts"]?["new"]?.numberValue?.int64Value ?? 0
        #expect(newCount > 0 && value["counts"]?["fixed"] == value["counts"]?["new"], "\(d12.stdout)")
        #expect(value["counts"]?["still-failing"] == 0)
        let entries = value["entries"]?.arrayValue ?? []
        #expect(entries.filter { $0["change"] == "new" }.allSatisfy { $0["finding"]?["argument"] == "status" })
        #expect(entries.filter { $0["change"] == "fixed" }.allSatisfy { $0["finding"]?["argument"] == "name" })
        let markdown = String(decoding: FileManager.default.contents(atPath: md.path) ?? Data(), as: UTF8.self)
        #expect(markdown.hasPrefix("**✘ \(newCount) new failure"))
        #expect(markdown.contains("missing required property \"status\""))
        #expect(markdown.count < 60_000)
        #expect(!markdown.contains("conform-e2e-nightly-key") && !d12.stdout.contains("conform-e2e-nightly-key"))

        let d23 = await try Self.diff(n2, n3)
        #expect(d23.exitCode == 0, "only fixed: the default gate passes\n\(d23.stdout)")
        #expect(d23.stdout.contains(" 0 new, \(newCount) fixed"))
        await #expect(try Self.diff(n2, n3, ["--fail-on", "changed"]).exitCode == 1)
        await #expect(try Self.diff(n2, n3, ["--fail-on", "none"]).exitCode == 0)
        await #expect(try Self.diff(n3, n3, ["--fail-on", "changed"]).exitCode == 0)
    }

    @Test func anUnreachableTargetBecameAnErrorAndNothingIsFixed() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n1 = dir.appendingPathComponent("n1.json"), n2 = dir.appendingPathComponent("n2.json")
        let mock = try await MockProcess.start([Self.v5, "--drift", "drop-required:InferenceModel.name"], environment: Self.key)
        _ = await try Self.night(Self.v5, url: mock.url, json: n1)
        mock.stop()
        let down = await try Self.night(Self.v5, url: mock.url, json: n2, extra: ["--retries", "0", "--timeout", "2"])
        #expect(down.exitCode == 3, "\(down.stdout)\n\(down.stderr)")
        let d = await try Self.diff(n1, n2, ["--json", dir.appendingPathComponent("d.json").path])
        #expect(d.exitCode == 1, "a check that became an error fails the default gate\n\(d.stdout)")
        let value = try Self.json(dir.appendingPathComponent("d.json"))
        #expect((value["counts"]?["became-error"]?.numberValue?.int64Value ?? 0) > 0)
        #expect(value["counts"]?["fixed"] == 0, "unreachable is not fixed")
        #expect(value["counts"]?["check-removed"] == 0)
        let back = await try Self.diff(n2, n1, ["--json", dir.appendingPathComponent("b.json").path])
        let backValue = try Self.json(dir.appendingPathComponent("b.json"))
        #expect((backValue["counts"]?["recovered"]?.numberValue?.int64Value ?? 0) > 0, "\(back.stdout)")
    }

    @Test func aSuiteEditedBetweenNightsKeepsItsStillFailingFindings() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try String(contentsOfFile: Self.v5, encoding: .utf8)
        let anchor = "\"invariants\": [\n            {\n              \"name\": \"total counts at least the items returned\""
        #expect(original.contains(anchor))
        let edited = original.replacingOccurrences(of: anchor, with: anchor.replacingOccurrences(of: "[\n", with: "[\n            \"len(items) >= 0\",\n"))
        let editedPath = dir.appendingPathComponent("scale-gp-v5-list-models.json")
        try edited.write(to: editedPath, atomically: true, encoding: .utf8)
        let n1 = dir.appendingPathComponent("n1.json"), n2 = dir.appendingPathComponent("n2.json")
        let mock = try await MockProcess.start([Self.v5, "--drift", "invariant:list.1"], environment: Self.key)
        _ = await try Self.night(Self.v5, url: mock.url, json: n1)
        _ = await try Self.night(editedPath.path, url: mock.url, json: n2)
        mock.stop()
        let d = await try Self.diff(n1, n2, ["--json", dir.appendingPathComponent("d.json").path])
        let value = try Self.json(dir.appendingPathComponent("d.json"))
        #expect(value["counts"]?["new"] == 0 && value["counts"]?["fixed"] == 0, "\(d.stdout)")
        #expect((value["counts"]?["still-failing"]?.numberValue?.int64Value ?? 0) > 0, "the invariant moved down one place and kept its id")
        #expect((value["counts"]?["check-added"]?.numberValue?.int64Value ?? 0) > 0, "the inserted invariant is a check added")
        #expect(value["pairings"]?[0]?["suiteChanged"] == true)
        #expect(d.stdout.contains("changed between the runs"))
        #expect(d.exitCode == 0)
    }

    @Test func theCatalogShowsAddedRemovedAndChangedModelsOrSaysWhyItCannot() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n1 = dir.appendingPathComponent("n1.json"), n2 = dir.appendingPathComponent("n2.json"), n3 = dir.appendingPathComponent("n3.json")
        for (models, seed, out) in [("57", "1", n1), ("50", "2", n2)] {
            let mock = try await MockProcess.start([Self.v4, "--models", models, "--seed", seed], environment: Self.key)
            let r = await try Self.night(Self.v4, url: mock.url, json: out)
            mock.stop()
            #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
        }
        let d = await try Self.diff(n1, n2, ["--json", dir.appendingPathComponent("d.json").path, "--markdown", dir.appendingPathComponent("d.md").path])
        let catalog = try Self.json(dir.appendingPathComponent("d.json"))["catalog"]
        let first = catalog?["comparisons"]?[0]
        #expect(first?["inconclusive"] == .null, "\(d.stdout)")
        let changes = ["added", "removed", "changed"].map { first?[$0]?.arrayValue?.count ?? 0 }
        #expect(changes.reduce(0, +) > 0, "\(d.stdout)")
        #expect(d.stdout.contains("catalog scale-gp-v4-list-models"))
        let markdown = String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent("d.md").path) ?? Data(), as: UTF8.self)
        #expect(markdown.contains("Catalog drift"))
        let schema = Self.root.appendingPathComponent("reports/diff.schema.json").path
        let valid = try await ConformProcess.run(["schema", "check", "--schema", schema, dir.appendingPathComponent("d.json").path], withKey: false)
        #expect(valid.exitCode == 0, "the diff JSON with a catalog matches reports/diff.schema.json\n\(valid.stdout)")

        // Tonight the target is down: the catalog comparison is inconclusive, never "every model removed".
        let gone = try await MockProcess.start([Self.v4], environment: Self.key)
        let url = gone.url
        gone.stop()
        _ = await try Self.night(Self.v4, url: url, json: n3, extra: ["--retries", "0", "--timeout", "2"])
        let d2 = await try Self.diff(n2, n3, ["--json", dir.appendingPathComponent("d2.json").path])
        let c2 = try Self.json(dir.appendingPathComponent("d2.json"))["catalog"]?["comparisons"]?[0]
        #expect(c2?["inconclusive"]?.stringValue != nil, "\(d2.stdout)")
        #expect(c2?["removed"]?.arrayValue?.isEmpty == true)
        #expect(d2.stdout.contains("inconclusive"))
    }

    @Test func aBaselinedNightIsKnownInTheTrendAndTheDiffStillSeesTheFailure() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nights = dir.appendingPathComponent("nights")
        try FileManager.default.createDirectory(at: nights, withIntermediateDirectories: true)
        let n1 = nights.appendingPathComponent("results-1.json"), n2 = nights.appendingPathComponent("results-2.json")
        let baseline = dir.appendingPathComponent("baseline.json")
        let mock = try await MockProcess.start([Self.v5, "--drift", "drop-required:InferenceModel.name"], environment: Self.key)
        defer { mock.stop() }
        await #expect(try Self.night(Self.v5, url: mock.url, json: n1).exitCode == 1)
        let add = try await ConformProcess.run(["baseline", "add", n1.path, "--reason", "vendor ticket T-1: name is being restored",
                                          "--expires", "2099-01-01", "--to", baseline.path], withKey: false)
        #expect(add.exitCode == 0, "\(add.stdout)\(add.stderr)")
        let accepted = await try Self.night(Self.v5, url: mock.url, json: n2, extra: ["--baseline", baseline.path])
        #expect(accepted.exitCode == 0, "every failure is known\n\(accepted.stdout)\(accepted.stderr)")
        #expect(accepted.stdout.contains(" passed, 0 failed, 3 known (accepted), "), "\(accepted.stdout)")
        let loud = try await ConformProcess.run(["run", Self.v5, "--base-url", mock.url, "--target-name", "nightly", "--baseline", baseline.path],
                                          environment: Self.key, withKey: false)
        #expect(loud.stdout.contains("~ body matches schema: known failure, accepted (vendor ticket T-1: name is being restored)"), "\(loud.stdout)")
        #expect(!loud.stdout.contains("✘ GET"), "a known failure is not printed as one to act on\n\(loud.stdout)")
        let md = dir.appendingPathComponent("trend.md")
        let trend = try await ConformProcess.run(["trend", nights.path, "--markdown", md.path], withKey: false)
        #expect(trend.exitCode == 0, "\(trend.stdout)\(trend.stderr)")
        let table = String(decoding: FileManager.default.contents(atPath: md.path) ?? Data(), as: UTF8.self)
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| 20") }
        #expect(rows.count == 2, "\(table)")
        // Night 1 ran without a baseline (known —); night 2's failing checks are all accepted.
        let known = rows.map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[7] }
        #expect(known.first == "—" && (Int(known.last ?? "") ?? 0) > 0, "\(rows) \(known)")
        let d = await try Self.diff(n1, n2)
        #expect(d.exitCode == 0 && d.stdout.contains(" 0 new, 0 fixed"), "a known failure is still failing, not fixed\n\(d.stdout)")
    }

    @Test func unusableInputIsExit2WithWhereAndWhat() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"schemaVersion": 2, "tool": 3}"#.write(to: bad, atomically: true, encoding: .utf8)
        let r = await try Self.diff(bad, bad)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("bad.json at /tool: expected a string"), "\(r.stderr)")
        #expect(try await ConformProcess.run(["diff", bad.path], withKey: false).exitCode == 2)
        let fail = try await ConformProcess.run(["diff", bad.path, bad.path, "--fail-on", "neww"], withKey: false)
        #expect(fail.exitCode == 2 && fail.stderr.contains("did you mean 'new'"))
    }
}
