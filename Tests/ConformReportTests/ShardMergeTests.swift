import ConformCore
import Testing
@testable import ConformReport

/// `ShardMerge` fails closed and otherwise gives back the whole run's tally.
@Suite struct ShardMergeTests {
    typealias F = RunDiffTests

    static func part(_ i: Int, of n: Int, _ cases: [CaseResult], hash: String = "h1", path: String? = nil) -> ShardMerge.Part {
        var run = F.run(cases, hash: hash)
        run.shard = Shard(index: i, count: n)
        return ShardMerge.Part(path: path ?? "shard-\(i).json", run: run)
    }

    @Test func theMergedTallyIsTheSumOfTheShards() throws {
        let merged = try ShardMerge.merge([Self.part(2, of: 2, [F.listCase("b", missing: ["x"])]), Self.part(1, of: 2, [F.listCase("a")])])
        #expect(merged.suites.first?.cases.map(\.id) == ["a", "b"])
        #expect(merged.counts.passed == 3 && merged.counts.failed == 1)
        #expect(merged.shard == nil && merged.exitCode == 1)
    }

    @Test func aMissingOrDuplicatedShardFailsClosed() {
        #expect(throws: ResultsSetError(["shard 2/3 is missing", "shard 3/3 is missing"])) {
            try ShardMerge.merge([Self.part(1, of: 3, [F.listCase("a")])])
        }
        #expect(throws: ResultsSetError(["shard 1/2 is given twice: x.json and y.json", "shard 2/2 is missing"])) {
            try ShardMerge.merge([Self.part(1, of: 2, [], path: "x.json"), Self.part(1, of: 2, [], path: "y.json")])
        }
    }

    @Test func differentSuiteTextsOrSplitsOrAWholeRunFailClosed() {
        do {
            _ = try ShardMerge.merge([Self.part(1, of: 2, []), Self.part(2, of: 2, [], hash: "h2")])
            Issue.record("merged")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].hasPrefix("shard-2.json ran other suites, suite texts or targets than shard-1.json: has s @ t (suite hash h2)"))
        }
        #expect(throws: ResultsSetError.self) { try ShardMerge.merge([Self.part(1, of: 2, []), Self.part(2, of: 3, [])]) }
        #expect(throws: ResultsSetError(["whole.json is not a shard (it was run without --shard)"])) {
            try ShardMerge.merge([ShardMerge.Part(path: "whole.json", run: F.run([F.listCase()]))])
        }
    }
}
