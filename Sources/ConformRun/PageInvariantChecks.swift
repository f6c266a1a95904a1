import ConformCore

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
    mutating func add(_ context: EvaluationContext, file: SuiteFile, prefix: String, curl: String? = nil) {
        ran = true
        for (k, invariant) in invariants.enumerated() {
            var found = InvariantCheck.findings(invariant, in: context, file: file, check: .walkPageInvariant, prefix: prefix)
            for i in found.indices { found[i].curl = curl }
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
