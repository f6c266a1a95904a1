/// Walks an `ExpressionNode` over an `EvaluationContext`; one instance per evaluation (holds lambda scopes).
final class ExpressionEvaluator {
    let context: EvaluationContext
    let source: [UInt8]
    /// Lambda parameters in scope, innermost last.
    var scopes: [(name: String, value: Evaluated)] = []
    /// Elements being visited by enclosing projections, innermost last.
    var elements: [Evaluated] = []

    init(context: EvaluationContext, source: [UInt8]) { self.context = context; self.source = source }

    /// The source text of a node, as written (`items[*].id`).
    func text(_ node: ExpressionNode) -> String {
        let s = max(0, min(node.start, source.count)), e = max(s, min(node.end, source.count))
        return String(decoding: source[s..<e], as: UTF8.self)
    }

    func evaluate(_ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch node.kind {
        case .literal(let v): return Evaluated(v)
        case .array(let items):
            var out: [Evaluated] = []
            for item in items { out.append(try evaluate(item)) }
            return .array(out)
        case .identifier(let name): return try resolve(name, node)
        case .element:
            guard let e = elements.last else { throw .problem("projection element used outside a projection") }
            return e
        case .member(let base, let name): return try member(try evaluate(base), name, node)
        case .index(let base, let index): return try subscripted(try evaluate(base), try evaluate(index), node)
        case .projection(let base, let rest): return try project(try evaluate(base), base: base, rest: rest, node)
        case .unary(let op, let operand): return try unary(op, operand, node)
        case .binary(let op, let l, let r): return try binary(op, l, r, node)
        case .call(let name, let args):
            guard let function = BuiltinFunctions.named[name] else { throw .problem("unknown function \(name)") }
            return try function.apply(FunctionCall(evaluator: self, node: node, arguments: args))
        case .lambda:
            throw .problem("a lambda is only allowed as a function argument")
        }
    }

    func resolve(_ name: String, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        if let scoped = scopes.last(where: { $0.name == name }) { return scoped.value }
        if let v = context.variables[name] { return Evaluated(v) }
        switch name {
        case "request": return Evaluated(context.request)
        case "response": return Evaluated(context.response)
        case "body":
            guard let body = context.body else { throw .missing("body is missing (the response has no body)") }
            return Evaluated(body, pointer: .root)
        default:
            guard let body = context.body else { throw .missing("\(name) is missing (the response has no body)") }
            guard case .object(let o) = body else {
                throw .problem("cannot read \(name): the body is \(body.shown), not an object", pointer: .root)
            }
            guard let v = o[name] else { throw .missing("\(name) is missing", pointer: .root) }
            return Evaluated(v, pointer: JSONPointer(tokens: [name]))
        }
    }

    func member(_ base: Evaluated, _ name: String, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch base.value {
        case .object(let o):
            guard let v = o[name] else { throw .missing("\(text(node)) is missing", pointer: base.pointer) }
            return Evaluated(v, pointer: base.pointer?.appending(name))
        case .null:
            throw .missing("\(text(node)) is missing (its parent is null)", pointer: base.pointer)
        default:
            throw .problem("cannot read .\(name) of \(base.value.shown) (\(text(node)))", pointer: base.pointer)
        }
    }

    func subscripted(_ base: Evaluated, _ index: Evaluated, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        switch (base.value, index.value) {
        case (.array(let items), .number(let n)):
            guard let raw = n.int64Value, n.isInteger else {
                throw .problem("array index must be an integer, got \(index.value.shown) (\(text(node)))", pointer: base.pointer)
            }
            let i = raw < 0 ? Int64(items.count) + raw : raw
            guard i >= 0, i < Int64(items.count) else {
                throw .missing("\(text(node)) is missing (index \(raw) outside an array of \(items.count))", pointer: base.pointer)
            }
            return Evaluated(items[Int(i)], pointer: base.elementPointer(Int(i)))
        case (.object(let o), .string(let key)):
            guard let v = o[key] else { throw .missing("\(text(node)) is missing", pointer: base.pointer) }
            return Evaluated(v, pointer: base.pointer?.appending(key))
        case (.null, _):
            throw .missing("\(text(node)) is missing (its parent is null)", pointer: base.pointer)
        default:
            throw .problem("cannot index \(base.value.shown) with \(index.value.shown) (\(text(node)))", pointer: base.pointer)
        }
    }

    func project(_ base: Evaluated, base baseNode: ExpressionNode, rest: ExpressionNode, _ node: ExpressionNode) throws(ExpressionFailure) -> Evaluated {
        guard case .array(let items) = base.value else {
            if base.value.isNull { throw .missing("\(text(baseNode)) is null, so \(text(node)) is missing", pointer: base.pointer) }
            throw .problem("\(text(node)) needs an array, but \(text(baseNode)) is \(base.value.shown)", pointer: base.pointer)
        }
        if case .element = rest.kind { return base }
        var values: [JSONValue] = []
        var pointers: [JSONPointer?] = []
        values.reserveCapacity(items.count); pointers.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let elementPointer = base.elementPointer(i)
            elements.append(Evaluated(item, pointer: elementPointer))
            defer { elements.removeLast() }
            do {
                let v = try evaluate(rest)
                values.append(v.value); pointers.append(v.pointer)
            } catch {
                let at = elementPointer.map { " (\($0))" } ?? ""
                if error.isMissing {
                    throw .missing("\(text(node)) is missing for element \(i)\(at)", pointer: elementPointer ?? error.pointer)
                }
                throw .problem("\(error.message) at element \(i) of \(text(baseNode))\(at)", pointer: error.pointer ?? elementPointer)
            }
        }
        return Evaluated(.array(values), elementPointers: pointers)
    }

    /// Runs a lambda with its parameter bound to `argument`.
    func call(lambda node: ExpressionNode, with argument: Evaluated) throws(ExpressionFailure) -> Evaluated {
        guard case .lambda(let param, let body) = node.kind else { throw .problem("expected a lambda, got \(text(node))") }
        scopes.append((param, argument))
        defer { scopes.removeLast() }
        return try evaluate(body)
    }

    func boolean(_ node: ExpressionNode, role: String) throws(ExpressionFailure) -> Bool {
        let v = try evaluate(node)
        guard case .bool(let b) = v.value else {
            throw .problem("\(role) needs a boolean, but \(text(node)) is \(v.value.shown)", pointer: v.pointer)
        }
        return b
    }
}
