extension BuiltinFunctions {
    /// `all any filter map`: each takes a list and a lambda run once per element.
    static let lambdas: [BuiltinFunction] = [
        BuiltinFunction("all", arity: 2...2, lambdaAt: 1, signature: "all(list, v => condition)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            Evaluated(.bool(try firstFailing(c) == nil))
        },
        BuiltinFunction("any", arity: 2...2, lambdaAt: 1, signature: "any(list, v => condition)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            for (i, e) in (try c.array(0).elements ?? []).enumerated() where try c.holds(1, e, index: i) { return Evaluated(.bool(true)) }
            return Evaluated(.bool(false))
        },
        BuiltinFunction("filter", arity: 2...2, lambdaAt: 1, signature: "filter(list, v => condition)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            var kept: [Evaluated] = []
            for (i, e) in (try c.array(0).elements ?? []).enumerated() where try c.holds(1, e, index: i) { kept.append(e) }
            return .array(kept)
        },
        BuiltinFunction("map", arity: 2...2, lambdaAt: 1, signature: "map(list, v => value)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            var out: [Evaluated] = []
            for (i, e) in (try c.array(0).elements ?? []).enumerated() {
                do throws(ExpressionFailure) { out.append(try c.lambda(1, e)) } catch {
                    throw ExpressionFailure(message: "\(error.message) (in map() at element \(i))", pointer: error.pointer ?? e.pointer,
                                            isMissing: false)
                }
            }
            return .array(out)
        },
    ]

    /// The first element of `all(list, v => …)` for which the condition is false, with its index.
    static func firstFailing(_ c: FunctionCall) throws(ExpressionFailure) -> (index: Int, element: Evaluated)? {
        for (i, e) in (try c.array(0).elements ?? []).enumerated() where !(try c.holds(1, e, index: i)) { return (i, e) }
        return nil
    }
}
