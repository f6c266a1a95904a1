extension BuiltinFunctions {
    /// `ceil floor abs`: integers pass through exactly; other numbers go through `Double`.
    static let numbers: [BuiltinFunction] = [
        BuiltinFunction("ceil", arity: 1...1, signature: "ceil(number)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try rounding(c) { $0.rounded(.up) } },
        BuiltinFunction("floor", arity: 1...1, signature: "floor(number)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in try rounding(c) { $0.rounded(.down) } },
        BuiltinFunction("abs", arity: 1...1, signature: "abs(number)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            let n = try c.number(0)
            guard n.text.hasPrefix("-") else { return Evaluated(.number(n)) }
            return Evaluated(.number(JSONNumber(text: String(n.text.dropFirst()))))
        },
    ]

    static func rounding(_ c: FunctionCall, _ round: (Double) -> Double) throws(ExpressionFailure) -> Evaluated {
        let n = try c.number(0)
        if n.isInteger { return Evaluated(.number(n)) }
        let r = round(n.doubleValue)
        guard r.isFinite else { throw .problem("\(c.name)(\(n.text)) is out of range") }
        return Evaluated(.number(ExpressionArithmetic.integral(r)))
    }
}
