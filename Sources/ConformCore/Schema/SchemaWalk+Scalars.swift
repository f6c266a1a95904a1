import Foundation

/// `enum`, `const`, and the number and string keywords.
extension SchemaWalk {
    mutating func checkValue(_ node: SchemaNode, _ value: JSONValue) -> Bool {
        var ok = true
        if let values = node.enumValues {
            let member: Bool
            if let strings = node.enumStrings {
                // Swift's `==` is canonical equivalence; JSON's is code points, hence the UTF-8 comparison.
                if case .string(let s) = value {
                    if values.count <= 16, let texts = node.enumTexts {
                        member = texts.contains { Self.sameText($0, s) }
                    } else if let i = strings.firstIndex(of: s) {
                        member = Self.sameText(strings[i], s)
                    } else { member = false }
                } else { member = false }
            } else {
                member = values.contains { Self.equal($0, value) }
            }
            if !member {
                ok = false
                let expected = "one of " + Self.list(values)
                guard fail(node, "enum", "enum membership", "actual \(value.typedDescription()); expected \(expected)",
                           expected: expected, actual: value.typedDescription()) else { return false }
            }
        }
        if let constant = node.constValue, !Self.equal(constant, value) {
            ok = false
            let expected = constant.typedDescription()
            guard fail(node, "const", "const", "expected \(expected), got \(value.typedDescription())",
                       expected: expected, actual: value.typedDescription()) else { return false }
        }
        return ok
    }

    /// JSON equality: numbers by exact value, objects regardless of member order, strings by code points
    /// (Swift's `String ==` would call `"é"` and `"e\u{301}"` equal).
    static func sameText(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count, a == b else { return false }
        // Canonically equal with the same length: confirm byte for byte (memcmp on contiguous storage).
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
        if let same, let same { return same }
        return a.utf8.elementsEqual(b.utf8)
    }

    /// `a == b` for names known to differ mostly in length: the O(1) UTF-8 length test rejects most pairs
    /// before Unicode-aware comparison. True only when `==` is (a false may still be canonically equal).
    @inline(__always)
    static func sameLengthEqual(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return sameText(x, y)
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

    mutating func checkNumber(_ node: SchemaNode, _ n: JSONNumber) -> Bool {
        var ok = true
        func bound(_ keyword: String, _ holds: Bool, _ relation: String, _ limit: JSONNumber) -> Bool {
            if holds { return true }
            ok = false
            let actual = JSONValue.number(n).typedDescription()
            return fail(node, keyword, keyword, "expected a number \(relation) \(limit.text), got \(actual)",
                        expected: "\(relation) \(limit.text)", actual: actual)
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
            guard fail(node, "multipleOf", "multipleOf", "expected a multiple of \(d.text), got \(actual)",
                       expected: "a multiple of \(d.text)", actual: actual) else { return false }
        }
        return ok
    }

    /// Exact: with value = digits × 10^exponent, `n / d` is an integer when `a × 10^(ea−eb)` is divisible
    /// by `b` (modular arithmetic keeps `1e308` and 30-digit integers exact); `Double` only for divisors
    /// beyond 18 significant digits.
    static func isMultiple(_ n: JSONNumber, of d: JSONNumber) -> Bool {
        if let a = Int64(n.text), let b = Int64(d.text), b != 0 { return a % b == 0 }
        let x = n.decimal, y = d.decimal
        if x.digits.isEmpty { return true }
        guard y.digits.count <= 18, let b = UInt64(String(decoding: y.digits, as: UTF8.self)), b != 0 else {
            let q = n.doubleValue / d.doubleValue
            return q.isFinite && q == q.rounded()
        }
        // Normalised digits never end in 0, so they cannot be divisible by b × 10^k for k ≥ 1.
        if x.exponent < y.exponent { return false }
        var remainder: UInt64 = 0
        for c in x.digits { remainder = (mulMod(remainder, 10, b) + UInt64(c - 48)) % b }
        return mulMod(remainder, powMod(10, x.exponent - y.exponent, b), b) == 0
    }

    private static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((high % m, low)).remainder
    }

    private static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m, b = base % m, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = mulMod(result, b, m) }
            b = mulMod(b, b, m)
            e >>= 1
        }
        return result
    }

    mutating func checkString(_ node: SchemaNode, _ s: String) -> Bool {
        var ok = true
        if node.minLength != nil || node.maxLength != nil {
            let length = s.unicodeScalars.count
            if let m = node.minLength, length < m {
                ok = false
                guard fail(node, "minLength", "minLength", "expected at least \(Self.plural(m, "character")), got \(JSONValue.string(s).typedDescription()) (\(length))",
                           expected: "at least \(Self.plural(m, "character"))", actual: JSONValue.string(s).typedDescription()) else { return false }
            }
            if let m = node.maxLength, length > m {
                ok = false
                guard fail(node, "maxLength", "maxLength", "expected at most \(Self.plural(m, "character")), got \(JSONValue.string(s).typedDescription()) (\(length))",
                           expected: "at most \(Self.plural(m, "character"))", actual: JSONValue.string(s).typedDescription()) else { return false }
            }
        }
        if let p = node.pattern, !p.matches(s) {
            ok = false
            guard fail(node, "pattern", "pattern", "expected a string matching /\(p.source)/, got \(JSONValue.string(s).typedDescription())",
                       expected: "matches /\(p.source)/", actual: JSONValue.string(s).typedDescription()) else { return false }
        }
        if let f = node.format, FormatChecker.check(format: f, value: s) == false {
            ok = false
            let expected = FormatChecker.describe(f)
            guard fail(node, "format", "format", "expected \(expected), got \(JSONValue.string(s).typedDescription())",
                       expected: expected, actual: JSONValue.string(s).typedDescription()) else { return false }
        }
        return ok
    }
}
