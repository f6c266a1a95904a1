import ConformCore

/// A walk's per-page checks merged as the pages come, one result per check: the worst verdict, every finding
/// labelled with its page (`page 3: …`), kept under the `FindingLimit` as each page is added (the rest counted),
/// so a long walk's memory follows the limit, not the pages.
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
            m.omitted += check.omitted
            m.unlisted += check.unlisted
            m.status = PaginationWalk.worse(m.status, check.status)
            if m.status != .skipped { m.skipReason = nil }
            merged[key] = labelled.isEmpty && check.omitted.isEmpty ? m : m.rebounded()
        }
    }

    /// The merged checks, in the order first seen.
    var checks: [CheckResult] { order.compactMap { merged[$0] } }
}

/// A walk's `pageInvariants`, each evaluated on every page as it comes and reported as one check over all
/// pages (`page` = the page number requested).
struct PageInvariantChecks: Sendable {
    let invariants: [Invariant]
    /// One result per invariant, its findings kept under the `FindingLimit` as pages come.
    private var results: [CheckResult]
    private var ran = false

    init(invariants: [Invariant]) {
        self.invariants = invariants
        results = invariants.map { CheckResult.from(name: $0.name, check: CheckKind.walkPageInvariant.id, findings: [], rule: $0.identity) }
    }

    /// Evaluates every invariant on one page's context.
    mutating func add(_ context: EvaluationContext, file: SuiteFile, prefix: String) {
        ran = true
        for (k, invariant) in invariants.enumerated() {
            let found = InvariantCheck.findings(invariant, in: context, file: file, check: .walkPageInvariant, prefix: prefix)
            guard !found.isEmpty else { continue }
            var r = results[k]
            r.findings += found
            if found.contains(where: { $0.kind == .failure }) { r.status = .failed } else if r.status == .passed { r.status = .error }
            results[k] = r.rebounded()
        }
    }

    /// One check per invariant; skipped when no page had a JSON body.
    var checks: [CheckResult] {
        invariants.enumerated().map { k, invariant in
            guard ran else {
                return CheckResult(name: invariant.name, check: CheckKind.walkPageInvariant.id, status: .skipped, skipReason: "no page had a JSON body",
                                   rule: invariant.identity)
            }
            return results[k]
        }
    }
}
