import ConformCore
import ConformReport
import Foundation

/// Prints a run as it happens: one line per case with its verdict, failures explained under it, and a
/// final summary line.
///
/// ```
/// ✔ GET /v5/models?limit=1 › accepts limit at minimum (4 checks, 12 ms)
/// ✘ GET /v5/models?limit=1001 › rejects limit above maximum (1 of 3 checks failed, 8 ms)
///     ✘ status is 422: request that must be rejected was accepted
///       expected integer 422, got integer 200: the server accepted a request the contract says it rejects
///       rule: suites/v5.json:40:19 (/operations/0/parameterError/status)
///       cites: "limit: integer, 1 to 1000"
///       response: HTTP 200, 2 bytes, application/json
///         {}
///       reproduce: curl -sS -X GET 'http://127.0.0.1:8080/v5/models?limit=1001' -H "x-api-key: $SGP_API_KEY"
///
/// 12 passed, 1 failed, 0 errors, 0 skipped (13 checks in 9 cases, 0.4 s)
/// ```
/// Colour only on a terminal without `NO_COLOR`; a progress line (on standard error) only on a terminal.
final class ConsoleReporter: @unchecked Sendable {
    enum Verbosity { case quiet, normal, verbose }

    private let verbosity: Verbosity
    private let lock = NSLock()
    private let totalCases: Int
    private var doneCases = 0
    private let progress: Bool
    /// Findings listed per check before "… and N more" (the reports keep them all).
    static let findingsShown = 5

    init(verbosity: Verbosity, totalCases: Int) {
        self.verbosity = verbosity
        self.totalCases = totalCases
        self.progress = verbosity != .quiet && isatty(2) == 1
    }

    /// Called by the runner for each case, in plan order.
    func caseFinished(_ suite: Suite, _ result: CaseResult) {
        lock.withLock {
            doneCases += 1
            clearProgress()
            for line in lines(for: result) { Console.out(line) }
            if progress { Console.errRaw("\r[\(doneCases)/\(totalCases)] \(JSONValue.trim(suite.id, 60))") }
        }
    }

    /// The heading printed when a suite starts.
    func suiteStarted(_ suite: Suite, baseURL: String) {
        guard verbosity != .quiet else { return }
        lock.withLock {
            clearProgress()
            Console.out(Console.paint("\(suite.title) (\(suite.id)) → \(baseURL)", .bold))
        }
    }

    /// Clears the progress line before the summary.
    func finish() { lock.withLock { clearProgress() } }

    private func clearProgress() {
        if progress { Console.errRaw("\r\u{1B}[K") }
    }

    func lines(for result: CaseResult) -> [String] {
        let tally = Tally(result.checks)
        // Failed checks whose every failure a baseline accepts (`--baseline`): shown as known, not to act on.
        let known = result.checks.filter(\.isAcceptedFailure).count
        let failed = tally.failed - known
        let glyph: String
        if failed > 0 { glyph = Console.paint("✘", .red) } else if tally.errors > 0 { glyph = Console.paint("!", .yellow) } else { glyph = Console.paint("✔", .green) }
        let ok = failed == 0 && tally.errors == 0
        if verbosity == .quiet && ok { return [] }
        var summary: [String] = []
        if failed > 0 { summary.append("\(failed) of \(tally.total) checks failed") }
        if known > 0 { summary.append("\(known) known failure\(known == 1 ? "" : "s") accepted") }
        if tally.errors > 0 { summary.append("\(tally.errors) error\(tally.errors == 1 ? "" : "s")") }
        if ok && known == 0 { summary.append("\(tally.passed) check\(tally.passed == 1 ? "" : "s")") }
        if tally.skipped > 0 { summary.append("\(tally.skipped) skipped") }
        summary.append(Self.milliseconds(result.durationSeconds))
        var out = ["\(glyph) \(result.name) " + Console.paint("(\(summary.joined(separator: ", ")))", .dim)]
        for check in result.checks {
            switch check.status {
            case .failed where check.isAcceptedFailure:
                let reason = check.findings.first?.baseline?.reason ?? ""
                out.append("    ~ \(check.name): known failure, accepted (\(JSONValue.trim(reason, 120)))")
            case .failed, .error: out += explain(check)
            case .passed where verbosity == .verbose: out.append("    ✔ \(check.name)")
            case .skipped where verbosity == .verbose: out.append("    - \(check.name) (skipped: \(check.skipReason ?? ""))")
            default: break
            }
        }
        // The body of an unexpected status (a 500's `{"error":"internal"}`) is the first evidence anyone wants.
        if let r = result.response, UnexpectedStatusBody.excerpt(result) != nil {
            out.append("      response: " + UnexpectedStatusBody.heading(r))
            out += UnexpectedStatusBody.excerpt(of: r).split(separator: "\n", omittingEmptySubsequences: false).map { "        " + $0 }
        }
        // Retries are worth seeing even when the case passed in the end.
        let retried = result.attempts.contains { $0.waitSeconds != nil }
        if retried || (verbosity == .verbose && !ok && !result.attempts.isEmpty) {
            out.append("      attempts: " + result.attempts.map(Self.attempt).joined(separator: ", "))
        }
        if !ok || verbosity == .verbose, let curl = result.curl { out.append("      reproduce: \(curl)") }
        return out
    }

