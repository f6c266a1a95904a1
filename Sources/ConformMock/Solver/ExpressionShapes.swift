import ConformCore

/// Readings of a parsed expression tree the solver and the drift catalog need: body paths a value can be
/// assigned to, the top-level parts of conjunctions and disjunctions, and what an item rule reads. They look
/// at node kinds only — never at the expression's text, never at member or lambda parameter names.
extension ExpressionNode {
    /// Roots that are not members of a body or of a bound value.
    static let contextRoots: Set<String> = ["request", "response"]

    /// `a && b && c` → `[a, b, c]`.
    var conjuncts: [ExpressionNode] {
        if case .binary(.and, let l, let r) = kind { return l.conjuncts + r.conjuncts }
        return [self]
    }

    /// `a || b || c` → `[a, b, c]`.
    var disjuncts: [ExpressionNode] {
        if case .binary(.or, let l, let r) = kind { return l.disjuncts + r.disjuncts }
        return [self]
    }

    /// A plain member path (`meta.total`, `m.user.id`): its root name and member names; nil for anything else
    /// (indexes, projections, calls). `body.x` is rooted at the body.
    var memberPath: (root: String, members: [String])? {
        switch kind {
        case .identifier(let name): return (name, [])
        case .member(let base, let name):
            guard let p = base.memberPath else { return nil }
            return (p.root, p.members + [name])
        default: return nil
        }
    }

    /// The body path this node names when it is a plain path into the response body, given the names
    /// bound to other values (lambda parameters, context variables).
    func bodyPath(bound: Set<String>) -> [String]? {
        guard let p = memberPath, !Self.contextRoots.contains(p.root), !bound.contains(p.root) else { return nil }
        return p.root == "body" ? p.members : [p.root] + p.members
    }

    /// The collection a node reads through: `items`, `items ?? []`, `items[*].x` and `map(items, …)`,
    /// `filter(items, …)` all read `items`.
    func collectionPath(bound: Set<String>) -> [String]? {
        if let p = bodyPath(bound: bound) { return p }
        switch kind {
        case .binary(.coalesce, let l, _): return l.collectionPath(bound: bound)
        case .projection(let base, _): return base.collectionPath(bound: bound)
        case .call(_, let args): return args.first?.collectionPath(bound: bound)
        default: return nil
        }
    }

    /// `len(X)` where X reads the collection at `path`.
    func isLength(of path: [String], bound: Set<String>) -> Bool {
        guard case .call("len", let args) = kind, args.count == 1 else { return false }
        return args[0].collectionPath(bound: bound) == path
    }

    /// Every node of the tree, depth first.
    func visit(_ body: (ExpressionNode) -> Void) {
        body(self)
        switch kind {
        case .literal, .identifier, .element: break
        case .array(let items): items.forEach { $0.visit(body) }
        case .member(let b, _): b.visit(body)
        case .index(let b, let i): b.visit(body); i.visit(body)
        case .projection(let b, let r): b.visit(body); r.visit(body)
        case .unary(_, let o): o.visit(body)
        case .binary(_, let l, let r): l.visit(body); r.visit(body)
        case .call(_, let args): args.forEach { $0.visit(body) }
        case .lambda(_, let b): b.visit(body)
        }
    }

    /// Whether any node of the tree satisfies `test`.
    func contains(where test: (ExpressionNode) -> Bool) -> Bool {
        var found = false
        visit { if !found, test($0) { found = true } }
        return found
    }

    /// Whether the tree reads `request` or `response`.
    var readsExchange: Bool {
        contains { if case .identifier(let n) = $0.kind { return Self.contextRoots.contains(n) }; return false }
    }

    /// `sorted(K, d) == K` (either way round): the key collection and the direction node.
    var sortRule: (key: ExpressionNode, direction: ExpressionNode?)? {
        guard case .binary(.equal, let l, let r) = kind else { return nil }
        for (call, other) in [(l, r), (r, l)] {
            if case .call("sorted", let args) = call.kind, !args.isEmpty, args[0].sameShape(as: other) {
                return (other, args.count > 1 ? args[1] : nil)
            }
        }
        return nil
    }

    /// Structural equality, positions ignored.
    func sameShape(as other: ExpressionNode) -> Bool {
        switch (kind, other.kind) {
        case (.literal(let a), .literal(let b)): return a == b
        case (.identifier(let a), .identifier(let b)): return a == b
        case (.element, .element): return true
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameShape(as: $1) }
        case (.member(let a, let n), .member(let b, let m)): return n == m && a.sameShape(as: b)
        case (.index(let a, let i), .index(let b, let j)): return a.sameShape(as: b) && i.sameShape(as: j)
        case (.projection(let a, let x), .projection(let b, let y)): return a.sameShape(as: b) && x.sameShape(as: y)
        case (.unary(let o, let a), .unary(let p, let b)): return o == p && a.sameShape(as: b)
        case (.binary(let o, let a, let x), .binary(let p, let b, let y)): return o == p && a.sameShape(as: b) && x.sameShape(as: y)
        case (.call(let f, let a), .call(let g, let b)): return f == g && a.count == b.count && zip(a, b).allSatisfy { $0.sameShape(as: $1) }
        case (.lambda(let p, let a), .lambda(let q, let b)): return p == q && a.sameShape(as: b)
        default: return false
        }
    }

    /// The body paths the tree reads (lambda parameters and `bound` names excluded), for classifying rules.
    func bodyRoots(bound: Set<String>) -> Set<String> {
        var out = Set<String>()
        func walk(_ n: ExpressionNode, _ bound: Set<String>) {
            switch n.kind {
            case .identifier(let name):
                if !bound.contains(name), !Self.contextRoots.contains(name) { out.insert(name) }
            case .lambda(let p, let b): walk(b, bound.union([p]))
            case .literal, .element: break
            case .array(let items): items.forEach { walk($0, bound) }
            case .member(let b, _): walk(b, bound)
            case .index(let b, let i): walk(b, bound); walk(i, bound)
            case .projection(let b, let r): walk(b, bound); walk(r, bound)
            case .unary(_, let o): walk(o, bound)
            case .binary(_, let l, let r): walk(l, bound); walk(r, bound)
            case .call(_, let args): args.forEach { walk($0, bound) }
            }
        }
        walk(self, bound)
        return out
    }
}
