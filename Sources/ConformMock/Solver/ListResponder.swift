import ConformCore

/// One page of a list operation, valid by construction: the catalog filtered and ordered by the item rules
/// that apply to the request, paged as the operation's walk says (page, cursor or link style) and as the
/// invariants bound the page length, the walk's computed members set (total, has-more flag, links,
/// cursor), then every other invariant solved on the wrapper (`InvariantDriver`). A drift in effect breaks
/// exactly its rule afterwards (`DriftEffects`).
struct ListResponder {
    let service: SuiteService
    let shape: ListShape
    let served: ServedRequest
    let http: HTTPServerRequest

    var suite: Suite { service.suite }
    var bound: Set<String> { Set(served.variables.keys) }

    func body(_ data: Dataset) -> JSONValue {
        let effect = service.drift?.effect
        let rules = served.invariants
        let items = listed(data)
        let count = items.count
        var body = wrapper()
        // A drift that changes the type of the whole body leaves nothing to page.
        guard case .object = body else { return body }
        let counts = countPaths(rules.map(\.invariant))
        // The walk's own members are fixed; counts start at the catalog size and may be changed by the solver.
        let fixed = Set(shape.computedPaths)
        for path in counts + [shape.totalPath].compactMap({ $0 }) { body = set(body, path, JSONValue(count)) }

        let position = self.position(items)
        var page: [JSONValue] = []
        var offset = 0
        var previous: PageBounds?
        for _ in 0..<4 {
            let b = bounds(rules.map(\.invariant), body)
            if b == previous { break }
            previous = b
            // Page numbers count in pages of the size asked for (or the most a page may hold), never in the
            // length of a short last page.
            let pageSize = position.requested ?? b.upper ?? b.exact
            offset = position.offset(pageSize)
            let length = max(0, min([pageSize, b.upper, b.exact].compactMap { $0 }.min() ?? Int.max, count - min(offset, count)))
            page = offset < count ? Array(items[offset..<(offset + length)]) : []
            body = pagingMembers(body, page: page, offset: offset, count: count, position: position, items: items, effect: effect)
            body = solve(rules, body: body, fixed: fixed)
        }
        return DriftEffects(responder: self, effect: effect).apply(to: body, page: page, offset: offset, count: count, items: items,
                                                                  catalog: data.items.map { .object($0) })
    }

    /// The catalog filtered and ordered by the item rules of this request. The armed item (a schema drift)
    /// is placed as its conforming twin would be (`ItemRule.apply`), so the order is the conforming catalog's:
    /// computed once per catalog and request and shared by every mock serving that catalog.
    func listed(_ data: Dataset) -> [JSONValue] {
        let itemRules = served.invariants.flatMap { ItemRule.rules(in: $0.invariant, itemsPath: shape.itemsPath, bound: bound) }
        let armed = data.armedIndex.flatMap { k in data.armedOriginal.map { (index: k, drifted: data.items[k], twin: $0) } }
        func apply(_ catalog: [JSONValue], armed: (drifted: JSONValue, twin: JSONValue)?) -> [JSONValue] {
            var items = catalog
            for rule in itemRules.reversed() {
                items = rule.apply(to: items, path: shape.itemsPath, request: served.request, variables: served.variables, armed: armed)
            }
            return items
        }
        let current = data.items.map { JSONValue.object($0) }
        guard !itemRules.isEmpty else { return current }
        var conforming = current
        if let armed { conforming[armed.index] = .object(armed.twin) }
        let variables = served.variables.keys.sorted().map { "\($0)=\(JSONWriter.write(served.variables[$0] ?? .null))" }
        let key = (data.catalogKey ?? "") + "|" + JSONWriter.write(served.request) + "|" + variables.joined(separator: "&")
        let order = data.catalogKey == nil ? nil : DatasetCache.shared.remember(key: "order|" + key) { () -> [Int]? in
            // Positions are found by id, so ids must tell every item apart (the dataset makes them unique).
            let ids = conforming.map { $0.objectValue?[data.idMember].map { JSONWriter.write($0) } ?? "" }
            guard Set(ids).count == ids.count, !ids.contains("") else { return nil }
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            return apply(conforming, armed: nil).compactMap { position[$0.objectValue?[data.idMember].map { JSONWriter.write($0) } ?? ""] }
        }
        guard let order else { return apply(current, armed: armed.map { (.object($0.drifted), .object($0.twin)) }) }
        return order.map { current[$0] }
    }

