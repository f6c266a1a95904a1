extension BuiltinFunctions {
    /// `len count sum min max unique sorted keys first last`.
    static let collection: [BuiltinFunction] = [
        BuiltinFunction("len", arity: 1...1, signature: "len(array | string | object)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let v = try c.value(0)
            switch v.value {
            case .array(let a): return Evaluated(JSONValue(a.count))
            case .string(let s): return Evaluated(JSONValue(s.unicodeScalars.count))
            case .object(let o): return Evaluated(JSONValue(o.count))
            default: throw c.wrongType(0, v, expected: "an array, a string or an object")
            }
        },
        BuiltinFunction("count", arity: 1...2, lambdaAt: 1, signature: "count(list[, v => condition])") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let list = try c.array(0)
            guard c.arguments.count == 2 else { return Evaluated(JSONValue(list.value.arrayValue?.count ?? 0)) }
            var n = 0
            for (i, e) in (list.elements ?? []).enumerated() where try c.holds(1, e, index: i) { n += 1 }
            return Evaluated(JSONValue(n))
        },
        BuiltinFunction("sum", arity: 1...1, signature: "sum(list of numbers)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let list = try c.array(0)
            var total = JSONNumber(0)
            for (i, v) in (list.value.arrayValue ?? []).enumerated() {
                guard case .number(let n) = v else {
                    throw .problem("sum() needs numbers, but element \(i) of \(c.text(0)) is \(v.shown)", pointer: list.elementPointer(i))
                }
                switch ExpressionArithmetic.apply(.add, total, n) {
                case .success(let t): total = t
                case .failure(let f): throw f
                }
            }
            return Evaluated(.number(total))
        },
        BuiltinFunction("min", arity: 1...1, signature: "min(list of numbers or strings)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try extreme(c, wantLess: true) },
        BuiltinFunction("max", arity: 1...1, signature: "max(list of numbers or strings)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try extreme(c, wantLess: false) },
        BuiltinFunction("unique", arity: 1...1, signature: "unique(list)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            Evaluated(.bool(firstDuplicate(try c.array(0).value.arrayValue ?? []) == nil))
        },
        BuiltinFunction("sorted", arity: 1...2, signature: "sorted(list, \"asc\" | \"desc\")", validate: validateDirection) { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let list = try c.array(0)
            let descending = try direction(c)
            let elements = list.elements ?? []
            try checkOrderable(elements, c)
            let order = Array(elements.indices).sorted { a, b in
                let r = ExpressionOrdering.compare(elements[a].value, elements[b].value) ?? 0
                return r == 0 ? a < b : (descending ? r > 0 : r < 0)
            }
            return .array(order.map { elements[$0] })
        },
        BuiltinFunction("keys", arity: 1...1, signature: "keys(object)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let v = try c.value(0)
            guard case .object(let o) = v.value else { throw c.wrongType(0, v, expected: "an object") }
            return Evaluated(.array(o.keys.map { .string($0) }))
        },
        BuiltinFunction("first", arity: 1...1, signature: "first(list)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try end(c, first: true) },
        BuiltinFunction("last", arity: 1...1, signature: "last(list)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try end(c, first: false) },
    ]

    /// Positions of the first value seen twice: (earlier, later). Linear.
    static func firstDuplicate(_ values: [JSONValue]) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            if let earlier = seen[v] { return (earlier, i) }
            seen[v] = i
        }
        return nil
    }

    /// Index of the first element out of order (it should come before the one preceding it).
    static func firstOutOfOrder(_ values: [JSONValue], descending: Bool) -> Int? {
        guard values.count > 1 else { return nil }
        for i in 1..<values.count {
            guard let r = ExpressionOrdering.compare(values[i - 1], values[i]) else { return i }
            if descending ? r < 0 : r > 0 { return i }
        }
        return nil
    }

    /// All numbers or all strings; anything else cannot be ordered.
    static func checkOrderable(_ elements: [Evaluated], _ c: FunctionCall) throws(ExpressionFailure) {
        guard let first = elements.first else { return }
        for (i, e) in elements.enumerated() {
            guard ExpressionOrdering.compare(first.value, e.value) != nil else {
                throw .problem("\(c.name)() needs all numbers or all strings, but \(c.text(0)) mixes \(first.value.shown) and \(e.value.shown) (element \(i))",
                               pointer: e.pointer)
            }
        }
    }

    static func direction(_ c: FunctionCall) throws(ExpressionFailure) -> Bool {
        guard c.arguments.count == 2 else { return false }
        let d = try c.string(1)
        guard d == "asc" || d == "desc" else { throw .problem("sorted() direction must be \"asc\" or \"desc\", got \(JSONValue.string(d).shown)") }
        return d == "desc"
    }

    @Sendable static func validateDirection(_ args: [ExpressionNode]) throws(ExpressionSyntaxError) {
        guard args.count == 2, case .literal(let v) = args[1].kind else { return }
        guard v == "asc" || v == "desc" else {
            throw ExpressionSyntaxError("sorted() direction must be \"asc\" or \"desc\", got \(v.shown)", at: args[1].start)
        }
    }

    static func extreme(_ c: FunctionCall, wantLess: Bool) throws(ExpressionFailure) -> Evaluated {
        let elements = try c.array(0).elements ?? []
        guard var best = elements.first else { throw .problem("\(c.name)() of an empty array (\(c.text(0)))") }
        try checkOrderable(elements, c)
        for e in elements.dropFirst() {
            let r = ExpressionOrdering.compare(e.value, best.value) ?? 0
            if wantLess ? r < 0 : r > 0 { best = e }
        }
        return best
    }

    static func end(_ c: FunctionCall, first: Bool) throws(ExpressionFailure) -> Evaluated {
        let list = try c.array(0)
        let items = list.value.arrayValue ?? []
        guard !items.isEmpty else { throw .missing("\(c.name)(\(c.text(0))) is missing (the array is empty)", pointer: list.pointer) }
        let i = first ? 0 : items.count - 1
        return Evaluated(items[i], pointer: list.elementPointer(i))
    }
}
