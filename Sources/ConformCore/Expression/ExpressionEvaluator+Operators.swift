extension ExpressionEvaluator {
    func unary(_ op: UnaryOperator, _ operand: ExpressionNode, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch op {
        case .not:
            return Evaluated(.bool(!(try boolean(operand, role: "!"))))
        case .negate:
            let v = try evaluate(operand)
            guard case .number(let n) = v.value else {
                throw .problem("unary - needs a number, but \(text(operand)) is \(v.value.shown)", pointer: v.pointer)
            }
            switch ExpressionArithmetic.apply(.subtract, JSONNumber(0), n) {
            case .success(let r): return Evaluated(.number(r))
            case .failure(let f): throw f
            }
        }
    }

    func binary(_ op: BinaryOperator, _ l: ExpressionNode, _ r: ExpressionNode, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch op {
        case .coalesce:
            do {
                let v = try evaluate(l)
                if !v.value.isNull { return v }
            } catch {
                if !error.isMissing { throw error }
            }
            return try evaluate(r)
        case .or:
            if try boolean(l, role: "||") { return Evaluated(.bool(true)) }
            return Evaluated(.bool(try boolean(r, role: "||")))
        case .and:
            if !(try boolean(l, role: "&&")) { return Evaluated(.bool(false)) }
            return Evaluated(.bool(try boolean(r, role: "&&")))
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            let a = try evaluate(l), b = try evaluate(r)
            return Evaluated(.bool(try compare(op, a, b)))
        case .in:
            let a = try evaluate(l), b = try evaluate(r)
            return Evaluated(.bool(try membership(a, in: b, node)))
        case .add, .subtract, .multiply, .divide, .remainder:
            let a = try evaluate(l), b = try evaluate(r)
            return try arithmetic(op, a, b, l, r)
        }
    }

    /// The truth of a comparison; incompatible types are a problem, never a silent `false`.
    func compare(_ op: BinaryOperator, _ a: Evaluated, _ b: Evaluated) throws(ExpressionFailure) -> Bool {
        switch op {
        case .equal: return a.value == b.value
        case .notEqual: return a.value != b.value
        default:
            guard let c = ExpressionOrdering.compare(a.value, b.value) else {
                throw .problem(ExpressionOrdering.mismatch(a.value, b.value), pointer: a.pointer ?? b.pointer)
            }
            switch op {
            case .less: return c < 0
            case .lessOrEqual: return c <= 0
            case .greater: return c > 0
            default: return c >= 0
            }
        }
    }

    func membership(_ a: Evaluated, in b: Evaluated, _ node: ExpressionNode) throws(ExpressionFailure) -> Bool {
        switch (a.value, b.value) {
        case (_, .array(let items)): return items.contains(a.value)
        case (.string(let needle), .string(let haystack)): return needle.isEmpty || haystack.contains(needle)
        case (.string(let key), .object(let o)): return o[key] != nil
        default:
            throw .problem("'in' needs an array, a string in a string, or a key in an object; got \(a.value.shown) in \(b.value.shown)",
                           pointer: b.pointer ?? a.pointer)
        }
    }

    func arithmetic(_ op: BinaryOperator, _ a: Evaluated, _ b: Evaluated, _ l: ExpressionNode, _ r: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch (a.value, b.value) {
        case (.number(let x), .number(let y)):
            switch ExpressionArithmetic.apply(op, x, y) {
            case .success(let n): return Evaluated(.number(n))
            case .failure(let f): throw f
            }
        case (.string(let x), .string(let y)) where op == .add:
            return Evaluated(.string(x + y))
        case (.array, .array) where op == .add:
            return .array((a.elements ?? []) + (b.elements ?? []))
        default:
            throw .problem("cannot apply \(op.rawValue) to \(a.value.shown) and \(b.value.shown)", pointer: a.pointer ?? b.pointer)
        }
    }
}
