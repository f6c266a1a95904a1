import ConformCore

/// One target's verdict on one rule of a compatibility matrix.
public struct CompatCell: Sendable, Hashable {
    /// What the cell says.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// The rule held.
        case pass
        /// The rule did not hold (or could not be checked because an earlier check of the case failed).
        case fail
        /// The check could not run: unreachable, timeout, TLS, body over the cap — a harness problem, never
        /// the target's failure.
        case error
        /// The check did not apply (its input was legitimately absent), with the reason.
        case skipped
        /// The operation's path answered 404/405 or an HTML page: the target does not serve it.
        case notImplemented = "not-implemented"
        /// The target's results do not hold this rule at all (a suite or case filtered out there).
        case absent
    }

    public var state: State
    /// The classes of the failing findings, most frequent first (empty unless failed).
    public var classes: [FailureClass]
    /// `in 65 of 65 items`, when the failure is countable.
    public var extent: String?
    /// The first failure (or error) in full: detail, pointer, expected/actual, rule location.
    public var evidence: Finding?
    /// How many failing findings the check reported.
    public var findingCount: Int
    /// Why it was skipped, errored or counted as failed without running.
    public var reason: String?
    /// The case's curl reproduction (redacted).
    public var curl: String?
    /// The check's id on this target (`CheckResult.id`).
    public var checkId: String?
    /// Skipped because an earlier check of the case failed: counts against the target (not applicable
    /// skips do not).
    public var afterFailure = false

    public init(state: State, classes: [FailureClass] = [], extent: String? = nil, evidence: Finding? = nil, findingCount: Int = 0,
                reason: String? = nil, curl: String? = nil, checkId: String? = nil) {
        self.state = state; self.classes = classes; self.extent = extent; self.evidence = evidence
        self.findingCount = findingCount; self.reason = reason; self.curl = curl; self.checkId = checkId
    }

    /// "member missing in 65 of 65 items", "status", "not implemented: 404", … — the hover text of a cell.
    public var summary: String {
        switch state {
        case .pass: return "pass"
        case .fail:
            let what = classes.isEmpty ? "fail" : classes.map(\.rawValue).joined(separator: ", ")
            if let extent, !extent.isEmpty { return "\(what) \(extent)" }
            if evidence == nil, let reason { return "fail: \(reason)" }
            return what
        case .error: return "error: " + (reason ?? "could not run")
        case .skipped: return (afterFailure ? "not checked after a failure: " : "skipped: ") + (reason ?? "")
        case .notImplemented: return "not implemented: " + (reason ?? "")
        case .absent: return "not in this target's results"
        }
    }

    /// The symbol shown beside the colour, so a cell reads without colour.
    public var symbol: String {
        switch state {
        case .pass: return "✔"
        case .fail: return "✘"
        case .error: return "⚠"
        case .skipped: return "–"
        case .notImplemented: return "∅"
        case .absent: return "·"
        }
    }
}
