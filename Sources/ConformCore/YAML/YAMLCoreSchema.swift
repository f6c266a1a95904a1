/// The YAML 1.2 core schema: which plain scalars are null, booleans, integers and floats, as JSON values.
///
/// Only these spellings are special (YAML 1.1's `yes`/`no`/`on`/`off` are strings, as schemathesis and
/// every 1.2 reader have them). Numbers become `JSONNumber`s with JSON text: `+12` → `12`, `0x1F` → `31`,
/// `0o17` → `15`, `1.` → `1.0`, `.5` → `0.5`. `.inf`, `-.inf` and `.nan` have no JSON number form and stay
/// the strings `.inf`, `-.inf`, `.nan` (documented in docs/yaml.md).
enum YAMLCoreSchema {
    /// The JSON value of a plain (unquoted, untagged) scalar.
    static func resolvePlain(_ s: String) -> JSONValue {
        let u = s.utf8
        guard let first = u.first else { return .null }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if s == "null" || s == "Null" || s == "NULL" || s == "~" { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if s == "true" || s == "True" || s == "TRUE" { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if s == "false" || s == "False" || s == "FALSE" { return .bool(false) }
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if let n = number(s) { return .number(n) }
        default:
            break
        }
        return .string(s)
    }

    static func isNull(_ s: String) -> Bool { s.isEmpty || s == "null" || s == "Null" || s == "NULL" || s == "~" }

    static func bool(_ s: String) -> Bool? {
        switch s {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// `.inf`, `-.inf`, `+.inf`, `.nan` in the core schema's spellings.
    static func isSpecialFloat(_ s: String) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("-") || t.hasPrefix("+") { t = t.dropFirst() }
        if t == ".inf" || t == ".Inf" || t == ".INF" { return true }
        return s == ".nan" || s == ".NaN" || s == ".NAN"
    }

    /// An integer or float of the core schema, as a JSON number; nil for anything else.
    static func number(_ s: String) -> JSONNumber? {
        integer(s) ?? float(s)
    }

    static func integer(_ s: String) -> JSONNumber? {
        let u = Array(s.utf8)
        guard !u.isEmpty else { return nil }
        if u.count > 2 && u[0] == UInt8(ascii: "0") && (u[1] == UInt8(ascii: "o") || u[1] == UInt8(ascii: "x")) {
            let radix = u[1] == UInt8(ascii: "o") ? 8 : 16
            var digits: [UInt8] = [0]  // little-endian base-10 digits
            for c in u[2...] {
                guard let v = digitValue(c), v < radix else { return nil }
                var carry = v
                for k in digits.indices {
                    let x = Int(digits[k]) * radix + carry
                    digits[k] = UInt8(x % 10); carry = x / 10
                }
                while carry > 0 { digits.append(UInt8(carry % 10)); carry /= 10 }
            }
            while digits.count > 1 && digits.last == 0 { digits.removeLast() }
            return JSONNumber(text: String(decoding: digits.reversed().map { $0 + UInt8(ascii: "0") }, as: UTF8.self))
        }
        var k = 0
        var negative = false
        if u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+") { negative = u[0] == UInt8(ascii: "-"); k = 1 }
        guard k < u.count, u[k...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        while k < u.count - 1 && u[k] == UInt8(ascii: "0") { k += 1 }
        return JSONNumber(text: (negative ? "-" : "") + String(decoding: u[k...], as: UTF8.self))
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, rewritten as JSON number text.
    static func float(_ s: String) -> JSONNumber? {
        let u = Array(s.utf8)
        var k = 0
        var out = ""
        if k < u.count && (u[k] == UInt8(ascii: "-") || u[k] == UInt8(ascii: "+")) { if u[k] == UInt8(ascii: "-") { out = "-" }; k += 1 }
        let intStart = k
        while k < u.count && isDigit(u[k]) { k += 1 }
        var intPart = Array(u[intStart..<k])
        var fracPart: [UInt8] = []
        var hasDot = false
        if k < u.count && u[k] == UInt8(ascii: ".") {
            hasDot = true
            k += 1
            let fs = k
            while k < u.count && isDigit(u[k]) { k += 1 }
            fracPart = Array(u[fs..<k])
        }
        if intPart.isEmpty && fracPart.isEmpty { return nil }
        var exp = ""
        if k < u.count && (u[k] == UInt8(ascii: "e") || u[k] == UInt8(ascii: "E")) {
            let letter = String(Character(Unicode.Scalar(u[k])))
            k += 1
            var sign = ""
            if k < u.count && (u[k] == UInt8(ascii: "-") || u[k] == UInt8(ascii: "+")) { sign = String(Character(Unicode.Scalar(u[k]))); k += 1 }
            let es = k
            while k < u.count && isDigit(u[k]) { k += 1 }
            if k == es { return nil }
            exp = letter + sign + String(decoding: u[es..<k], as: UTF8.self)
        }
        guard k == u.count else { return nil }
        while intPart.count > 1 && intPart[0] == UInt8(ascii: "0") { intPart.removeFirst() }
        if intPart.isEmpty { intPart = [UInt8(ascii: "0")] }
        out += String(decoding: intPart, as: UTF8.self)
        if hasDot { out += "." + (fracPart.isEmpty ? "0" : String(decoding: fracPart, as: UTF8.self)) }
        return JSONNumber(text: out + exp)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
