/// One request (or one walk / cross-request sequence) and the verdicts of the checks made on it.
public struct CaseResult: Sendable, Hashable, Codable {
    /// Stable id within the suite (`list.limit.above-maximum`).
    public var id: String
    /// The operation id it exercises.
    public var operation: String
    /// Readable name for consoles and CI UIs: `GET /v5/models?limit=1001 › rejects limit above maximum`.
    public var name: String
    /// Where the case's promise comes from in the source document.
    public var citation: String?
    /// The (first) request sent, redacted. Walks and cross-checks list the rest in `extraRequests`.
    public var request: RecordedRequest?
    public var extraRequests: [RecordedRequest]
    public var attempts: [Attempt]
    public var response: RecordedResponse?
    public var durationSeconds: Double
    /// One-line curl reproduction with the secret replaced by `$ENV_VAR`.
    public var curl: String?
    public var checks: [CheckResult]

    public init(id: String, operation: String, name: String, citation: String? = nil, request: RecordedRequest? = nil,
                extraRequests: [RecordedRequest] = [], attempts: [Attempt] = [], response: RecordedResponse? = nil,
                durationSeconds: Double = 0, curl: String? = nil, checks: [CheckResult] = []) {
        self.id = id; self.operation = operation; self.name = name; self.citation = citation; self.request = request
        self.extraRequests = extraRequests; self.attempts = attempts; self.response = response
        self.durationSeconds = durationSeconds; self.curl = curl; self.checks = checks
    }
}

/// All cases of one suite against one target.
public struct SuiteResult: Sendable, Hashable, Codable {
    public var suite: String
    public var title: String
    public var file: String
    public var baseURL: String
    /// The target's label (`--target-name`, default the base URL's `host:port`); part of every id.
    public var target: String
    /// SHA-256 of the suite file's bytes: two results of the same suite text carry the same hash.
    public var suiteHash: String
    public var cases: [CaseResult]
    public var durationSeconds: Double
    public var startedAt: String
    /// Ids of the planned cases, walks and cross-checks that `--filter` left out: they exist in the suite
    /// but did not run (a baseline entry for one is unobserved, not orphaned).
    public var unselected: [String] = []
    /// The catalog seen per list operation (walked, or read through its `catalog` member); see `CatalogListing`.
    public var catalogs: [CatalogListing] = []

    public init(suite: String, title: String, file: String, baseURL: String, target: String = "", suiteHash: String = "",
                cases: [CaseResult] = [], durationSeconds: Double = 0, startedAt: String = "", catalogs: [CatalogListing] = []) {
        self.suite = suite; self.title = title; self.file = file; self.baseURL = baseURL; self.target = target
        self.suiteHash = suiteHash; self.cases = cases; self.durationSeconds = durationSeconds; self.startedAt = startedAt
        self.catalogs = catalogs
    }

    public var counts: Tally { Tally(cases.flatMap(\.checks)) }
}

/// Counts of check verdicts.
public struct Tally: Sendable, Hashable, Codable {
    public var passed = 0, failed = 0, errors = 0, skipped = 0
    public init() {}
    public init<S: Sequence>(_ checks: S) where S.Element == CheckResult {
        for c in checks {
            switch c.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
    }
    public var total: Int { passed + failed + errors + skipped }
    public static func + (a: Tally, b: Tally) -> Tally {
        var t = a; t.passed += b.passed; t.failed += b.failed; t.errors += b.errors; t.skipped += b.skipped; return t
    }
}

/// A whole run: every suite against its target.
public struct RunResult: Sendable, Hashable, Codable {
    public var tool: String
    public var version: String
    public var startedAt: String
    public var durationSeconds: Double
    public var suites: [SuiteResult]
    /// The part of a sharded run this is (`--shard I/N`); nil for a whole run (or a merged one).
    public var shard: Shard?
    /// How the run stood against `--baseline`; nil when none was given.
    public var baseline: BaselineSummary?
    /// True when TLS certificates and host names were not verified (`--insecure`); nil otherwise. Every
    /// report shows `RunResult.insecureTLSWarning` then.
    public var insecureTLS: Bool?

    /// What consoles and reports print for a run with `insecureTLS`.
    public static let insecureTLSWarning = "INSECURE: TLS certificates and host names were NOT verified (--insecure)"

    public init(tool: String = "conform", version: String, startedAt: String, durationSeconds: Double, suites: [SuiteResult],
                shard: Shard? = nil) {
        self.tool = tool; self.version = version; self.startedAt = startedAt; self.durationSeconds = durationSeconds; self.suites = suites
        self.shard = shard
    }

    public var counts: Tally { suites.reduce(Tally()) { $0 + $1.counts } }

    /// CLI exit code: 0 all held; 1 any check failed; 3 checks could not run and none failed.
    /// With a baseline, 1 means a new or expired failure or a stale entry (`BaselineSummary.failsRun`).
    public var exitCode: Int32 {
        let t = counts
        if baseline?.failsRun ?? (t.failed > 0) { return 1 }
        if t.errors > 0 { return 3 }
        return 0
    }
}
