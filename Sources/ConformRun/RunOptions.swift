import Foundation
import ConformCore

/// How a run behaves: limits, retries, selection and user variables (the `conform run` flags).
public struct RunOptions: Sendable {
    /// Seconds one request attempt may take (`--timeout`).
    public var timeout: Double
    /// Seconds the whole run may take (`--deadline`); nil for no limit.
    public var deadline: Double?
    /// Cases in flight at once (`--concurrency`); the requests of one walk always go one after another.
    public var concurrency: Int
    /// Retry policy (`--retries` sets its budget).
    public var retryPolicy: RetryPolicy
    /// Replaces every suite's `baseUrl` (`--base-url`).
    public var baseURL: String?
    /// Keeps only cases whose id or name matches (`--filter`; substring, or a glob with `*`).
    public var filter: String?
    /// `--var NAME=VALUE`: `${NAME}` substitutions in query/path values, and `request.vars.NAME` in expressions.
    public var variables: [String: String]
    /// `--target-name`: the target's label in reports and finding ids; nil for the base URL's `host:port`.
    public var targetName: String?
    /// Bytes of each response body kept as an excerpt in the records.
    public var excerptBytes: Int
    /// `--confirm-removals BEFORE.json`: the earlier run's catalogs, whose missing items are fetched by id.
    public var previousCatalogs: PreviousCatalogs?
    /// The variable a suite's credential is named by in reports, per suite variable, when not the suite's own
    /// (`conform compat`: a target's `credentials` mapping, so its curl lines say `$LITELLM_MASTER_KEY`).
    public var credentialNames: [String: String] = [:]
    /// Secrets of other targets, redacted by value too: no target's secret reaches any output.
    public var otherSecrets: [Secret] = []
    /// `--insecure`: TLS certificates were not verified; the result (and so every report) says so.
    public var insecureTLS = false
    /// `--compressed`: requests ask for gzip or deflate (`RunOptions.compressedEncodings`) unless a case sets
    /// `Accept-Encoding` itself; answers are decoded whatever was asked (`ContentDecoding`).
    public var compressed = false
    /// What `--compressed` asks for: the codings Conform decodes.
    public static let compressedEncodings = "gzip, deflate"
    /// `--shard I/N`: only the cases (whole walks, whole cross-checks) of this part of the run.
    public var shard: Shard?
    /// Record each list's catalog (item ids and hashes) in the result (default true). The self-test turns it
    /// off: its verdicts read checks, never catalogs, and hashing every item of hundreds of runs is its cost.
    public var recordCatalogs = true
    /// `--max-requests`: the most requests one pagination walk sends (nil: `WalkBudget.defaultMaxRequests`).
    public var maxRequestsPerWalk: Int?
    /// Give every check and finding its stable id (`FindingIdentity`; default true). The self-test turns it
    /// off: its verdicts compare problems within one suite's runs and never read ids.
    public var assignIdentities = true
    /// Checks of answers already evaluated (the self-test's conforming run), reused for identical answers.
    public var evaluationMemo: EvaluationMemo?
    /// Called for each finished case, in plan order (console lines, progress).
    public var onCase: (@Sendable (_ suite: Suite, _ result: CaseResult) -> Void)?
    /// Called when a suite starts, with the (redacted) base URL it is sent to.
    public var onSuite: (@Sendable (_ suite: Suite, _ baseURL: String) -> Void)?

    public init(timeout: Double = 30, deadline: Double? = nil, concurrency: Int = 4, retryPolicy: RetryPolicy = RetryPolicy(),
                baseURL: String? = nil, filter: String? = nil, variables: [String: String] = [:], excerptBytes: Int = 2048,
                onCase: (@Sendable (Suite, CaseResult) -> Void)? = nil) {
        self.timeout = timeout; self.deadline = deadline; self.concurrency = max(1, concurrency)
        self.retryPolicy = retryPolicy; self.baseURL = baseURL; self.filter = filter; self.variables = variables
        self.excerptBytes = excerptBytes; self.onCase = onCase
    }

    /// Whether a case, walk or cross-check with this id and name is selected by `filter`.
    public func selects(id: String, name: String) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        if filter.contains("*") { return Self.glob(filter, matches: id) || Self.glob(filter, matches: name) }
        return id.contains(filter) || name.contains(filter)
    }

    /// `*` matches any run of characters; the whole text must match.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == t[ti] { pi += 1; ti += 1 }
            else if pi < p.count, p[pi] == "*" { star = pi; mark = ti; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; ti = mark }
            else { return false }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// `${NAME}` in a string replaced by the variable's value; other values unchanged.
    public func substitute(_ value: JSONValue) -> JSONValue {
        guard case .string(let s) = value, s.contains("${") else { return value }
        var out = s
        for (name, v) in variables { out = out.replacingOccurrences(of: "${\(name)}", with: v) }
        return .string(out)
    }

    /// Variables as expression values: numbers and booleans when the text is one, else strings.
    public var expressionVariables: [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (name, text) in variables {
            if let parsed = try? JSONParser.parse(text), parsed.stringValue == nil, parsed.arrayValue == nil, parsed.objectValue == nil {
                out[name] = parsed
            } else {
                out[name] = .string(text)
            }
        }
        return out
    }
}
