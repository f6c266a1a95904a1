import ConformCore

/// The self-test as text: per suite a table of drifts (what each breaks, the rule, the check that caught
/// it), then the surviving drifts, then summary lines.
///
/// ```
/// scale-gp-v5-list-models — conforming mock: 68 passed, 0 failed, 0 errors
///   DRIFT                              EXPECTED                  CAUGHT BY
///   ✔ enum:ModelVendor                 schema.enum @ 120:17      schema.enum › GET /v5/models › lists models with no parameters
///   …
///   12 drifts: 12 caught, 0 survived
///
/// Surviving drifts (blind spots): none
/// 6 suites, 98 drifts: 98 caught, 0 survived (23.4 s)
/// ```
public enum SelftestTable {
    /// Widest drift-name column before names run past it.
    static let nameWidth = 62
    static let ruleWidth = 34

    /// The table of one suite (heading, one row per drift, its summary line).
    public static func lines(for s: SuiteSelftest, verbose: Bool = false) -> [String] {
        var out = [heading(s)]
        guard !s.verdicts.isEmpty else {
            out.append("  (no drift selected)")
            return out
        }
        let width = min(nameWidth, s.verdicts.map { $0.drift.name.count }.max() ?? 0) + 2
        out.append("  " + pad("  DRIFT", width + 2) + pad("EXPECTED", ruleWidth) + "CAUGHT BY")
        for v in s.verdicts {
            out.append("  " + glyph(v.outcome) + " " + pad(v.drift.name, width) + pad(expected(v, in: s.suite), ruleWidth) + caughtBy(v, in: s.suite))
            if verbose { out += details(v).map { "      " + $0 } }
        }
        out.append("  " + s.counts.summary)
        out.append("  " + s.coverageFigure.summary)
        for c in s.coverage {
            switch c.status {
            case .noDrift(let why):
                let loc = s.suite.file.location(of: c.rule.pointer)
                out.append("    – \(c.rule.check) @ \(loc.line):\(loc.column) (\(c.rule.pointer)): no drift — \(why)")
            case .survived where verbose:
                let loc = s.suite.file.location(of: c.rule.pointer)
                out.append("    ✘ \(c.rule.check) @ \(loc.line):\(loc.column): every drift of it survived")
            default: break
            }
        }
        for problem in s.unsatisfied { out.append("  ✘ mock: " + problem) }
        return out
    }

    /// The surviving drifts of every suite, with what each breaks: the blind spots.
    public static func survivorLines(_ result: SelftestResult) -> [String] {
        let survivors = result.suites.flatMap { s in s.survivors.map { (s.suite, $0) } }
        let untested = result.suites.reduce(0) { $0 + $1.coverageFigure.noDrift }
        guard !survivors.isEmpty else {
            // "No blind spots" only when every rule had a drift and was caught.
            return [untested == 0 ? "Surviving drifts (blind spots): none" : "Surviving drifts: none; \(untested) rule\(untested == 1 ? "" : "s") without a drift (listed above)"]
        }
        var out = ["Surviving drifts (blind spots): \(survivors.count)"]
        for (suite, v) in survivors {
            out.append("  \(suite.id)/\(v.drift.name): \(v.drift.breaks); expected \(expected(v, in: suite))"
                       + (v.problem.map { " — \($0)" } ?? (v.errors > 0 ? " — \(v.errors) check\(v.errors == 1 ? "" : "s") could not run" : "")))
        }
        return out
    }

    /// Per-suite summaries, then the overall line.
    public static func summaryLines(_ result: SelftestResult) -> [String] {
        var out: [String] = []
        for s in result.suites {
            let conforming = s.conformingPassed ? "conforming run passed" : "CONFORMING RUN FAILED"
            out.append("  \(pad(s.suite.id, 36)) \(conforming); \(s.counts.summary); \(String(format: "%.1f", s.coverageFigure.percent))% of rules")
        }
        let n = result.suites.count
        out.append("\(n) suite\(n == 1 ? "" : "s"), \(result.counts.summary), \(result.coverageFigure.summary) (\(String(format: "%.1f", result.durationSeconds)) s)")
        return out
    }

    static func heading(_ s: SuiteSelftest) -> String {
        if let problem = s.problem { return "\(s.suite.id) — \(problem)" }
        guard let c = s.conforming else { return s.suite.id }
        let t = c.counts
        return "\(s.suite.id) — conforming mock: \(t.passed) passed, \(t.failed) failed, \(t.errors) error\(t.errors == 1 ? "" : "s")"
    }

    static func glyph(_ o: DriftVerdict.Outcome) -> String {
        switch o {
        case .caught: return "✔"
        case .caughtByOther: return "~"
        case .survived: return "✘"
        }
    }

    /// `schema.enum @ 120:17`: the check kind the drift should fail, and where its rule is in the suite.
    static func expected(_ v: DriftVerdict, in suite: Suite) -> String {
        guard let p = v.drift.rulePointer else { return v.drift.expectedCheck }
        let loc = suite.file.location(of: p)
        return "\(v.drift.expectedCheck) @ \(loc.line):\(loc.column)"
    }

    /// `schema.enum › GET /v5/models › lists models`, `other: status, schema.type`, `SURVIVED`.
    static func caughtBy(_ v: DriftVerdict, in suite: Suite) -> String {
        switch v.outcome {
        case .survived: return v.problem == nil ? "SURVIVED" : "SURVIVED (\(v.problem ?? ""))"
        case .caught:
            guard let e = v.evidence else { return "" }
            return e.check + (e.ruleMatches || v.drift.rulePointer == nil ? "" : via(e, suite)) + " › " + JSONValue.trim(e.caseName, 70)
        case .caughtByOther:
            let e = v.evidence
            return "other: " + v.failedKinds.joined(separator: ", ") + (e.map { " › " + JSONValue.trim($0.caseName, 60) } ?? "")
        }
    }

    /// ` (via 162:24)`: the failure names another rule than the drift's (a oneOf's discriminator before the
    /// member's own `const`).
    static func via(_ e: DriftVerdict.Evidence, _ suite: Suite) -> String {
        guard let text = e.rulePointer, let p = JSONPointer(text) else { return " (other rule)" }
        let loc = suite.file.location(of: p)
        return " (via \(loc.line):\(loc.column))"
    }

    /// What the drift breaks and the failure it produced (`--verbose`).
    static func details(_ v: DriftVerdict) -> [String] {
        var out = ["breaks: \(v.drift.breaks)"]
        if let e = v.evidence {
            let f = e.finding
            out.append("\(f.check): \(f.title) — \(JSONValue.trim(f.detail, 160))")
            if let p = f.pointer, !p.isEmpty { out.append("at \(p)") }
            if let x = f.expected, let a = f.actual { out.append("expected \(JSONValue.trim(x, 80)), got \(JSONValue.trim(a, 80))") }
            if let r = f.ruleLocation ?? f.rulePointer { out.append("rule: \(r)") }
        }
        if v.errors > 0 { out.append("\(v.errors) check\(v.errors == 1 ? "" : "s") could not run") }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
