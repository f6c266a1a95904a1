/// Number arithmetic for expressions: exact `Int64` when both sides are integers and the result fits,
/// otherwise `Double`. Integer results stay integers (`6 / 2` is `3`), `7 / 2` is `3.5`.
enum ExpressionArithmetic {
    static func apply(_ op: BinaryOperator, _ x: JSONNumber, _ y: JSONNumber) -> Result<JSONNumber, ExpressionFailure> {
        if let a = exactInteger(x), let b = exactInteger(y), let r = integer(op, a, b) { return r }
        if op == .remainder {
            return .failure(.problem("% needs integers, got \(JSONValue.number(x).shown) and \(JSONValue.number(y).shown)"))
        }
        let a = x.doubleValue, b = y.doubleValue
        let r: Double
        switch op {
        case .add: r = a + b
        case .subtract: r = a - b
        case .multiply: r = a * b
        case .divide:
            if b == 0 { return .failure(.problem("division by zero (\(x.text) / \(y.text))")) }
            r = a / b
        default: return .failure(.problem("\(op.rawValue) is not an arithmetic operator"))
        }
        guard r.isFinite else { return .failure(.problem("\(x.text) \(op.rawValue) \(y.text) is out of range")) }
        return .success(JSONNumber(r))
    }

    static func exactInteger(_ n: JSONNumber) -> Int64? { n.isInteger ? n.int64Value : nil }

    /// Exact integer result, or nil to fall back to `Double` (overflow, a division with a remainder).
    static func integer(_ op: BinaryOperator, _ a: Int64, _ b: Int64) -> Result<JSONNumber, ExpressionFailure>? {
        let r: (partialValue: Int64, overflow: Bool)
        switch op {
        case .add: r = a.addingReportingOverflow(b)
        case .subtract: r = a.subtractingReportingOverflow(b)
        case .multiply: r = a.multipliedReportingOverflow(by: b)
        case .divide:
            if b == 0 { return .failure(.problem("division by zero (\(a) / \(b))")) }
            let q = a.dividedReportingOverflow(by: b)
            guard !q.overflow, q.partialValue.multipliedReportingOverflow(by: b) == (a, false) else { return nil }
            r = q
        case .remainder:
            if b == 0 { return .failure(.problem("division by zero (\(a) % \(b))")) }
            r = a.remainderReportingOverflow(dividingBy: b)
        default: return nil
        }
        return r.overflow ? nil : .success(JSONNumber(text: String(r.partialValue)))
    }

    /// Integer-valued `Double` to a `JSONNumber` with integer text when it fits `Int64`.
    static func integral(_ d: Double) -> JSONNumber {
        if d.isFinite, abs(d) < 9.2e18 { return JSONNumber(text: String(Int64(d))) }
        return JSONNumber(d)
    }
}

/// Ordering for `< <= > >=`, `min`, `max`, `sorted`: numbers by value, strings by Unicode code points.
public enum ExpressionOrdering {
    /// Negative, zero or positive; nil when the two values cannot be ordered against each other.
    public static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if let i = Int64(x.text), let j = Int64(y.text) { return i < j ? -1 : (i == j ? 0 : 1) }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars, by: { $0.value < $1.value }) ? -1 : 1
        default: return nil
        }
    }

    /// `cannot compare string "3" with integer 5`.
    static func mismatch(_ a: JSONValue, _ b: JSONValue) -> String { "cannot compare \(a.shown) with \(b.shown)" }
}
