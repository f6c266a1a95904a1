import ConformCore

/// A walk's per-page checks merged as the pages come, one result per check: the worst verdict, every finding
/// labelled with its page (`page 3: …`).
struct PageCheckMerger: Sendable {
    private var order: [String] = []
    private var merged: [String: CheckResult] = [:]

    /// Adds one page's checks under its label.
    mutating func add(_ label: String, _ checks: [CheckResult]) {
        for check in checks {
            let key = check.check + "\u{0}" + check.name
            let labelled = check.findings.map { f -> Finding in var f = f; f.detail = "\(label): \(f.detail)"; return f }
            guard var m = merged[key] else {
                order.append(key)
                var c = check
                c.name = "every page: \(check.name)"
                c.findings = labelled
                c.skipReason = check.skipReason.map { "\(label): \($0)" }
                merged[key] = c
                continue
            }
            m.findings += labelled
            m.status = PaginationWalk.worse(m.status, check.status)
            if m.status != .skipped { m.skipReason = nil }
            merged[key] = m
        }
    }

    /// The merged checks, in the order first seen.
    var checks: [CheckResult] { order.compactMap { merged[$0] } }
}

/// A walk's `pageInvariants`, each evaluated on every page as it comes and reported as one check over all
/// pages (`page` = the page number requested).
struct PageInvariantChecks: Sendable {
    let invariants: [Invariant]
    private var findings: [[Finding]]
    private var ran = false

    init(invariants: [Invariant]) {
        self.invariants = invariants
        findings = invariants.map { _ in [] }
    }

    /// Evaluates every invariant on one page's context.
    mutating func add(_ context: EvaluationContext, file: SuiteFile, prefix: String) {
        ran = true
        for (k, invariant) in invariants.enumerated() {
            findings[k] += InvariantCheck.findings(invariant, in: context, file: file, check: .walkPageInvariant, prefix: prefix)
        }
    }

    /// One check per invariant; skipped when no page had a JSON body.
    var checks: [CheckResult] {
        invariants.enumerated().map { k, invariant in
            guard ran else {
                return CheckResult(name: invariant.name, check: CheckKind.walkPageInvariant.id, status: .skipped, skipReason: "no page had a JSON body",
                                   rule: invariant.identity)
            }
            return CheckResult.from(name: invariant.name, check: CheckKind.walkPageInvariant.id, findings: findings[k], rule: invariant.identity)
        }
    }
}
