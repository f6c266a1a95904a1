/// One hexadecimal digit's value, for `\uXXXX` escapes (JSON, expressions) and `%XX` percent-decoding.
public enum HexDigit {
    /// `0`–`9`, `A`–`F`, `a`–`f` → 0–15; anything else → nil.
    @inline(__always)
    public static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    /// `0`–`9`, `a`–`f` by value, for writing hex.
    public static let lower: [Character] = Array("0123456789abcdef")
}
