/// Turns an evaluation into an `InvariantVerdict` whose explanation shows the values that made it.
extension ExpressionEvaluator {
    func verdict(_ root: ExpressionNode) -> InvariantVerdict {
        let v: Evaluated
        do { v = try evaluate(root) } catch {
            return InvariantVerdict(holds: false, explanation: error.message, pointer: error.pointer)
        }
        guard case .bool(let holds) = v.value else {
            return InvariantVerdict(holds: false, explanation: "\(text(root)) gives \(v.value.shown), not a boolean", pointer: v.pointer)
        }
        let (explanation, pointer) = explain(root, outcome: holds)
        return InvariantVerdict(holds: holds, explanation: explanation, pointer: holds ? nil : pointer)
    }

    /// Why `node` evaluated to `outcome`. Sub-expressions are re-evaluated, which is deterministic and linear.
    func explain(_ node: ExpressionNode, outcome: Bool) -> (String, JSONPointer?) {
        switch node.kind {
        case .binary(let op, let l, let r) where op.isComparison:
            if !outcome, op == .equal, let sorted = explainSorted(l, r) ?? explainSorted(r, l) { return sorted }
            return explainComparison(op, l, r, outcome: outcome)
        case .binary(.and, let l, let r) where !outcome:
            let leftHolds = (try? boolean(l, role: "&&")) ?? false
            return explain(leftHolds ? r : l, outcome: false)
        case .binary(.or, let l, let r) where !outcome:
            let (a, p) = explain(l, outcome: false), (b, q) = explain(r, outcome: false)
            return ("neither side holds: \(a); \(b)", p ?? q)
        case .unary(.not, let operand):
            let (inner, p) = explain(operand, outcome: !outcome)
            return ("\(text(node)) is \(outcome) because \(inner)", p)
        case .call(let name, let args) where !outcome:
            if let e = explainCall(name, args, node) { return e }
        default: break
        }
        return ("\(text(node)) is \(outcome)", nil)
    }

    /// `3 >= 5 is false (total_item_count = integer 3, len(items) = integer 5)`.
    func explainComparison(_ op: BinaryOperator, _ l: ExpressionNode, _ r: ExpressionNode, outcome: Bool) -> (String, JSONPointer?) {
        guard let a = try? evaluate(l), let b = try? evaluate(r) else { return ("\(text(l)) \(op.rawValue) \(text(r)) is \(outcome)", nil) }
        var operands: [String] = []
        if !l.isConstant { operands.append("\(text(l)) = \(a.value.shown)") }
        if !r.isConstant { operands.append("\(text(r)) = \(b.value.shown)") }
        let values = "\(a.value.compactText(limit: 80)) \(op.rawValue) \(b.value.compactText(limit: 80)) is \(outcome)"
        var pointer = a.pointer ?? b.pointer
        var difference = ""
        if !outcome, op == .equal, case .array(let x) = a.value, case .array(let y) = b.value {
            let k = zip(x, y).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? min(x.count, y.count)
            if k < min(x.count, y.count) {
                difference = "; they differ first at position \(k)"
                pointer = a.elementPointer(k) ?? b.elementPointer(k) ?? pointer
            } else {
                difference = "; lengths differ (\(x.count) and \(y.count))"
            }
        }
        let detail = operands.isEmpty ? "" : " (\(operands.joined(separator: ", ")))"
        return (values + detail + difference, pointer)
    }

    /// `sorted(items[*].name, "asc") == items[*].name`: name the first element out of order.
    func explainSorted(_ sortedSide: ExpressionNode, _ other: ExpressionNode) -> (String, JSONPointer?)? {
        guard case .call("sorted", let args) = sortedSide.kind, let list = try? evaluate(args[0]),
              case .array(let values) = list.value else { return nil }
        var descending = false
        if args.count == 2, let d = try? evaluate(args[1]), d.value == "desc" { descending = true }
        guard let i = BuiltinFunctions.firstOutOfOrder(values, descending: descending) else { return nil }
        let order = descending ? "desc" : "asc"
        return ("\(text(args[0])) is not in \(order) order: element \(i) (\(values[i].shown)) should come before element \(i - 1) (\(values[i - 1].shown))",
                list.elementPointer(i))
    }

    func explainCall(_ name: String, _ args: [ExpressionNode], _ node: ExpressionNode) -> (String, JSONPointer?)? {
        switch name {
        case "all":
            let call = FunctionCall(evaluator: self, node: node, arguments: args)
            guard let failing = try? BuiltinFunctions.firstFailing(call) else { return nil }
            guard case .lambda(let param, let body) = args[1].kind else { return nil }
            scopes.append((param, failing.element))
            defer { scopes.removeLast() }
            let (why, _) = explain(body, outcome: false)
            return ("\(text(node)) is false: element \(failing.index) of \(text(args[0])) (\(failing.element.value.shown)) fails \(text(body)): \(why)",
                    failing.element.pointer)
        case "any":
            guard let list = try? evaluate(args[0]), case .array(let items) = list.value else { return nil }
            return ("\(text(node)) is false: none of the \(items.count) elements of \(text(args[0])) satisfies \(text(args[1]))", list.pointer)
        case "unique":
            guard let list = try? evaluate(args[0]), case .array(let items) = list.value,
                  let (i, j) = BuiltinFunctions.firstDuplicate(items) else { return nil }
            return ("\(text(args[0])) has a duplicate: \(items[j].shown) at positions \(i) and \(j)", list.elementPointer(j))
        case "exists":
            return ("\(text(args[0])) does not exist", nil)
        default:
            return nil
        }
    }
}
