import ConformCore
import ConformMock

/// What a drifted run proved: the drift was caught by the check it breaks, caught only by other checks,
/// or it survived (no check failed: a blind spot of the suite).
public struct DriftVerdict: Sendable {
    /// How the drift fared.
    public enum Outcome: Sendable, Equatable {
        /// A failed check has the drift's expected kind.
        case caught
        /// Checks failed, but none of the expected kind.
        case caughtByOther
        /// No check failed.
        case survived
    }

    /// One failed check that shows the drift: its kind, the case it failed in, and the rule it names.
    public struct Evidence: Sendable, Equatable {
        /// The finding's check kind (`schema.enum`, `walk.noDuplicateIds`, `status`).
        public var check: String
        /// The case's readable name.
        public var caseName: String
        /// The finding's rule pointer in the suite, when it has one.
        public var rulePointer: String?
        /// Whether `rulePointer` is (or contains, or lies within) the drift's own rule pointer.
        public var ruleMatches: Bool
        /// The finding itself, for printing.
        public var finding: Finding
        /// The case's curl reproduction.
        public var curl: String?
    }

    public var drift: Drift
    public var outcome: Outcome
    /// The best evidence: expected kind and rule first, then expected kind, then any failure.
    public var evidence: Evidence?
    /// Every distinct failed check kind of the run, in first-seen order.
    public var failedKinds: [String]
    /// Checks that could not run (errors), which neither catch nor excuse a drift.
    public var errors: Int
    /// The drifted run, for `--verbose`.
    public var result: SuiteResult
    /// Set when the run could not happen at all (the mock could not listen).
    public var problem: String?

    /// Classifies a drifted run's result against the drift. With the suite's `document`, a rule that is a
    /// `$ref` also matches findings at the schema it refers to (a parameter's `{"$ref": "#/definitions/Vendor"}`
    /// is broken where `Vendor`'s `enum` is).
    /// Failures the `baseline` run (the conforming mock) also had are not the drift's doing and never catch it.
    public init(drift: Drift, result: SuiteResult, document: JSONValue? = nil, baseline: SuiteResult? = nil) {
        let rules = Self.rules(of: drift, in: document)
        let known = baseline.map(Self.failureKeys) ?? []
        self.drift = drift
        self.result = result
        var failures: [Evidence] = []
        var errors = 0
        for c in result.cases {
            for check in c.checks {
                if check.status == .error { errors += 1 }
                guard check.status == .failed else { continue }
                for f in check.findings where f.kind == .failure && !known.contains(Self.key(c, f)) {
                    failures.append(Evidence(check: f.check, caseName: c.name, rulePointer: f.rulePointer,
                                             ruleMatches: rules.contains { Self.matches(f.rulePointer, $0) }, finding: f, curl: c.curl))
                }
                // A check that failed without a failure finding still failed under its own kind.
                if !check.findings.contains(where: { $0.kind == .failure }), !known.contains(c.id + "|" + check.check) {
                    let f = Finding(kind: .failure, check: check.check, title: check.name, detail: check.name)
                    failures.append(Evidence(check: check.check, caseName: c.name, rulePointer: nil, ruleMatches: false, finding: f, curl: c.curl))
                }
            }
        }
        self.errors = errors
        var kinds: [String] = []
        for f in failures where !kinds.contains(f.check) { kinds.append(f.check) }
        failedKinds = kinds
        let expected = failures.filter { Self.kind($0.check, satisfies: drift.expectedCheck) }
        if let best = expected.first(where: \.ruleMatches) ?? expected.first {
            outcome = .caught
            evidence = best
        } else if let any = failures.first {
            outcome = .caughtByOther
            evidence = any
        } else {
            outcome = .survived
            evidence = nil
        }
    }

    /// A drift whose run could not happen: counted as survived, with the reason.
    public init(drift: Drift, problem: String) {
        self.drift = drift
        outcome = .survived
        evidence = nil
        failedKinds = []
        errors = 0
        result = SuiteResult(suite: drift.suite, title: drift.suite, file: "", baseURL: "")
        self.problem = problem
    }

    /// `schema.enum` satisfies `schema.enum`; a finding kind also satisfies its family (`schema` ⊇ `schema.enum`).
    public static func kind(_ actual: String, satisfies expected: String) -> Bool {
        actual == expected || actual.hasPrefix(expected + ".")
    }

    /// Identities of a run's failures: case, check, rule and wildcarded pointer.
    static func failureKeys(_ result: SuiteResult) -> Set<String> {
        var keys = Set<String>()
        for c in result.cases {
            for check in c.checks where check.status == .failed {
                keys.insert(c.id + "|" + check.check)
                for f in check.findings where f.kind == .failure { keys.insert(key(c, f)) }
            }
        }
        return keys
    }

    static func key(_ c: CaseResult, _ f: Finding) -> String { c.id + "|" + f.problemKey }

    /// The rules the drift breaks, with the targets of their `$ref`s (and of their `items`' `$ref`s).
    static func rules(of drift: Drift, in document: JSONValue?) -> [JSONPointer] {
        var rules = drift.rulePointers.isEmpty ? [drift.rulePointer].compactMap { $0 } : drift.rulePointers
        guard let document else { return rules }
        for rule in rules {
            let node = rule.resolve(in: document)
            for ref in [node?["$ref"], node?["items"]?["$ref"]] {
                if let text = ref?.stringValue, text.hasPrefix("#"), let target = JSONPointer(String(text.dropFirst())) { rules.append(target) }
            }
        }
        return rules
    }

    /// Equal pointers, or one inside the other (`/walks/0/checks` holds `/walks/0/checks/2`).
    static func matches(_ finding: String?, _ rule: JSONPointer?) -> Bool {
        guard let finding, let rule else { return false }
        let r = rule.description
        return finding == r || finding.hasPrefix(r + "/") || r.hasPrefix(finding + "/")
    }
}
