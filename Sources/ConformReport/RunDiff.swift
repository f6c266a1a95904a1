import ConformCore

/// Two runs compared by check and finding id: what is new, fixed, still failing, added, removed, became an
/// error or recovered (`conform diff BEFORE.json AFTER.json`).
///
/// Suites are paired by suite id (and by target when a run holds one suite against several targets);
/// within a pair, checks and findings line up by `sharedId` — the id without the target — so a pair whose
/// target labels differ still aligns, and the pairing says so. A check that did not run on one side
/// (skipped, or an error such as an unreachable server) never makes its findings "fixed" or "new" there.
public struct RunDiff: Sendable {
    /// How one check or finding moved between the two runs.
    public enum Change: String, Sendable, CaseIterable {
        /// Failing now, not before (its check passed, was not there, or did not run before).
        case new
        /// Failing before; its check ran now and the problem is gone.
        case fixed
        /// Failing in both runs.
        case stillFailing = "still-failing"
        /// A check only the after run has (the suite gained a rule or a case).
        case checkAdded = "check-added"
        /// A check only the before run has.
        case checkRemoved = "check-removed"
        /// Checks that ran before and could not run now (unreachable, timeout, body over the cap); one entry
        /// per case, naming its checks.
        case becameError = "became-error"
        /// Checks that could not run before and run now; one entry per case.
        case recovered

        /// `3 new`, `1 check added`, `2 checks added`: a count with its change, for verdict lines.
        public func counted(_ n: Int) -> String {
            switch self {
            case .checkAdded: return "\(n) check\(n == 1 ? "" : "s") added"
            case .checkRemoved: return "\(n) check\(n == 1 ? "" : "s") removed"
            default: return "\(n) \(title)"
            }
        }

        /// Readable heading: "new", "still failing".
        public var title: String {
            switch self {
            case .new: return "new"
            case .fixed: return "fixed"
            case .stillFailing: return "still failing"
            case .checkAdded: return "check added"
            case .checkRemoved: return "check removed"
            case .becameError: return "became an error"
            case .recovered: return "recovered"
            }
        }
    }

    /// One changed check or finding, with what a reader needs to act on it.
    public struct Entry: Sendable {
        public var change: Change
        public var suite: String
        /// The target label on the side the evidence comes from.
        public var target: String
        public var caseId: String
        public var caseName: String
        public var checkName: String
        /// The check kind (`status`, `schema`, …) of the check.
        public var checkKind: String
        /// The finding (or check) id on the side the evidence comes from, and the target-free id both share.
        public var id: String
        public var sharedId: String
        /// The finding: the after run's for new and still failing, the before run's for fixed; nil for check-level changes.
        public var finding: Finding?
        /// How many places the problem shows in (the same id repeats once per offending item); for a
        /// became-an-error or recovered entry, how many checks of its case it stands for.
        public var instances: Int
        /// The check's status before and after (nil where the check is absent).
        public var before: CheckResult.Status?
        public var after: CheckResult.Status?
        /// What the error was, for became-an-error (the first error finding's detail).
        public var errorDetail: String?
        /// The curl reproduction of the case on the evidence side.
        public var curl: String?
    }

    /// How a suite of one run was matched with the other run.
    public struct Pairing: Sendable {
        public var suite: String
        public var beforeTarget: String?
        public var afterTarget: String?
        public var beforeHash: String?
        public var afterHash: String?

        /// Both runs hold the suite.
        public var isPaired: Bool { beforeTarget != nil && afterTarget != nil }
        /// The suite's text differs between the runs.
        public var suiteChanged: Bool { isPaired && beforeHash != afterHash }
        /// The target labels differ (the pair was aligned by target-free ids).
        public var targetDiffers: Bool { isPaired && beforeTarget != afterTarget }
    }

    public var pairings: [Pairing]
    public var entries: [Entry]

    /// Compares `before` with `after`.
    public init(before: RunResult, after: RunResult) {
        var pairings: [Pairing] = []
        var entries: [Entry] = []
        for (b, a) in Self.pair(before.suites, after.suites) {
            pairings.append(Pairing(suite: (a ?? b)!.suite, beforeTarget: b?.target, afterTarget: a?.target,
                                    beforeHash: b?.suiteHash, afterHash: a?.suiteHash))
            entries += SuiteComparison(before: b, after: a).entries
        }
        self.pairings = pairings
        self.entries = entries
    }

    /// Entries of one change, in run order.
    public func entries(_ change: Change) -> [Entry] { entries.filter { $0.change == change } }

    /// How many entries of each change.
    public func count(_ change: Change) -> Int { entries.reduce(0) { $0 + ($1.change == change ? 1 : 0) } }

    /// Whether anything differs at all (other than still failing).
    public var hasChanges: Bool { entries.contains { $0.change != .stillFailing } }

    /// Suites of two runs matched by suite id; a suite run against several targets is matched target by target.
    static func pair(_ before: [SuiteResult], _ after: [SuiteResult]) -> [(SuiteResult?, SuiteResult?)] {
        var out: [(SuiteResult?, SuiteResult?)] = []
        var remaining = after
        for b in before {
            let sameSuite = remaining.indices.filter { remaining[$0].suite == b.suite }
            let chosen = sameSuite.first { remaining[$0].target == b.target }
                ?? (before.filter { $0.suite == b.suite }.count == 1 && sameSuite.count == 1 ? sameSuite.first : nil)
            if let i = chosen { out.append((b, remaining.remove(at: i))) } else { out.append((b, nil)) }
        }
        for a in remaining { out.append((nil, a)) }
        return out
    }
}
