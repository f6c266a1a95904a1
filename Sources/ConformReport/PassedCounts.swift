import ConformCore

/// Passed and skipped checks counted per suite and operation: a green run's report says what held in a
/// few rows instead of one row per check.
struct PassedCounts: Sendable {
    struct Row: Sendable {
        var suite: String
        var operation: String
        var cases = 0
        var passed = 0
        var skipped = 0
    }

    var rows: [Row] = []

    /// One row per (suite, operation) in order of appearance; cases that made no checks count as skipped.
    init(_ run: RunResult) {
        var index: [String: Int] = [:]
        for suite in run.suites {
            for c in suite.cases {
                let key = suite.suite + "\u{1F}" + c.operation
                if index[key] == nil { index[key] = rows.count; rows.append(Row(suite: suite.suite, operation: c.operation)) }
                let i = index[key]!
                rows[i].cases += 1
                rows[i].passed += c.checks.filter { $0.status == .passed }.count
                rows[i].skipped += c.checks.isEmpty ? 1 : c.checks.filter { $0.status == .skipped }.count
            }
        }
    }

    /// Skipped checks grouped by suite and reason, with how many share it.
    static func skipReasons(_ run: RunResult) -> [(suite: String, reason: String, count: Int)] {
        var order: [String] = []
        var counts: [String: (String, String, Int)] = [:]
        for suite in run.suites {
            for c in suite.cases {
                let reasons = c.checks.isEmpty ? ["the case made no checks"] : c.checks.filter { $0.status == .skipped }.map { $0.skipReason ?? "skipped" }
                for reason in reasons {
                    let key = suite.suite + "\u{1F}" + reason
                    if counts[key] == nil { order.append(key); counts[key] = (suite.suite, reason, 0) }
                    counts[key]!.2 += 1
                }
            }
        }
        return order.compactMap { counts[$0].map { (suite: $0.0, reason: $0.1, count: $0.2) } }
    }
}
