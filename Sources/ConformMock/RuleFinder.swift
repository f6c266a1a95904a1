import Foundation
import ConformCore

/// Finds the suite rule a pagination or filter drift breaks: an invariant naming a member, or a case's check.
struct RuleFinder {
    let suite: Suite
    let operation: ConformCore.Operation

    /// The first invariant that names `token` as a whole word (and contains `also`, when given): response
    /// invariants (`invariant`), case invariants of the operation (`invariant`), walk page invariants.
    func mentioning(_ token: String, also: String? = nil) -> (JSONPointer, String)? {
        let escaped = NSRegularExpression.escapedPattern(for: token)
        let tail = token.last.map { $0.isLetter || $0.isNumber || $0 == "_" } == true ? "(?![A-Za-z0-9_])" : ""
        guard let regex = try? NSRegularExpression(pattern: "(?<![A-Za-z0-9_.])" + escaped + tail) else { return nil }
        func hit(_ inv: Invariant) -> Bool {
            let s = inv.expression.source
            guard regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil else { return false }
            return also.map { s.contains($0) } ?? true
        }
        if let inv = operation.successResponse?.invariants.first(where: hit) { return (inv.pointer, "invariant") }
        for c in suite.cases where c.operation == operation.id && c.auth == .default {
            if let inv = c.expect.invariants.first(where: hit) { return (inv.pointer, "invariant") }
        }
        for w in suite.walks where w.operation == operation.id {
            if let inv = w.pageInvariants.first(where: hit) { return (inv.pointer, "walk.pageInvariant") }
        }
        return nil
    }

    /// The first invariant of a case (or a walk's page invariant) that sends `parameter`.
    func caseRule(using parameter: String) -> (JSONPointer, String)? {
        for c in suite.cases where c.operation == operation.id && c.query.contains(where: { $0.0 == parameter }) {
            if let inv = c.expect.invariants.first { return (inv.pointer, "invariant") }
        }
        return nil
    }
}
