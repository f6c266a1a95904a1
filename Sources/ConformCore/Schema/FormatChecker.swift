/// The `format`s Conform asserts, checked by grammar (Foundation's ISO 8601 parsers accept `2023-02-30`
/// and trailing junk): `date-time`, `date`, `time` (RFC 3339), `uuid`, `uri` (RFC 3986), `email`, `ipv4`, `ipv6`.
public enum FormatChecker {
    /// The formats `check` knows; any other format is an annotation only.
    public static let known: [String] = ["date-time", "date", "time", "uuid", "uri", "email", "ipv4", "ipv6"]

    public static func isKnown(_ format: String) -> Bool { known.contains(format) }

    /// Whether `value` is a valid `format`; nil when the format is not one Conform checks.
    public static func check(format: String, value: String) -> Bool? {
        switch format {
        case "date-time", "date", "time", "uuid":
            // The formats API data is full of: checked in place, without copying the bytes.
            var text = value
            return text.withUTF8 { buffer -> Bool in
                let b = buffer[...]
                switch format {
                case "date-time": return isDateTime(b)
                case "date": return b.count == 10 && isDate(b)
                case "time": return isTime(b)
                default: return isUUID(b)
                }
            }
        default: break
        }
        let b = Array(value.utf8)
        switch format {
        case "uri": return isURI(b)
        case "email": return isEmail(b)
        case "ipv4": return isIPv4(b[...])
        case "ipv6": return isIPv6(b[...])
        default: return nil
        }
    }

    /// What a format means, for messages: `a date-time (RFC 3339)`.
    public static func describe(_ format: String) -> String {
        switch format {
        case "date-time": return "a date-time (RFC 3339, e.g. 2024-01-31T12:00:00Z)"
        case "date": return "a date (RFC 3339 full-date, e.g. 2024-01-31)"
        case "time": return "a time (RFC 3339 full-time, e.g. 12:00:00Z)"
        case "uuid": return "a UUID (8-4-4-4-12 hex digits)"
        case "uri": return "an absolute URI (RFC 3986)"
        case "email": return "an e-mail address"
        case "ipv4": return "an IPv4 address"
        case "ipv6": return "an IPv6 address"
        default: return "format \(format)"
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) }
    static func isAlpha(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

    static func isUUID<B: Collection>(_ b: B) -> Bool where B.Element == UInt8 {
        guard b.count == 36 else { return false }
        for (i, c) in b.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 { guard c == UInt8(ascii: "-") else { return false } }
            else { guard isHex(c) else { return false } }
        }
        return true
    }

    /// Dotted quad of decimal octets 0–255 without leading zeros.
    static func isIPv4(_ b: ArraySlice<UInt8>) -> Bool {
        let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy(isDigit) else { return false }
            if p.count > 1 && p.first == UInt8(ascii: "0") { return false }
            guard p.reduce(0, { $0 * 10 + Int($1 - 48) }) <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 text form: up to 8 groups of 1–4 hex digits, one `::`, an optional trailing IPv4 part.
    static func isIPv6(_ b: ArraySlice<UInt8>) -> Bool {
        var s = Array(b)
        let colon = UInt8(ascii: ":")
        // A trailing dotted quad stands for two groups: check it, then treat it as `0:0`.
        if let last = s.lastIndex(of: colon), s[(last + 1)...].contains(UInt8(ascii: ".")) {
            guard isIPv4(s[(last + 1)...]) else { return false }
            s = Array(s[...last]) + Array("0:0".utf8)
        }
        guard s.count >= 2, !zip(zip(s, s.dropFirst()), s.dropFirst(2)).contains(where: { $0.0 == colon && $0.1 == colon && $1 == colon })
        else { return false }
        func groups(_ part: ArraySlice<UInt8>) -> Int? {
            if part.isEmpty { return 0 }
            let g = part.split(separator: colon, omittingEmptySubsequences: false)
            guard g.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(isHex) }) else { return nil }
            return g.count
        }
        var doubleAt: [Int] = []
        for i in 0..<(s.count - 1) where s[i] == colon && s[i + 1] == colon { doubleAt.append(i) }
        switch doubleAt.count {
        case 0: return groups(s[...]) == 8
        case 1:
            guard let left = groups(s[..<doubleAt[0]]), let right = groups(s[(doubleAt[0] + 2)...]) else { return false }
            return left + right <= 7
        default: return false
        }
    }
}