    /// The wrapper object without its items, synthesised from the success schema.
    private func wrapper() -> JSONValue {
        let synth = service.bodySynthesizer
        let skip: Set<String> = shape.itemsPath.count == 1 ? [shape.itemsPath[0]] : []
        func make() -> JSONValue {
            var trace = SynthesisTrace()
            return synth.value(shape.wrapperSchema, key: SeededRandom(service.seed).child("wrapper").child(served.operation.id),
                               skip: skip, trace: &trace)
        }
        // Without an armed drift the wrapper depends on the suite, operation and seed alone.
        if synth.armed { return make() }
        return DatasetCache.shared.remember(suite: suite, key: "wrapper|\(served.operation.id)|\(service.seed)", make: make)
    }

    /// Body paths an invariant compares as at least the page length (`total >= len(items)`): they carry the
    /// count of the whole (filtered) catalog.
    func countPaths(_ invariants: [Invariant]) -> [[String]] {
        let key = invariants.map(\.pointer.description).joined(separator: "|")
        return DatasetCache.shared.remember(suite: suite, key: "count|" + served.operation.id + "|" + key) { countPathsUncached(invariants) }
    }

    private func countPathsUncached(_ invariants: [Invariant]) -> [[String]] {
        var out: [[String]] = []
        for inv in invariants {
            inv.expression.root.visit { node in
                guard case .binary(let op, let l, let r) = node.kind else { return }
                var candidate: ExpressionNode?
                if op == .greaterOrEqual, r.isLength(of: shape.itemsPath, bound: bound) { candidate = l }
                if op == .lessOrEqual, l.isLength(of: shape.itemsPath, bound: bound) { candidate = r }
                if let c = candidate, let path = c.bodyPath(bound: bound), path != shape.itemsPath,
                   !shape.computedPaths.contains(path), !out.contains(path) { out.append(path) }
            }
        }
        return out
    }

    /// What the invariants say of the page length, given the body so far: the most it may be
    /// (`len(items) <= limit`) and what it must be (`len(items) == min(…)`).
    struct PageBounds: Equatable {
        var upper: Int?
        var exact: Int?
    }

    func bounds(_ invariants: [Invariant], _ body: JSONValue) -> PageBounds {
        var best = PageBounds()
        let context = EvaluationContext(body: body, request: served.request, variables: served.variables)
        for inv in invariants {
            for node in necessaryComparisons(inv.expression.root, inv.expression, context) {
                guard case .binary(let op, let l, let r) = node.kind, op.isComparison else { continue }
                var other: ExpressionNode?, relation = op
                if l.isLength(of: shape.itemsPath, bound: bound) { other = r }
                else if r.isLength(of: shape.itemsPath, bound: bound) { other = l; relation = InvariantDriver.mirror(op) }
                guard let other, case .value(.number(let n)) = inv.expression.evaluate(other, in: context) else { continue }
                // `count == len(items)`: the solver sets `count` from the page, not the page from `count`.
                if relation == .equal, other.bodyPath(bound: bound) != nil { continue }
                let v = n.doubleValue
                guard v.isFinite, v >= 0 else { continue }
                switch relation {
                case .lessOrEqual: best.upper = min(best.upper ?? Int.max, Int(min(v, 1e9).rounded(.down)))
                case .less: best.upper = min(best.upper ?? Int.max, max(0, Int(min(v, 1e9).rounded(.up)) - 1))
                case .equal: best.exact = min(best.exact ?? Int.max, Int(min(v, 1e9).rounded(.down)))
                default: continue
                }
            }
        }
        return best
    }

    /// The comparisons that must hold for the invariant to hold: both sides of `&&`; of `a || b`, a part only
    /// when every other part reads nothing of the body and is false for this request (`!exists(request.query.x) || …`).
    func necessaryComparisons(_ node: ExpressionNode, _ expression: Expression, _ context: EvaluationContext) -> [ExpressionNode] {
        switch node.kind {
        case .binary(.and, let l, let r):
            return necessaryComparisons(l, expression, context) + necessaryComparisons(r, expression, context)
        case .binary(.or, _, _):
            let parts = node.disjuncts
            var out: [ExpressionNode] = []
            for (k, part) in parts.enumerated() {
                let others = parts.enumerated().filter { $0.offset != k }.map(\.element)
                let settled = others.allSatisfy { o in
                    guard o.bodyRoots(bound: bound).isEmpty else { return false }
                    if case .value(.bool(false)) = expression.evaluate(o, in: context) { return true }
                    return false
                }
                if settled { out += necessaryComparisons(part, expression, context) }
            }
            return out
        case .binary(let op, _, _) where op.isComparison:
            return [node]
        default:
            return []
        }
    }

