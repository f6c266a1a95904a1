import ConformCore

/// A drift applied to a page the solver made conforming: a walk rule's effect (a repeated item, a page one
/// too long, a total one short, …) or an invariant's counterexample — the smallest change of the page that
/// makes exactly that invariant false, found from its parsed tree.
struct DriftEffects {
    let responder: ListResponder
    let effect: Drift.Effect?

    var shape: ListShape { responder.shape }
    var operation: String { responder.served.operation.id }

    func apply(to body: JSONValue, page: [JSONValue], offset: Int, count: Int, items: [JSONValue], catalog: [JSONValue]) -> JSONValue {
        guard let effect else { return body }
        var body = body
        var page = page
        func setPage() { body = responder.set(body, shape.itemsPath, .array(page)) }
        switch effect {
        case .repeatItem(let op) where op == operation:
            if offset > 0, offset <= items.count, !page.isEmpty { page = [items[offset - 1]] + page.dropLast(); setPage() }
        case .oneTooMany(let op) where op == operation:
            let next = offset + page.count
            if next < items.count { page.append(items[next]); setPage() }
        case .pastEndNotEmpty(let op) where op == operation:
            if page.isEmpty, !items.isEmpty, offset >= items.count {
                let size = max(1, shape.walk?.size ?? 1)
                page = Array(items[((items.count - 1) / size * size)...]); setPage()
            }
        case .unstableTotal(let op) where op == operation:
            let shift = (responder.position(items).page ?? 1) - (shape.walk?.firstPage ?? 1)
            for path in totalPaths { body = responder.set(body, path, JSONValue(count + shift)) }
        case .totalTooSmall(let op) where op == operation:
            for path in totalPaths { body = responder.set(body, path, JSONValue(max(0, count - 1))) }
        case .hasMoreFlipped(let op) where op == operation:
            if let h = shape.hasMorePath, case .bool(let b)? = body.objectValue?.get(h) { body = responder.set(body, h, .bool(!b)) }
        case .nextLinkMissing(let op) where op == operation:
            if let n = shape.nextPath { body = responder.set(body, n, responder.absent(n)) }
        case .previousLinkMissing(let op) where op == operation:
            if let p = shape.previousPath { body = responder.set(body, p, responder.absent(p)) }
        case .invariant(let pointer):
            guard let inv = responder.served.invariants.first(where: { $0.invariant.pointer == pointer })?.invariant else { break }
            body = InvariantBreaker(served: responder.served, itemsPath: shape.itemsPath, invariant: inv).breakIt(body, catalog: catalog)
        default:
            break
        }
        return body
    }

    private var totalPaths: [[String]] {
        responder.countPaths(responder.served.invariants.map(\.invariant)) + [shape.totalPath].compactMap { $0 }
    }
}

/// Makes one invariant false on a conforming page, changing as little as it can: for a rule over the items,
/// a catalog item that breaks it, a duplicate, two items swapped out of order, or one item's member changed;
/// for the page length, one item more or fewer; for any other part, the values it compares
/// (`InvariantDriver` driven toward false).
struct InvariantBreaker {
    let served: ServedRequest
    /// The items path of a list answer; nil for other bodies.
    let itemsPath: [String]?
    let invariant: Invariant

    var path: [String] { itemsPath ?? [] }
    var expression: Expression { invariant.expression }
    var bound: Set<String> { Set(served.variables.keys) }

    func holds(_ body: JSONValue) -> Bool {
        let context = EvaluationContext(body: body, request: served.request, variables: served.variables)
        return invariant.expression.check(in: context).holds
    }

    func set(_ body: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue { body.setting(path, value) }

    func breakIt(_ body: JSONValue, catalog: [JSONValue]) -> JSONValue {
        guard holds(body) else { return body }
        let page = body.objectValue?.get(path)?.arrayValue ?? []
        let root = path.first ?? ""
        for part in expression.root.conjuncts {
            var candidates: [JSONValue] = []
            if itemsPath != nil, ItemRule.isItemRule(part, root: root, itemsPath: path, bound: bound) {
                candidates = itemCounterexamples(part, page: page, catalog: catalog).map { set(body, path, .array($0)) }
            } else {
                if itemsPath != nil, part.contains(where: { $0.isLength(of: path, bound: bound) }) {
                    let extra = catalog.first { c in !page.contains(c) } ?? page.first
                    if let extra { candidates.append(set(body, path, .array(page + [extra]))) }
                    if !page.isEmpty { candidates.append(set(body, path, .array(Array(page.dropLast())))) }
                }
                var scope = ValueScope(body: body, request: served.request, variables: served.variables)
                scope.fixed = itemsPath.map { [$0] } ?? []
                scope.fresh = { _ in .string("drift") }
                if InvariantDriver(expression: expression).drive(part, toward: false, in: &scope) { candidates.insert(scope.body, at: 0) }
            }
            if let broken = candidates.first(where: { !holds($0) }) { return broken }
        }
        return body
    }

    /// Pages that break an item rule: a catalog item the rule rejects in place of the last, the first item
    /// repeated, two items swapped, one item's member changed.
    private func itemCounterexamples(_ part: ExpressionNode, page: [JSONValue], catalog: [JSONValue]) -> [[JSONValue]] {
        var out: [[JSONValue]] = []
        let base = page.isEmpty ? Array(catalog.prefix(1)) : page
        for c in catalog.prefix(200) where !base.contains(c) {
            out.append(base.isEmpty ? [c] : Array(base.dropLast()) + [c])
            out.append(base + [c])
            if out.count > 40 { break }
        }
        if let first = base.first { out.append(base.count > 1 ? Array(base.dropLast()) + [first] : [first, first]) }
        if base.count >= 2 {
            var swapped = base
            swapped.swapAt(0, base.count - 1)
            out.append(swapped)
            out.append(base.reversed())
        }
        // `all(items, m => …)`: change one item so its predicate fails.
        if case .call(_, let args) = part.kind, args.count == 2, case .lambda(let param, let predicate) = args[1].kind, let first = base.first {
            var scope = ValueScope(body: .object(JSONObject()), request: served.request,
                                   variables: served.variables.merging([param: first]) { _, b in b })
            scope.assignable = [param]
            scope.fresh = { _ in .string("drift") }
            if InvariantDriver(expression: expression).drive(predicate, toward: false, in: &scope), let changed = scope.variables[param] {
                out.append([changed] + base.dropFirst())
            }
        }
        return out
    }
}
