import ConformCore
import ConformMock

/// One suite's self-test: its run against the conforming mock and the verdict of each of its drifts.
public struct SuiteSelftest: Sendable {
    public var suite: Suite
    /// The run against the conforming mock (it must have no failures and no errors).
    public var conforming: SuiteResult?
    /// Why the conforming run could not happen, when it could not.
    public var problem: String?
    /// One verdict per drift of `DriftCatalog.drifts(for: suite)` that was selected, in catalog order.
    public var verdicts: [DriftVerdict]
    /// Every rule of the suite (`RuleInventory`), with its drifts or why it has none.
    public var rules: [SuiteRule]
    /// Rules the conforming mock could not satisfy (`MockOracle`): the mock says so instead of serving them broken.
    public var unsatisfied: [String]

    public init(suite: Suite, conforming: SuiteResult?, problem: String? = nil, verdicts: [DriftVerdict], rules: [SuiteRule] = [],
                unsatisfied: [String] = []) {
        self.suite = suite; self.conforming = conforming; self.problem = problem; self.verdicts = verdicts
        self.rules = rules; self.unsatisfied = unsatisfied
    }

    /// How each rule fared.
    public var coverage: [RuleCoverage] { RuleCoverage.of(rules, verdicts: verdicts) }

    /// The coverage figure of this suite.
    public var coverageFigure: CoverageFigure { CoverageFigure(coverage) }

    /// Whether the conforming mock passed the suite: something ran, nothing failed, nothing errored.
    public var conformingPassed: Bool {
        guard let conforming, problem == nil, unsatisfied.isEmpty else { return false }
        let t = conforming.counts
        return t.failed == 0 && t.errors == 0 && t.passed > 0
    }

    /// Drifts that no check caught: the suite's blind spots.
    public var survivors: [DriftVerdict] { verdicts.filter { $0.outcome == .survived } }

    /// Counts of the outcomes.
    public var counts: SelftestCounts { SelftestCounts(verdicts) }
}

/// How many drifts were caught by their own check, caught only by others, and survived.
public struct SelftestCounts: Sendable, Equatable {
    public var drifts = 0, caught = 0, caughtByOther = 0, survived = 0

    public init() {}

    /// Counts the outcomes of `verdicts`.
    public init(_ verdicts: [DriftVerdict]) {
        drifts = verdicts.count
        for v in verdicts {
            switch v.outcome {
            case .caught: caught += 1
            case .caughtByOther: caughtByOther += 1
            case .survived: survived += 1
            }
        }
    }

    public static func + (a: SelftestCounts, b: SelftestCounts) -> SelftestCounts {
        var c = a
        c.drifts += b.drifts; c.caught += b.caught; c.caughtByOther += b.caughtByOther; c.survived += b.survived
        return c
    }

    /// `41 drifts: 41 caught, 0 survived` (with `, 2 caught by other checks` when some were).
    public var summary: String {
        var text = "\(drifts) drift\(drifts == 1 ? "" : "s"): \(caught) caught"
        if caughtByOther > 0 { text += ", \(caughtByOther) caught by other checks" }
        return text + ", \(survived) survived"
    }
}

/// A whole self-test: every suite, and how long it took.
public struct SelftestResult: Sendable {
    public var suites: [SuiteSelftest]
    public var durationSeconds: Double

    public init(suites: [SuiteSelftest], durationSeconds: Double) {
        self.suites = suites; self.durationSeconds = durationSeconds
    }

    /// All outcomes added up.
    public var counts: SelftestCounts { suites.reduce(SelftestCounts()) { $0 + $1.counts } }

    /// 0 when every conforming run passed, no drift survived and every suite's rule coverage reaches
    /// `minimumCoverage` (percent); else 1.
    public func exitCode(minimumCoverage: Double = 0) -> Int32 {
        suites.allSatisfy({ $0.conformingPassed && $0.survivors.isEmpty && $0.coverageFigure.percent + 1e-9 >= minimumCoverage }) ? 0 : 1
    }

    /// `exitCode(minimumCoverage: 0)`.
    public var exitCode: Int32 { exitCode() }

    /// The coverage of every suite added up.
    public var coverageFigure: CoverageFigure { suites.reduce(CoverageFigure()) { $0 + $1.coverageFigure } }
}
