/// A number in an HTTP head — status code, Content-Length, chunk size — read as the RFCs spell it: digits only
/// (`1*DIGIT`, `1*HEXDIG`), so `+20`, `-0` and ` 5` are not numbers (Swift's `Int("+20")` is 20). One rule for
/// Conform's client and the mock's server.
public enum HTTPDigits {
    /// The value, or nil when `text` is empty, holds anything but digits of `radix` (10 or 16), or has more
    /// than `maxDigits` of them (anything longer is refused, never overflowed).
    public static func value<S: StringProtocol>(_ text: S, radix: Int, maxDigits: Int = 15) -> Int? {
        guard !text.isEmpty, text.utf8.count <= maxDigits else { return nil }
        var value = 0
        for c in text.utf8 {
            let digit: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * radix + digit
        }
        return value
    }
}