    /// Where the page starts and how long the request asks it to be, by the walk's style.
    struct Position {
        var page: Int?
        var firstPage = 1
        var requested: Int?
        var start: Int?
        /// The offset for a page length (page numbers count in pages of that length).
        func offset(_ length: Int?) -> Int {
            if let start { return start }
            guard let page, let length else { return 0 }
            let (product, overflow) = (page - firstPage).multipliedReportingOverflow(by: length)
            return overflow ? Int.max / 2 : max(0, product)
        }
    }

    func position(_ items: [JSONValue]) -> Position {
        guard let walk = shape.walk else { return Position() }
        var p = Position()
        p.firstPage = walk.firstPage
        if let s = walk.sizeParam { p.requested = served.raw[s]?.last.flatMap { Int($0) }.map { max(1, $0) } }
        else { p.requested = walk.size }
        switch walk.style {
        case .page, .link:
            let param = walk.pageParam ?? "page"
            p.page = max(walk.firstPage, served.raw[param]?.last.flatMap { Int($0) } ?? walk.firstPage)
        case .cursor:
            p.start = 0
            if let param = walk.cursorParam ?? Optional("cursor"), let cursor = served.raw[param]?.last {
                if let k = items.firstIndex(where: { Dataset.text($0.objectValue?[shape.itemID] ?? .null) == cursor }) { p.start = k + 1 }
                else { p.start = Int(cursor) ?? 0 }
            }
        }
        return p
    }

    /// Items, has-more flag, links and cursor of one page.
    private func pagingMembers(_ body: JSONValue, page: [JSONValue], offset: Int, count: Int, position: Position,
                               items: [JSONValue], effect: Drift.Effect?) -> JSONValue {
        var body = set(body, shape.itemsPath, .array(page))
        let more = offset + page.count < count
        if let h = shape.hasMorePath { body = set(body, h, .bool(more)) }
        if let walk = shape.walk {
            switch walk.style {
            case .page, .link:
                let param = walk.pageParam ?? "page"
                let number = position.page ?? walk.firstPage
                if let n = shape.nextPath { body = set(body, n, more ? .string(SuiteService.pageURL(http, pageParam: param, page: number + 1)) : absent(n)) }
                if let p = shape.previousPath {
                    body = set(body, p, number > walk.firstPage ? .string(SuiteService.pageURL(http, pageParam: param, page: number - 1)) : absent(p))
                }
            case .cursor:
                if let c = shape.cursorPath {
                    // With a has-more flag the flag ends the walk and the cursor may name the last item anyway.
                    let last = page.last?.objectValue?[shape.itemID]
                    body = set(body, c, (more || shape.hasMorePath != nil) ? (last ?? absent(c)) : absent(c))
                }
            }
        }
        return body
    }

    /// What a link or cursor member holds when there is nothing to point at: null when its schema allows
    /// it, else nothing.
    func absent(_ path: [String]) -> JSONValue? {
        guard let pointer = SchemaPath.locate(path, from: shape.wrapperSchema, in: suite.file.document)?.member else { return nil }
        return service.validator.isValid(.null, schemaAt: pointer) ? .null : nil
    }

    /// Every invariant that is not an item rule, driven true on the wrapper (values the paging computed stay).
    func solve(_ rules: [(invariant: Invariant, check: CheckKind)], body: JSONValue, fixed: Set<[String]>) -> JSONValue {
        service.solve(body, schema: shape.wrapperSchema, served: served, itemsPath: shape.itemsPath, fixed: fixed)
    }

    /// Sets a member unless the schema drift in effect broke it (a computed value must not mend the drift).
    func set(_ body: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        service.isDrifted(path, under: shape.wrapperSchema) ? body : body.setting(path, value)
    }
}
