/// A JSON number kept as its exact source text, with exact decimal comparison.
///
/// `text` is what the document said (`1`, `1.0`, `1e3`); comparisons use a normalised decimal
/// (sign, significant digits, power of ten), so integers beyond 64 bits are never silently rounded.
public struct JSONNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    /// `text` must already be a valid JSON number (the parser guarantees it).
    public init(text: String) { self.text = text }
    public init(_ value: Int) { self.text = String(value) }
    public init(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { self.text = String(Int64(value)) }
        else { self.text = "\(value)" }
    }

    public var description: String { text }

    /// The value as `Double` (may round; use only for arithmetic, never for equality).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value as `Int64` when it is an integer that fits exactly.
    public var int64Value: Int64? {
        if let i = Int64(text) { return i }
        let d = decimal
        guard d.exponent >= 0, d.exponent <= 19 - d.digits.count else { return d.digits.isEmpty ? 0 : nil }
        return Int64(String(d.negative ? "-" : "") + String(decoding: d.digits, as: UTF8.self) + String(repeating: "0", count: d.exponent))
    }

    /// True when the value has no fractional part (`1.0` and `1e3` are integers, as JSON Schema says).
    public var isInteger: Bool {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return true
        }
        return decimal.exponent >= 0
    }

    /// True when the text is written as an integer literal (no `.` or exponent): `1` but not `1.0`.
    public var isIntegerLiteral: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// Normalised exact decimal: value = (negative ? -1 : 1) × digits × 10^exponent, digits without leading
    /// or trailing zeros (empty for zero).
    public struct Decimal: Sendable, Hashable {
        public var negative: Bool
        public var digits: [UInt8]
        public var exponent: Int
    }

    /// Exponents are held within ± this bound, saturating: far beyond any digit count a body can hold, so sums
    /// of an exponent and a digit count never overflow (`2e9223372036854775807 + 1` once trapped). Numbers
    /// past the bound compare as if at it.
    static let exponentBound = Int.max / 4

    public var decimal: Decimal {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var fraction = 0
        var inFraction = false
        var written = 0, negativeExponent = false
        var inExp = false
        for c in text.utf8 {
            if inExp {
                switch c {
                case UInt8(ascii: "-"): negativeExponent = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let digit = Int(c - UInt8(ascii: "0"))
                    written = written > (Self.exponentBound - digit) / 10 ? Self.exponentBound : written * 10 + digit
                default: break
                }
                continue
            }
            switch c {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExp = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits.isEmpty && c == UInt8(ascii: "0") { if inFraction { fraction += 1 }; continue }
                digits.append(c)
                if inFraction { fraction += 1 }
            default: break
            }
        }
        exponent = (negativeExponent ? -written : written) - fraction
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast(); exponent += 1 }
        if digits.isEmpty { return Decimal(negative: false, digits: [], exponent: 0) }
        return Decimal(negative: negative, digits: digits, exponent: exponent)
    }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        if a.text == b.text { return true }
        return a.decimal == b.decimal
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(decimal) }

    public static func < (a: JSONNumber, b: JSONNumber) -> Bool {
        if let x = Int64(a.text), let y = Int64(b.text) { return x < y }
        let x = a.decimal, y = b.decimal
        if x.digits.isEmpty && y.digits.isEmpty { return false }
        if x.digits.isEmpty { return !y.negative }
        if y.digits.isEmpty { return x.negative }
        if x.negative != y.negative { return x.negative }
        let magnitudeLess = Self.magnitudeLess(x, y)
        let magnitudeEqual = x.digits == y.digits && x.exponent == y.exponent
        if magnitudeEqual { return false }
        return x.negative ? !magnitudeLess : magnitudeLess
    }

    private static func magnitudeLess(_ x: Decimal, _ y: Decimal) -> Bool {
        // Compare order of magnitude first: position of the most significant digit.
        let mx = x.digits.count + x.exponent, my = y.digits.count + y.exponent
        if mx != my { return mx < my }
        let n = max(x.digits.count, y.digits.count)
        for i in 0..<n {
            let a = i < x.digits.count ? x.digits[i] : UInt8(ascii: "0")
            let b = i < y.digits.count ? y.digits[i] : UInt8(ascii: "0")
            if a != b { return a < b }
        }
        return false
    }
}
