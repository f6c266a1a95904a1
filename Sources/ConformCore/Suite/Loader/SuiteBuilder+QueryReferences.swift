extension SuiteBuilder {
    /// Every `request.query.NAME` an invariant reads must be a name the request can carry: a parameter of the
    /// operation, or a query value the case, walk or probe sends. Otherwise a typo (`request.query.limt ?? 100`)
    /// would silently fall back to its default and the check would vanish (STYLE habit 3).
    func checkQueryReferences(of suite: Suite) {
        func check(_ invariants: [Invariant], operation opID: String?, extra: [String]) {
            guard let op = opID.flatMap(suite.operation) else { return }
            let known = Set(op.parameters.filter { $0.location == .query }.map(\.name) + op.probeQuery.map(\.0) + extra)
            for inv in invariants {
                for ref in inv.expression.queryReferences where !known.contains(ref.name) {
                    let message = "invariant reads request.query.\(ref.name), which operation \(JSONWriter.quote(op.id)) does not declare"
                        + " and this request does not send" + NearestName.hint(ref.name, in: known.sorted())
                    if let offset = offsetInside(stringAt: inv.pointer, text: inv.expression.source, utf8Offset: ref.offset) {
                        reader.error(message, at: inv.pointer, offset: offset)
                    } else {
                        reader.error(message, at: inv.pointer)
                    }
                }
            }
        }
        for op in suite.operations {
            for response in op.responses { check(response.invariants, operation: op.id, extra: []) }
        }
        for c in suite.cases { check(c.expect.invariants, operation: c.operation, extra: c.query.map(\.0)) }
        if let rejection = suite.auth?.rejection {
            check(rejection.invariants, operation: rejection.operation ?? suite.operations.first?.id, extra: [])
        }
        for w in suite.walks {
            let sent = w.query.map(\.0) + [w.pageParam, w.sizeParam, w.cursorParam].compactMap { $0 }
            check(w.pageInvariants, operation: w.operation, extra: sent)
        }
    }
}
