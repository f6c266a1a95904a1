import ConformCore

/// Console lines the self-test prints beyond its table.
enum SelftestOutput {
    /// The failed and errored checks of a run that should have passed: case, check, title, pointer.
    static func conformingFailures(_ result: SuiteResult, limit: Int = 12) -> [String] {
        var out: [String] = []
        for c in result.cases {
            for check in c.checks where check.status == .failed || check.status == .error {
                let f = check.findings.first
                out.append("\(check.status == .failed ? "✘" : "!") \(c.name) › \(f?.check ?? check.check): \(f?.title ?? check.name)"
                           + (f?.pointer.map { " at \($0)" } ?? ""))
                if let detail = f?.detail { out.append("    " + JSONValue.trim(detail, 200)) }
            }
        }
        return out.count > limit * 2 ? Array(out.prefix(limit * 2)) + ["… and more"] : out
    }
}
