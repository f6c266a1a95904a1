import ConformCore

/// The values an invariant sees while the mock solves or breaks it: the response body, the request, bound
/// variables (the walk's `page`; an item bound to a lambda parameter), which of them may change, and how to
/// make a fresh value for a place (from its schema).
struct ValueScope {
    /// Where a value lives: a path in the body, or a path inside a bound variable.
    enum Place: Hashable {
        case body([String])
        case variable(String, [String])
    }

    var body: JSONValue
    var request: JSONValue
    var variables: [String: JSONValue]
    /// Variables whose values may change (an item the solver repairs).
    var assignable: Set<String> = []
    /// Body paths nobody may change (what the paging model computed).
    var fixed: Set<[String]> = []
    /// A schema-valid value for a place, for `exists(x)` to become true.
    var fresh: (Place) -> JSONValue? = { _ in nil }
    /// Body paths a drift broke on purpose: never mended.
    var frozen: ([String]) -> Bool = { _ in false }

    var context: EvaluationContext { EvaluationContext(body: body, request: request, variables: variables) }

    /// The value of a node, or nil when it has none (missing member, type mismatch).
    func value(_ node: ExpressionNode, in expression: Expression) -> JSONValue? {
        if case .value(let v) = expression.evaluate(node, in: context) { return v }
        return nil
    }

    /// Whether a node evaluates to `want` (a boolean).
    func isTrue(_ node: ExpressionNode, _ want: Bool = true, in expression: Expression) -> Bool {
        value(node, in: expression) == .bool(want)
    }

    /// The place a node names, when it is a plain path the solver may change.
    func place(of node: ExpressionNode) -> Place? {
        if case .binary(.coalesce, let l, _) = node.kind { return place(of: l) }
        guard let p = node.memberPath, !ExpressionNode.contextRoots.contains(p.root) else { return nil }
        if variables[p.root] != nil {
            return assignable.contains(p.root) && !p.members.isEmpty ? .variable(p.root, p.members) : nil
        }
        let path = p.root == "body" ? p.members : [p.root] + p.members
        guard !path.isEmpty, !fixed.contains(where: { path.starts(with: $0) || $0.starts(with: path) }), !frozen(path) else { return nil }
        return .body(path)
    }

    /// Sets (or, with nil, removes) the value at a place, creating objects on the way.
    mutating func assign(_ place: Place, _ value: JSONValue?) {
        switch place {
        case .body(let path):
            var o = body.objectValue ?? JSONObject()
            o.set(path, value)
            body = .object(o)
        case .variable(let name, let path):
            var o = variables[name]?.objectValue ?? JSONObject()
            o.set(path, value)
            variables[name] = .object(o)
        }
    }
}
