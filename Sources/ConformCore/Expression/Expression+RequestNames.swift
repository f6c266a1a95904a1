extension Expression {
    /// A query parameter an expression reads as `request.query.NAME` (or `request.query["NAME"]`), with the
    /// 0-based UTF-8 offset of the name inside the expression text.
    public struct QueryReference: Sendable, Hashable {
        public var name: String
        public var offset: Int
    }

    /// Every `request.query.NAME` the expression reads, so the loader can flag a name the operation does not
    /// declare: `request.query.limt ?? 100` would otherwise silently use its default, a check that vanished.
    public var queryReferences: [QueryReference] {
        var out: [QueryReference] = []
        Self.collectQueryReferences(root, source: Array(source.utf8), into: &out)
        return out
    }

    private static func collectQueryReferences(_ node: ExpressionNode, source: [UInt8], into out: inout [QueryReference]) {
        switch node.kind {
        case .member(let base, let name):
            if isRequestQuery(base) {
                // The name is the last `name.utf8.count` bytes of the member node's text.
                out.append(QueryReference(name: name, offset: max(node.start, node.end - name.utf8.count)))
            }
            collectQueryReferences(base, source: source, into: &out)
        case .index(let base, let index):
            if isRequestQuery(base), case .literal(.string(let name)) = index.kind {
                out.append(QueryReference(name: name, offset: index.start))
            }
            collectQueryReferences(base, source: source, into: &out)
            collectQueryReferences(index, source: source, into: &out)
        case .projection(let base, let rest):
            collectQueryReferences(base, source: source, into: &out)
            collectQueryReferences(rest, source: source, into: &out)
        case .array(let items): for i in items { collectQueryReferences(i, source: source, into: &out) }
        case .unary(_, let o): collectQueryReferences(o, source: source, into: &out)
        case .binary(_, let l, let r):
            collectQueryReferences(l, source: source, into: &out)
            collectQueryReferences(r, source: source, into: &out)
        case .call(_, let args): for a in args { collectQueryReferences(a, source: source, into: &out) }
        case .lambda(_, let body): collectQueryReferences(body, source: source, into: &out)
        case .literal, .identifier, .element: break
        }
    }

    private static func isRequestQuery(_ node: ExpressionNode) -> Bool {
        guard case .member(let base, "query") = node.kind, case .identifier("request") = base.kind else { return false }
        return true
    }
}
