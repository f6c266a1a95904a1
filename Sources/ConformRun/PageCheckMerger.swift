import ConformCore

/// A walk's per-page checks merged as the pages come, one result per check: the worst verdict, every finding
/// labelled with its page (`page 3: …`), kept under the `FindingLimit` as each page is added (the rest counted),
/// so a long walk's memory follows the limit, not the pages.
struct PageCheckMerger: Sendable {
    private var order: [String] = []
    private var merged: [String: CheckResult] = [:]

    /// Adds one page's checks under its label; `curl` (a page after the first) is how each of its findings is reproduced.
    mutating func add(_ label: String, _ checks: [CheckResult], curl: String? = nil) {
        for check in checks {
            let key = check.check + "\u{0}" + check.name
            let labelled = check.findings.map { f -> Finding in
                var f = f
                f.detail = "\(label): \(f.detail)"
                f.curl = curl
                return f
            }
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
            m.status = Self.worse(m.status, check.status)
            if m.status != .skipped { m.skipReason = nil }
            merged[key] = labelled.isEmpty && check.omitted.isEmpty ? m : m.rebounded()
        }
    }

    /// The merged checks, in the order first seen.
    var checks: [CheckResult] { order.compactMap { merged[$0] } }

    /// The worse of two verdicts: failed over error over passed over skipped.
    static func worse(_ a: CheckResult.Status, _ b: CheckResult.Status) -> CheckResult.Status {
        let rank: [CheckResult.Status: Int] = [.skipped: 0, .passed: 1, .error: 2, .failed: 3]
        return (rank[a] ?? 0) >= (rank[b] ?? 0) ? a : b
    }
}
