import ConformCore

/// Small formatting rules shared by the three reports, so they agree on numbers and words.
enum ReportFormat {
    /// Seconds as a plain decimal with millisecond precision (`0.123`), as JUnit's `SUREFIRE_TIME`
    /// pattern wants: no exponent, no sign, no locale. Negative, NaN and infinite durations become `0.000`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return "0.000" }
        let millis = (value * 1000).rounded()
        guard millis < 1e15 else { return "0.000" }
        let ms = Int64(millis)
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `199,980`: an integer with thousands grouped by commas, whatever the locale.
    static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `… and 1,234 more findings of further problems in 2 checks, counted but not told apart (over 200
    /// problems in one check)`: instances past a check's distinct problems (`CheckResult.unlisted`), which no
    /// problem group shows; nil when there are none.
    static func unlistedNote(_ run: RunResult) -> String? {
        let checks = run.suites.flatMap(\.cases).flatMap(\.checks).filter { $0.unlisted > 0 }
        guard !checks.isEmpty else { return nil }
        return unlistedNote(checks.reduce(0) { $0 + $1.unlisted }, checks: checks.count)
    }

    static func unlistedNote(_ findings: Int, checks: Int) -> String {
        "… and \(number(findings)) more \(findings == 1 ? "finding" : "findings") of further problems"
            + (checks > 1 ? " in \(checks) checks" : "")
            + ", counted but not told apart (over \(FindingLimit.standard.problems) problems in one check)"
    }

    /// `1 check`, `3 checks`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (plural ?? singular + "s"))
    }

    /// The name a CI UI shows for one check: `GET /v5/models?limit=1001 › rejects limit above maximum › status is 422`.
    static func testName(_ c: CaseResult, _ check: CheckResult) -> String {
        c.name + " › " + check.name
    }
}
