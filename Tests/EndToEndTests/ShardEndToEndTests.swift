import ConformCore
import Foundation
import Testing

/// `conform run --shard I/N` + `conform merge` through the built executable: the merged run has exactly
/// the unsharded run's tally and check ids; a missing shard fails the merge.
@Suite(.serialized) struct ShardEndToEndTests {
    static let suite = ReportValidation.packageRoot.appendingPathComponent("suites/scale-gp-v4-list-models.json").path
    static let key = ["SGP_API_KEY": "conform-e2e-shard-key"]

    static func ids(_ path: String) throws -> [String] {
        let value = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        return (value["suites"]?.arrayValue ?? []).flatMap { s in (s["cases"]?.arrayValue ?? []).flatMap { c in
            (c["checks"]?.arrayValue ?? []).map { "\($0["id"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "")" } } }.sorted()
    }

    @Test func threeShardsMergeIntoTheUnshardedRun() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-shard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mock = try await MockProcess.start([Self.suite, "--drift", "drop-required:ModelGroupResponse.name"], environment: Self.key)
        defer { mock.stop() }
        func run(_ name: String, _ extra: [String]) async throws -> ConformProcess.Output {
            try await ConformProcess.run(["run", Self.suite, "--base-url", mock.url, "--target-name", "mock", "--json", dir.appendingPathComponent(name).path] + extra,
                                   environment: Self.key, withKey: false)
        }
        let whole = await try run("whole.json", [])
        var shards: [String] = []
        for i in 1...3 {
            let out = await try run("s\(i).json", ["--shard", "\(i)/3"])
            #expect(out.exitCode == 0 || out.exitCode == 1, "\(out.stderr)")
            shards.append(dir.appendingPathComponent("s\(i).json").path)
        }
        let merged = dir.appendingPathComponent("merged.json").path
        let m = try await ConformProcess.run(["merge"] + shards + ["--json", merged, "--junit", dir.appendingPathComponent("m.xml").path], withKey: false)
        #expect(m.exitCode == whole.exitCode, "\(m.stdout)\n\(m.stderr)")
        let wholeIds = try Self.ids(dir.appendingPathComponent("whole.json").path)
        #expect(try Self.ids(merged) == wholeIds)
        let first = try Self.ids(shards[0]), all = try Self.ids(merged)
        #expect(!first.isEmpty && first.count < all.count)
        ReportValidation.junit(dir.appendingPathComponent("m.xml").path)
        let missing = try await ConformProcess.run(["merge", shards[0], shards[2]], withKey: false)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("error: shard 2/3 is missing"))
        let twice = try await ConformProcess.run(["merge", shards[0], shards[1], shards[1], shards[2]], withKey: false)
        #expect(twice.exitCode == 2 && twice.stderr.contains("shard 2/3 is given twice"))
    }
}
