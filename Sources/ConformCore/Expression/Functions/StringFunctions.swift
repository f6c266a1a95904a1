extension BuiltinFunctions {
    /// `contains matches lower upper isDateTime`.
    static let strings: [BuiltinFunction] = [
        BuiltinFunction("contains", arity: 2...2, signature: "contains(array | string | object, value)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let haystack = try c.value(0), needle = try c.value(1)
            switch (haystack.value, needle.value) {
            case (.array(let items), _): return Evaluated(.bool(items.contains(needle.value)))
            case (.string(let s), .string(let n)): return Evaluated(.bool(n.isEmpty || s.contains(n)))
            case (.object(let o), .string(let k)): return Evaluated(.bool(o[k] != nil))
            default:
                throw .problem("contains() needs an array, a string and a string, or an object and a key; got \(haystack.value.shown) and \(needle.value.shown)",
                               pointer: haystack.pointer)
            }
        },
        BuiltinFunction("matches", arity: 2...2, signature: "matches(string, regex)", validate: validateRegex) { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let s = try c.string(0), pattern = try c.string(1)
            switch RegexProgramCache.shared.program(pattern) {
            case .success(let program): return Evaluated(.bool(program.matches(s)))
            case .failure(let e): throw .problem("matches(): \(e.explained(in: pattern))")
            }
        },
        BuiltinFunction("lower", arity: 1...1, signature: "lower(string)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in Evaluated(.string(try c.string(0).lowercased())) },
        BuiltinFunction("upper", arity: 1...1, signature: "upper(string)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in Evaluated(.string(try c.string(0).uppercased())) },
        BuiltinFunction("isDateTime", arity: 1...1, signature: "isDateTime(value)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            guard case .string(let s) = try c.value(0).value else { return Evaluated(.bool(false)) }
            return Evaluated(.bool(DateTimeGrammar.isDateTime(s)))
        },
    ]

    /// A regex written as a literal must compile when the suite loads, not when a response arrives: a refused
    /// construct (a backreference, lookaround) is a load error pointing inside the literal.
    @Sendable static func validateRegex(_ args: [ExpressionNode]) throws(ExpressionSyntaxError) {
        guard args.count == 2, case .literal(let v) = args[1].kind else { return }
        guard case .string(let pattern) = v else {
            throw ExpressionSyntaxError("matches() needs a regex string, got \(v.shown)", at: args[1].start)
        }
        if case .failure(let e) = RegexProgramCache.shared.program(pattern) {
            // Inside the literal when it is written without escapes (its source is then the pattern's bytes).
            let literal = args[1]
            let plain = literal.end - literal.start == pattern.utf8.count + 2
            throw ExpressionSyntaxError("matches(): \(e.explained(in: pattern))", at: plain ? literal.start + 1 + e.offset : literal.start)
        }
    }
}
