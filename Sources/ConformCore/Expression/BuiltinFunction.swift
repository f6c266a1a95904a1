/// A built-in function of the expression language: name, arity, where a lambda goes, and its implementation.
struct BuiltinFunction: Sendable {
    let name: String
    let arity: ClosedRange<Int>
    /// Argument position that takes a lambda (`v => …`); required there when within the minimum arity.
    let lambdaAt: Int?
    /// One-line signature for messages and docs: `count(list[, v => cond])`.
    let signature: String
    /// Parse-time checks beyond arity (a literal regex compiles, `sorted`'s direction is "asc" or "desc").
    let validate: (@Sendable ([ExpressionNode]) throws(ExpressionSyntaxError) -> Void)?
    let apply: @Sendable (FunctionCall) throws(ExpressionFailure) -> Evaluated

    init(_ name: String, arity: ClosedRange<Int>, lambdaAt: Int? = nil, signature: String,
         validate: (@Sendable ([ExpressionNode]) throws(ExpressionSyntaxError) -> Void)? = nil,
         apply: @escaping @Sendable (FunctionCall) throws(ExpressionFailure) -> Evaluated) {
        self.name = name; self.arity = arity; self.lambdaAt = lambdaAt; self.signature = signature
        self.validate = validate; self.apply = apply
    }

    /// Arity and lambda placement, checked while parsing so a wrong call never reaches a response.
    func checkArguments(_ args: [ExpressionNode], at offset: Int) throws(ExpressionSyntaxError) {
        guard arity.contains(args.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) to \(arity.upperBound)"
            let plural = arity.upperBound == 1 ? "argument" : "arguments"
            throw ExpressionSyntaxError("\(name)() takes \(expected) \(plural), got \(args.count): \(signature)", at: offset)
        }
        for (i, arg) in args.enumerated() {
            let isLambda: Bool
            if case .lambda = arg.kind { isLambda = true } else { isLambda = false }
            if i == lambdaAt && !isLambda {
                throw ExpressionSyntaxError("argument \(i + 1) of \(name)() must be a lambda like v => …: \(signature)", at: arg.start)
            }
            if i != lambdaAt && isLambda {
                throw ExpressionSyntaxError("argument \(i + 1) of \(name)() cannot be a lambda: \(signature)", at: arg.start)
            }
        }
        try validate?(args)
    }
}

/// The arguments of one call, evaluated on demand (lambdas run per element; `exists` catches a missing value).
struct FunctionCall {
    let evaluator: ExpressionEvaluator
    let node: ExpressionNode
    let arguments: [ExpressionNode]

    var name: String { if case .call(let n, _) = node.kind { return n }; return "?" }

    func text(_ i: Int) -> String { evaluator.text(arguments[i]) }

    func value(_ i: Int) throws(ExpressionFailure) -> Evaluated { try evaluator.evaluate(arguments[i]) }

    func array(_ i: Int) throws(ExpressionFailure) -> Evaluated {
        let v = try value(i)
        guard case .array = v.value else { throw wrongType(i, v, expected: "an array") }
        return v
    }

    func string(_ i: Int) throws(ExpressionFailure) -> String {
        let v = try value(i)
        guard case .string(let s) = v.value else { throw wrongType(i, v, expected: "a string") }
        return s
    }

    func number(_ i: Int) throws(ExpressionFailure) -> JSONNumber {
        let v = try value(i)
        guard case .number(let n) = v.value else { throw wrongType(i, v, expected: "a number") }
        return n
    }

    /// Runs the lambda at argument `i` on one element.
    func lambda(_ i: Int, _ element: Evaluated) throws(ExpressionFailure) -> Evaluated {
        try evaluator.call(lambda: arguments[i], with: element)
    }

    /// Runs the lambda at `i` as a condition on element `index`; a non-boolean result is a problem.
    func holds(_ i: Int, _ element: Evaluated, index: Int) throws(ExpressionFailure) -> Bool {
        let r: Evaluated
        do { r = try lambda(i, element) } catch {
            throw ExpressionFailure(message: "\(error.message) (in \(name)() at element \(index))", pointer: error.pointer ?? element.pointer,
                                    isMissing: false)
        }
        guard case .bool(let b) = r.value else {
            throw .problem("\(name)() needs a boolean from \(text(i)), got \(r.value.shown) at element \(index)", pointer: element.pointer)
        }
        return b
    }

    func wrongType(_ i: Int, _ v: Evaluated, expected: String) -> ExpressionFailure {
        .problem("\(name)() needs \(expected), but \(text(i)) is \(v.value.shown)", pointer: v.pointer)
    }
}