    private func explain(_ check: CheckResult) -> [String] {
        let glyph = check.status == .failed ? Console.paint("✘", .red) : Console.paint("!", .yellow)
        var out: [String] = []
        if check.findingCount == 1, let f = check.findings.first {
            out.append("    \(glyph) \(check.name): \(f.title)")
            out += details(f)
            return out
        }
        // The same rule broken by many items reads as one line: `/items/*/created_at` in 57 items.
        let groups = Self.grouped(check.findings)
        // Instances the check only counted (`FindingLimit`) join their problem's group.
        var counted: [String: Int] = [:]
        for o in check.omitted { counted[o.kind.rawValue + o.problemKey, default: 0] += o.count }
        func size(_ group: [Finding]) -> Int { group.count + (counted[group[0].kind.rawValue + group[0].problemKey] ?? 0) }
        out.append("    \(glyph) \(check.name): \(check.findingCount) findings")
        for group in groups.prefix(Self.findingsShown) {
            let first = group[0]
            if size(group) == 1 {
                out.append("      - \(first.title)")
                out += details(first).map { "  " + $0 }
            } else {
                let wild = first.wildcardPointer ?? ""
                out.append("      - \(first.title) at \(wild.isEmpty ? "the root" : wild) in \(size(group)) places; first:")
                out += details(first).map { "  " + $0 }
            }
        }
        if groups.count > Self.findingsShown {
            let rest = groups.dropFirst(Self.findingsShown).reduce(0) { $0 + size($1) } + check.unlisted
            out.append("      … and \(rest) more (see the reports)")
        } else if check.unlisted > 0 {
            out.append("      … and \(check.unlisted) more of further problems (see the reports)")
        }
        return out
    }

    /// Findings of the same check, title and rule at the same wildcarded pointer, in first-seen order.
    static func grouped(_ findings: [Finding]) -> [[Finding]] {
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for f in findings {
            let wild = f.wildcardPointer ?? ""
            let key = [f.check, f.title, f.rulePointer ?? "", wild, f.argument ?? ""].joined(separator: "\u{0}")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        return order.compactMap { groups[$0] }
    }

    private func details(_ f: Finding) -> [String] {
        var out = ["      \(f.detail)"]
        if let p = f.pointer, !p.isEmpty { out.append("      at \(p)") }
        // An invariant's detail already shows the values that made it false; "expected true" adds nothing.
        if let e = f.expected, let a = f.actual, !f.detail.contains(a), !f.detail.contains("expected"), e != "boolean true" { out.append("      expected \(e), got \(a)") }
        if let loc = f.ruleLocation ?? f.rulePointer { out.append("      rule: \(loc)") }
        if let c = f.citation { out.append("      cites: \(JSONWriter.quote(JSONValue.trim(c, 160)))") }
        if let curl = f.curl { out.append("      reproduce this page: \(curl)") }
        if let id = f.id, verbosity == .verbose { out.append("      id: \(id)") }
        return out
    }

    /// The final summary line.
    func summary(_ run: RunResult) -> String {
        let t = run.counts
        let cases = run.suites.reduce(0) { $0 + $1.cases.count }
        let known = run.suites.reduce(0) { $0 + $1.cases.reduce(0) { $0 + $1.checks.filter(\.isAcceptedFailure).count } }
        let failed = t.failed - known
        let text = "\(t.passed) passed, \(failed) failed, " + (known > 0 ? "\(known) known (accepted), " : "")
            + "\(t.errors) error\(t.errors == 1 ? "" : "s"), \(t.skipped) skipped"
        let color: Console.Color = failed > 0 ? .red : (t.errors > 0 ? .yellow : .green)
        return Console.paint(text, color) + " (\(t.total) checks in \(cases) case\(cases == 1 ? "" : "s"), \(Self.seconds(run.durationSeconds)))"
    }

    static func attempt(_ a: Attempt) -> String {
        var s = a.status.map { "\($0)" } ?? (a.error ?? "no response")
        if let w = a.waitSeconds { s += " (waited \(seconds(w)))" }
        return s
    }

    static func milliseconds(_ s: Double) -> String { "\(Int((s * 1000).rounded())) ms" }
    static func seconds(_ s: Double) -> String { String(format: "%.1f s", s) }
}
