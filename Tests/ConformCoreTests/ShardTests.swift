import ConformCore
import Testing

/// `--shard I/N`: every case in exactly one shard, the same one every time; parsing rejects nonsense.
@Suite struct ShardTests {
    @Test func everyCaseIsInExactlyOneShard() {
        let ids = (0..<500).map { "case-\($0)" }
        for n in [1, 2, 3, 7] {
            let shards = (1...n).map { Shard(index: $0, count: n) }
            for id in ids { #expect(shards.filter { $0.selects(suite: "s", caseId: id) }.count == 1) }
            if n > 1 { #expect(shards.allSatisfy { s in ids.contains { s.selects(suite: "s", caseId: $0) } }, "no shard is empty at 500 cases") }
        }
    }

    @Test func parsing() {
        #expect(Shard("2/3") == Shard(index: 2, count: 3))
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/3/4", ""] { #expect(Shard(bad) == nil, "\(bad)") }
    }
}
