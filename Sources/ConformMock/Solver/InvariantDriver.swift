import ConformCore

/// Changes values so that an expression becomes true (to serve a conforming body) or false (to build the
/// counterexample of a drift), by the relational forms suites use: equalities and orderings between a path
/// and any other value, `exists(x)`, negation, conjunctions and disjunctions (implications `!a || b` among
/// them). It reads the parsed tree only; a form it cannot drive is left as it is and reported by whoever
/// checks the result (the mock's oracle).
struct InvariantDriver {
    let expression: Expression

    /// Drives `node` toward `want`; true when it now evaluates to `want`.
    @discardableResult
    func drive(_ node: ExpressionNode, toward want: Bool, in scope: inout ValueScope, depth: Int = 0) -> Bool {
        if scope.isTrue(node, want, in: expression) { return true }
        guard depth < 12 else { return false }
        switch node.kind {
        case .literal(.bool(let b)):
            return b == want
        case .unary(.not, let inner):
            return drive(inner, toward: !want, in: &scope, depth: depth + 1)
        case .binary(.and, _, _) where want, .binary(.or, _, _) where !want:
            // Every part must change.
            for part in (want ? node.conjuncts : node.disjuncts) where !drive(part, toward: want, in: &scope, depth: depth + 1) { return false }
            return scope.isTrue(node, want, in: expression)
        case .binary(.and, _, _), .binary(.or, _, _):
            // One part is enough: the last first (an implication's consequent), keeping the first that works.
            let parts = want ? node.disjuncts : node.conjuncts
            for part in parts.reversed() {
                var trial = scope
                if drive(part, toward: want, in: &trial, depth: depth + 1), trial.isTrue(node, want, in: expression) {
                    scope = trial
                    return true
                }
            }
            return false
        case .call("exists", let args) where args.count == 1:
            guard let place = scope.place(of: args[0]) else { return false }
            var trial = scope
            if want {
                guard let v = scope.fresh(place) else { return false }
                trial.assign(place, v)
            } else {
                trial.assign(place, nil)
            }
            guard trial.isTrue(node, want, in: expression) else { return false }
            scope = trial
            return true
        case .binary(let op, let l, let r) where op.isComparison:
            return compare(node, op, l, r, toward: want, in: &scope, depth: depth)
        default:
            return false
        }
    }

    /// `l op r` made true (or false) by assigning one side from the other's value.
    private func compare(_ node: ExpressionNode, _ op: BinaryOperator, _ l: ExpressionNode, _ r: ExpressionNode, toward want: Bool,
                         in scope: inout ValueScope, depth: Int) -> Bool {
        // `exists(x) == cond`: make the presence of x what the other side says.
        for (call, other) in [(l, r), (r, l)] where op == .equal || op == .notEqual {
            if case .call("exists", _) = call.kind, let target = scope.value(other, in: expression)?.boolValue {
                let presence = (op == .equal) == want ? target : !target
                var trial = scope
                if drive(call, toward: presence, in: &trial, depth: depth + 1), trial.isTrue(node, want, in: expression) {
                    scope = trial
                    return true
                }
            }
        }
        for (side, other, flipped) in [(l, r, false), (r, l, true)] {
            // `len(x) >= 1`: give x (an array or string) the length the other side asks for.
            if case .call("len", let args) = side.kind, args.count == 1, let place = scope.place(of: args[0]),
               let current = scope.value(args[0], in: expression), let reference = scope.value(other, in: expression) {
                let relation = flipped ? Self.mirror(op) : op
                for n in Self.values(relation, reference, want: want, current: nil).compactMap({ $0.numberValue?.int64Value }) where n >= 0 && n <= 10_000 {
                    var trial = scope
                    trial.assign(place, Self.resized(current, to: Int(n)))
                    if trial.isTrue(node, want, in: expression) { scope = trial; return true }
                }
                continue
            }
            guard let place = scope.place(of: side), let reference = scope.value(other, in: expression) else { continue }
            let relation = flipped ? Self.mirror(op) : op
            for candidate in Self.values(relation, reference, want: want, current: scope.value(side, in: expression)) {
                var trial = scope
                trial.assign(place, candidate)
                if trial.isTrue(node, want, in: expression) { scope = trial; return true }
            }
        }
        return false
    }

    /// An array or string cut or padded (repeating its last element, or "x") to `n` elements.
    static func resized(_ value: JSONValue, to n: Int) -> JSONValue {
        switch value {
        case .array(let a):
            if a.count >= n { return .array(Array(a.prefix(n))) }
            let pad = a.last ?? .string("x")
            return .array(a + Array(repeating: pad, count: n - a.count))
        case .string(let s):
            if s.count >= n { return .string(String(s.prefix(n))) }
            return .string(s + String(repeating: "x", count: n - s.count))
        default:
            return value
        }
    }

    /// `a < b` is `b > a`.
    static func mirror(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return op
        }
    }

    /// Values `x` for which `x relation reference` is `want`, most natural first.
    static func values(_ relation: BinaryOperator, _ reference: JSONValue, want: Bool, current: JSONValue?) -> [JSONValue] {
        let effective: BinaryOperator
        if want { effective = relation } else {
            switch relation {
            case .equal: effective = .notEqual
            case .notEqual: effective = .equal
            case .less: effective = .greaterOrEqual
            case .lessOrEqual: effective = .greater
            case .greater: effective = .lessOrEqual
            case .greaterOrEqual: effective = .less
            default: return []
            }
        }
        switch effective {
        case .equal: return [reference]
        case .notEqual: return different(reference, current: current)
        case .greaterOrEqual: return [reference, shifted(reference, by: 1)].compactMap { $0 }
        case .lessOrEqual: return [reference, shifted(reference, by: -1)].compactMap { $0 }
        case .greater: return [shifted(reference, by: 1), shifted(reference, by: 0.5)].compactMap { $0 }
        case .less: return [shifted(reference, by: -1), shifted(reference, by: -0.5)].compactMap { $0 }
        default: return []
        }
    }

    /// A number moved by `delta` (integers stay integers when `delta` is whole).
    static func shifted(_ v: JSONValue, by delta: Double) -> JSONValue? {
        guard let n = v.numberValue else { return nil }
        if let i = n.int64Value, n.isInteger, delta == delta.rounded() { return JSONValue(Int(i) &+ Int(delta)) }
        return .number(JSONNumber(n.doubleValue + delta))
    }

    /// Values of the same type that differ from `v`.
    static func different(_ v: JSONValue, current: JSONValue?) -> [JSONValue] {
        switch v {
        case .number: return [shifted(v, by: 1), shifted(v, by: -1)].compactMap { $0 }
        case .string(let s): return [.string(s + "-other"), .string("other")]
        case .bool(let b): return [.bool(!b)]
        case .null: return [current, .string("other"), JSONValue(0)].compactMap { $0 }.filter { !$0.isNull }
        case .array(let a): return [.array(a.dropLast().map { $0 }), .array(a + [.null])]
        case .object: return [.object(JSONObject())]
        }
    }
}
