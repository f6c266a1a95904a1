extension Expression {
    /// A member an expression reads directly under `request` or `response` (`response.status`,
    /// `request["path"]`), with the 0-based UTF-8 offset of the name inside the expression text.
    public struct ExchangeReference: Sendable, Hashable {
        /// `request` or `response`.
        public var root: String
        public var name: String
        public var offset: Int
    }

    /// Every `request.NAME` and `response.NAME` the expression reads where `request` / `response` is the exchange
    /// (not a lambda parameter of that name), so the loader can flag a name that does not exist:
    /// `response.stauts == 200` would otherwise fail the server at run time for a typo in the suite.
    public var exchangeReferences: [ExchangeReference] {
        var out: [ExchangeReference] = []
        Self.collectExchangeReferences(root, bound: [], into: &out)
        return out
    }

    private static func collectExchangeReferences(_ node: ExpressionNode, bound: Set<String>, into out: inout [ExchangeReference]) {
        func walk(_ n: ExpressionNode) { collectExchangeReferences(n, bound: bound, into: &out) }
        switch node.kind {
        case .member(let base, let name):
            if let root = exchangeRoot(base, bound: bound) {
                out.append(ExchangeReference(root: root, name: name, offset: max(node.start, node.end - name.utf8.count)))
            }
            walk(base)
        case .index(let base, let index):
            if let root = exchangeRoot(base, bound: bound), case .literal(.string(let name)) = index.kind {
                out.append(ExchangeReference(root: root, name: name, offset: index.start))
            }
            walk(base)
            walk(index)
        case .projection(let base, let rest):
            walk(base)
            walk(rest)
        case .array(let items): items.forEach(walk)
        case .unary(_, let operand): walk(operand)
        case .binary(_, let l, let r):
            walk(l)
            walk(r)
        case .call(_, let args): args.forEach(walk)
        case .lambda(let parameter, let body): collectExchangeReferences(body, bound: bound.union([parameter]), into: &out)
        case .literal, .identifier, .element: break
        }
    }

    /// `request` or `response` when the node is that bare name, unshadowed.
    private static func exchangeRoot(_ node: ExpressionNode, bound: Set<String>) -> String? {
        guard case .identifier(let name) = node.kind, name == "request" || name == "response", !bound.contains(name) else { return nil }
        return name
    }
}
