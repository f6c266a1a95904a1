import Foundation
import ConformCore

/// Finds the suite rule a pagination or filter drift breaks: an invariant naming a member, or a case's check.
struct RuleFinder {
    let suite: Suite
    let operation: ConformCore.Operation

    /// The first invariant that names `token` as a whole word (and contains `also`, when given): response
    /// invariants (`invariant`), case invariants of the operation (`invariant`), walk page invariants.
    func mentioning(_ token: String, also: String? = nil) -> (JSONPointer, String)? { allMentioning(token, also: also).first }

    /// Every such invariant, in the same order.
    func allMentioning(_ token: String, also: String? = nil) -> [(JSONPointer, String)] {
        let escaped = NSRegularExpression.escapedPattern(for: token)
        let tail = token.last.map { $0.isLetter || $0.isNumber || $0 == "_" } == true ? "(?![A-Za-z0-9_])" : ""
        // A bare member (`total`) must not match inside a path (`meta.total`); a path may end one (`m.user.id`).
        let lead = token.contains(".") ? "(?<![A-Za-z0-9_])" : "(?<![A-Za-z0-9_.])"
        guard let regex = try? NSRegularExpression(pattern: lead + escaped + tail) else { return [] }
        func hit(_ inv: Invariant) -> Bool {
            let s = inv.expression.source
            guard regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil else { return false }
            return also.map { s.contains($0) } ?? true
        }
        var out: [(JSONPointer, String)] = (operation.successResponse?.invariants ?? []).filter(hit).map { ($0.pointer, "invariant") }
        for c in suite.cases where c.operation == operation.id && c.auth == .default {
            out += c.expect.invariants.filter(hit).map { ($0.pointer, "invariant") }
        }
        for w in suite.walks where w.operation == operation.id {
            out += w.pageInvariants.filter(hit).map { ($0.pointer, "walk.pageInvariant") }
        }
        return out
    }

    /// Every invariant of every case that sends `parameter`.
    func allCaseRules(using parameter: String) -> [JSONPointer] {
        suite.cases.filter { $0.operation == operation.id && $0.query.contains { $0.0 == parameter } }.flatMap { $0.expect.invariants.map(\.pointer) }
    }

    /// The first invariant of a case (or a walk's page invariant) that sends `parameter`.
    func caseRule(using parameter: String) -> (JSONPointer, String)? {
        for c in suite.cases where c.operation == operation.id && c.query.contains(where: { $0.0 == parameter }) {
            if let inv = c.expect.invariants.first { return (inv.pointer, "invariant") }
        }
        return nil
    }
}
