import ConformCore

extension SuiteService {
    /// `body` with the parts of the applicable invariants that are not item rules driven true, a few rounds
    /// (a value one part sets may be what another compares). Paths in `fixed`, and members the schema drift in
    /// effect broke, stay as they are; `exists(x)` gets a value synthesised from x's schema.
    func solve(_ body: JSONValue, schema: JSONPointer, served: ServedRequest, itemsPath: [String]?, fixed: Set<[String]>) -> JSONValue {
        var scope = ValueScope(body: body, request: served.request, variables: served.variables)
        scope.fixed = fixed
        let doc = suite.file.document
        let synth = bodySynthesizer
        let seed = self.seed
        scope.fresh = { place in
            guard case .body(let path) = place, let pointer = SchemaPath.locate(path, from: schema, in: doc)?.member else { return nil }
            var trace = SynthesisTrace()
            return synth.value(pointer, key: SeededRandom(seed).child("fresh").child(path.joined(separator: ".")), member: path.last, trace: &trace)
        }
        scope.frozen = { [self] path in isDrifted(path, under: schema) }
        let bound = Set(served.variables.keys)
        for _ in 0..<3 {
            var changed = false
            for (inv, _) in served.invariants {
                for part in inv.expression.root.conjuncts {
                    if let itemsPath, let root = itemsPath.first, ItemRule.isItemRule(part, root: root, itemsPath: itemsPath, bound: bound) { continue }
                    if scope.isTrue(part, in: inv.expression) { continue }
                    let before = scope.body
                    InvariantDriver(expression: inv.expression).drive(part, toward: true, in: &scope)
                    if scope.body != before { changed = true }
                }
            }
            if !changed { break }
        }
        return scope.body
    }

    /// Whether the schema drift in effect (armed for per-request bodies) breaks the member at `path`.
    func isDrifted(_ path: [String], under schema: JSONPointer) -> Bool {
        let synth = bodySynthesizer
        guard synth.armed, let d = drift?.schemaDrift else { return false }
        return SchemaPath.isTouched(path, from: schema, in: suite.file.document, by: d)
    }
}

extension JSONValue {
    /// The value with the member at `path` set (nil removes it), creating objects on the way.
    func setting(_ path: [String], _ value: JSONValue?) -> JSONValue {
        var o = objectValue ?? JSONObject()
        o.set(path, value)
        return .object(o)
    }
}
