import ConformCore

/// The parts of a list answer's invariants that speak of the items alone (`unique(items[*].id)`,
/// `all(items, m => …)`, `sorted(items[*].x, "desc") == items[*].x`): the mock meets them the way a server
/// does — by filtering and ordering the catalog before it pages — instead of by changing values.
struct ItemRule {
    enum Kind {
        /// Items must come in the order of `key` (a collection over the items), `direction` "asc"/"desc".
        case order(key: ExpressionNode, direction: ExpressionNode?)
        /// Items must satisfy the rule together: kept by filtering.
        case filter
    }

    let invariant: Invariant
    let node: ExpressionNode
    let kind: Kind

    /// The item rules among the top-level parts of `invariant` (rules that read only the items and the request).
    static func rules(in invariant: Invariant, itemsPath: [String], bound: Set<String>) -> [ItemRule] {
        guard let root = itemsPath.first else { return [] }
        var out: [ItemRule] = []
        for part in invariant.expression.root.conjuncts where isItemRule(part, root: root, itemsPath: itemsPath, bound: bound) {
            if let order = part.sortRule ?? part.disjuncts.first?.sortRule {
                out.append(ItemRule(invariant: invariant, node: part, kind: .order(key: order.key, direction: order.direction)))
            } else {
                out.append(ItemRule(invariant: invariant, node: part, kind: .filter))
            }
        }
        return out
    }

    /// Reads the items (and maybe the request), nothing else of the body, and does not count them.
    static func isItemRule(_ node: ExpressionNode, root: String, itemsPath: [String], bound: Set<String>) -> Bool {
        let roots = node.bodyRoots(bound: bound)
        guard roots == [root] else { return false }
        return !node.contains { $0.isLength(of: itemsPath, bound: bound) }
    }

    /// A body holding just `items` at the items path, for evaluating item rules.
    static func body(_ items: [JSONValue], at path: [String]) -> JSONValue {
        var o = JSONObject()
        o.set(path, .array(items))
        return .object(o)
    }

    /// Whether the rule holds for `items`.
    func holds(_ items: [JSONValue], path: [String], request: JSONValue, variables: [String: JSONValue]) -> Bool {
        let context = EvaluationContext(body: Self.body(items, at: path), request: request, variables: variables)
        if case .value(.bool(true)) = invariant.expression.evaluate(node, in: context) { return true }
        return false
    }

    /// The catalog as a server honouring the rule would list it. The item a schema drift broke (`armed`) is
    /// judged as its conforming `twin` would be: kept, dropped or placed where the twin is.
    func apply(to items: [JSONValue], path: [String], request: JSONValue, variables: [String: JSONValue],
               armed: (drifted: JSONValue, twin: JSONValue)? = nil) -> [JSONValue] {
        if let armed, let k = items.firstIndex(of: armed.drifted), !items.contains(armed.twin) {
            var stand = items
            stand[k] = armed.twin
            return apply(to: stand, path: path, request: request, variables: variables).map { $0 == armed.twin ? armed.drifted : $0 }
        }
        switch kind {
        case .order(let key, let direction):
            return Self.ordered(items, key: key, direction: direction, expression: invariant.expression, path: path,
                                request: request, variables: variables)
        case .filter:
            if holds(items, path: path, request: request, variables: variables) { return items }
            // Each item on its own (a filter on members), then greedily (rules that relate items: uniqueness,
            // "same owner as the first").
            let single = items.filter { holds([$0], path: path, request: request, variables: variables) }
            if holds(single, path: path, request: request, variables: variables) { return single }
            var kept: [JSONValue] = []
            for item in single.prefix(5_000) where holds(kept + [item], path: path, request: request, variables: variables) { kept.append(item) }
            return kept
        }
    }

    /// Items stably sorted by the key the rule reads, with the evaluator's own ordering.
    static func ordered(_ items: [JSONValue], key: ExpressionNode, direction: ExpressionNode?, expression: Expression, path: [String],
                        request: JSONValue, variables: [String: JSONValue]) -> [JSONValue] {
        var descending = false
        if let d = direction, case .value(.string(let s)) = expression.evaluate(d, in: EvaluationContext(body: nil, request: request, variables: variables)) {
            descending = s.lowercased() == "desc"
        }
        let keys: [JSONValue?] = items.map { item in
            let context = EvaluationContext(body: body([item], at: path), request: request, variables: variables)
            if case .value(.array(let a)) = expression.evaluate(key, in: context) { return a.first }
            return nil
        }
        let order = items.indices.sorted { a, b in
            guard let x = keys[a] else { return false }
            guard let y = keys[b] else { return true }
            let r = ExpressionOrdering.compare(x, y) ?? 0
            return r == 0 ? a < b : (descending ? r > 0 : r < 0)
        }
        return order.map { items[$0] }
    }
}
