/// Where a run's failure, or a baseline entry, stands against the baseline (reports/README.md, "Baselines").
///
/// A failing finding is `new`, `known` or `expired`; an entry that matched no failure is `stale`,
/// `unobserved` or `orphaned`.
public enum BaselineClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// A failure the baseline does not list: fails the run.
    case new
    /// A failure the baseline accepts (entry not expired): does not fail the run.
    case known
    /// A failure whose entry is past its `expires` date: fails the run, naming the entry.
    case expired
    /// An entry whose check ran and no longer reports it (fixed): fails the run unless `--allow-stale`.
    case stale
    /// An entry whose check did not run (filtered out, errored, skipped, another target): a warning.
    case unobserved
    /// An entry whose suite and target ran but whose case or check is no longer in the suite: a warning.
    case orphaned
}

/// A failing finding's baseline class and, when an entry matched, that entry's reason and dates.
public struct BaselineMark: Sendable, Hashable, Codable {
    /// `new`, `known` or `expired`.
    public var classification: BaselineClass
    /// The entry's reason; nil for a new failure.
    public var reason: String?
    /// The entry's ticket URL, when it has one.
    public var ticket: String?
    /// The entry's expiry date (`YYYY-MM-DD`), when it has one.
    public var expires: String?

    /// A mark of `classification`, with the matched entry's reason, ticket and expiry.
    public init(classification: BaselineClass, reason: String? = nil, ticket: String? = nil, expires: String? = nil) {
        self.classification = classification; self.reason = reason; self.ticket = ticket; self.expires = expires
    }
}

extension CheckResult {
    /// A failed check whose every failure is accepted by the baseline (`known`): reported as skipped, not failed.
    public var isAcceptedFailure: Bool {
        let failures = findings.filter { $0.kind == .failure }
        guard status == .failed, !failures.isEmpty, unlisted == 0,
              failures.allSatisfy({ $0.baseline?.classification == .known }) else { return false }
        // Instances only counted are accepted when their problem is one of the known ones listed; instances of
        // problems past the limit (`unlisted`) have no id a baseline could name.
        let known = Set(failures.compactMap(\.id))
        return omitted.allSatisfy { $0.kind != .failure || $0.id.map(known.contains) == true }
    }
}
