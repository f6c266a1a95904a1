import ConformCore

/// A set of results files that do not make one whole (shards to merge, per-target results for a matrix):
/// what is missing, duplicated or mismatched. Commands fail closed on it — a partial run never reads as whole.
public struct ResultsSetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [String]
    public init(_ problems: [String]) { self.problems = problems }
    public var description: String { problems.joined(separator: "\n") }
}

/// One run out of its shards (`conform merge`): every shard 1…N exactly once, the same N, the same suites
/// with the same suite hashes and targets. Cases come shard by shard (the tally, ids and findings are the
/// unsharded run's; the order of cases within a suite is by shard); catalogs keep one listing per operation.
public enum ShardMerge {
    /// A results file as given on the command line.
    public struct Part: Sendable {
        public var path: String
        public var run: RunResult
        public init(path: String, run: RunResult) { self.path = path; self.run = run }
    }

    /// The merged run, or every reason it cannot be one.
    public static func merge(_ parts: [Part]) throws(ResultsSetError) -> RunResult {
        var problems: [String] = []
        for p in parts where p.run.shard == nil { problems.append("\(p.path) is not a shard (it was run without --shard)") }
        let sharded = parts.filter { $0.run.shard != nil }
        let counts = Set(sharded.compactMap { $0.run.shard?.count })
        if counts.count > 1 {
            problems.append("the shards split the run differently: " + sharded.map { "\($0.path) is \($0.run.shard!.description)" }.joined(separator: ", "))
        }
        if let n = counts.first, counts.count == 1 {
            var byIndex: [Int: [String]] = [:]
            for p in sharded { byIndex[p.run.shard!.index, default: []].append(p.path) }
            for i in 1...n {
                guard let paths = byIndex[i] else { problems.append("shard \(i)/\(n) is missing"); continue }
                if paths.count > 1 { problems.append("shard \(i)/\(n) is given twice: \(paths.joined(separator: " and "))") }
            }
        }
        if let first = sharded.first {
            let reference = signature(first.run)
            for p in sharded.dropFirst() where signature(p.run) != reference {
                problems.append("\(p.path) ran other suites, suite texts or targets than \(first.path): "
                                + describe(signature(p.run), against: reference))
            }
        }
        guard problems.isEmpty, let first = sharded.first else {
            throw ResultsSetError(problems.isEmpty ? ["no results file given"] : problems)
        }
        let ordered = sharded.sorted { $0.run.shard!.index < $1.run.shard!.index }
        var suites = first.run.suites
        for s in suites.indices {
            let matching = ordered.map { $0.run.suites[s] }
            suites[s].cases = matching.flatMap(\.cases)
            suites[s].durationSeconds = matching.map(\.durationSeconds).max() ?? 0
            suites[s].startedAt = matching.map(\.startedAt).filter { !$0.isEmpty }.min() ?? suites[s].startedAt
            var catalogs: [CatalogListing] = []
            for listing in matching.flatMap(\.catalogs) where !catalogs.contains(where: { $0.operation == listing.operation }) {
                catalogs.append(listing)
            }
            suites[s].catalogs = catalogs
        }
        var merged = RunResult(tool: first.run.tool, version: first.run.version, startedAt: ordered.map(\.run.startedAt).min() ?? "",
                               durationSeconds: ordered.map(\.run.durationSeconds).max() ?? 0, suites: suites)
        // One unverified shard makes the whole run unverified.
        if ordered.contains(where: { $0.run.insecureTLS == true }) { merged.insecureTLS = true }
        return merged
    }

    /// Suite id, target and suite hash of each suite, in order.
    static func signature(_ run: RunResult) -> [String] {
        run.suites.map { "\($0.suite) @ \($0.target) (suite hash \($0.suiteHash.prefix(12)))" }
    }

    static func describe(_ got: [String], against want: [String]) -> String {
        let extra = got.filter { !want.contains($0) }, missing = want.filter { !got.contains($0) }
        var parts: [String] = []
        if !extra.isEmpty { parts.append("has " + extra.joined(separator: ", ")) }
        if !missing.isEmpty { parts.append("lacks " + missing.joined(separator: ", ")) }
        return parts.isEmpty ? "the suites come in another order" : parts.joined(separator: "; ")
    }
}
