/// `enum`, `const`, and the number and string keywords.
extension SchemaWalk {
    func checkValue(_ node: SchemaNode, _ value: JSONValue) -> Bool {
        var ok = true
        if let values = node.enumValues {
            let member: Bool
            if let strings = node.enumStrings {
                // The set finds the candidate; Swift's `==` is canonical equivalence, JSON's is code points.
                if case .string(let s) = value, let i = strings.firstIndex(of: s) { member = strings[i].utf8.elementsEqual(s.utf8) }
                else { member = false }
            } else {
                member = values.contains { Self.equal($0, value) }
            }
            if !member {
                ok = false
                let expected = "one of " + Self.list(values)
                guard emit(error(node, "enum", "enum membership", "actual \(value.typedDescription()); expected \(expected)",
                                 expected: expected, actual: value.typedDescription())) else { return false }
            }
        }
        if let constant = node.constValue, !Self.equal(constant, value) {
            ok = false
            let expected = constant.typedDescription()
            guard emit(error(node, "const", "const", "expected \(expected), got \(value.typedDescription())",
                             expected: expected, actual: value.typedDescription())) else { return false }
        }
        return ok
    }

    /// JSON equality: numbers by exact value, objects regardless of member order, strings by code points
    /// (Swift's `String ==` would call `"é"` and `"e\u{301}"` equal).
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let i = y.keys.firstIndex(where: { $0.utf8.elementsEqual(k.utf8) }), equal(v, y.values[i]) else { return false }
            }
            return true
        default: return a == b
        }
    }

    func checkNumber(_ node: SchemaNode, _ n: JSONNumber) -> Bool {
        var ok = true
        func bound(_ keyword: String, _ holds: Bool, _ relation: String, _ limit: JSONNumber) -> Bool {
            if holds { return true }
            ok = false
            let actual = JSONValue.number(n).typedDescription()
            return emit(error(node, keyword, keyword, "expected a number \(relation) \(limit.text), got \(actual)",
                              expected: "\(relation) \(limit.text)", actual: actual))
        }
        if let m = node.minimum {
            guard node.minimumIsExclusive ? bound("minimum", m < n, ">", m) : bound("minimum", !(n < m), ">=", m) else { return false }
        }
        if let m = node.maximum {
            guard node.maximumIsExclusive ? bound("maximum", n < m, "<", m) : bound("maximum", !(m < n), "<=", m) else { return false }
        }
        if let m = node.exclusiveMinimum, !bound("exclusiveMinimum", m < n, ">", m) { return false }
        if let m = node.exclusiveMaximum, !bound("exclusiveMaximum", n < m, "<", m) { return false }
        if let d = node.multipleOf, !Self.isMultiple(n, of: d) {
            ok = false
            let actual = JSONValue.number(n).typedDescription()
            guard emit(error(node, "multipleOf", "multipleOf", "expected a multiple of \(d.text), got \(actual)",
                             expected: "a multiple of \(d.text)", actual: actual)) else { return false }
        }
        return ok
    }

    /// Exact for decimals that fit 64-bit integers once scaled to a common exponent; `Double` beyond.
    static func isMultiple(_ n: JSONNumber, of d: JSONNumber) -> Bool {
        if let a = Int64(n.text), let b = Int64(d.text), b != 0 { return a % b == 0 }
        let x = n.decimal, y = d.decimal
        if x.digits.isEmpty { return true }
        if x.digits.count <= 18, y.digits.count <= 18,
           let a = Int64(String(decoding: x.digits, as: UTF8.self)), let b = Int64(String(decoding: y.digits, as: UTF8.self)) {
            let e = min(x.exponent, y.exponent)
            if let sa = scale(a, x.exponent - e), let sb = scale(b, y.exponent - e), sb != 0 { return sa % sb == 0 }
        }
        let q = n.doubleValue / d.doubleValue
        return q.isFinite && q == q.rounded()
    }

    private static func scale(_ v: Int64, _ power: Int) -> Int64? {
        var v = v
        for _ in 0..<power {
            let (r, overflow) = v.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            v = r
        }
        return v
    }

    func checkString(_ node: SchemaNode, _ s: String) -> Bool {
        var ok = true
        if node.minLength != nil || node.maxLength != nil {
            let length = s.unicodeScalars.count
            if let m = node.minLength, length < m {
                ok = false
                guard emit(error(node, "minLength", "minLength", "expected at least \(Self.plural(m, "character")), got \(JSONValue.string(s).typedDescription()) (\(length))",
                                 expected: "at least \(Self.plural(m, "character"))", actual: JSONValue.string(s).typedDescription())) else { return false }
            }
            if let m = node.maxLength, length > m {
                ok = false
                guard emit(error(node, "maxLength", "maxLength", "expected at most \(Self.plural(m, "character")), got \(JSONValue.string(s).typedDescription()) (\(length))",
                                 expected: "at most \(Self.plural(m, "character"))", actual: JSONValue.string(s).typedDescription())) else { return false }
            }
        }
        if let p = node.pattern, !p.matches(s) {
            ok = false
            guard emit(error(node, "pattern", "pattern", "expected a string matching /\(p.source)/, got \(JSONValue.string(s).typedDescription())",
                             expected: "matches /\(p.source)/", actual: JSONValue.string(s).typedDescription())) else { return false }
        }
        if let f = node.format, FormatChecker.check(format: f, value: s) == false {
            ok = false
            let expected = FormatChecker.describe(f)
            guard emit(error(node, "format", "format", "expected \(expected), got \(JSONValue.string(s).typedDescription())",
                             expected: expected, actual: JSONValue.string(s).typedDescription())) else { return false }
        }
        return ok
    }
}
