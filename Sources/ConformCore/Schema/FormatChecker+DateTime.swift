/// RFC 3339 `date-time`, `full-date` and `full-time`, leap seconds included (only at 23:59:60 UTC).
extension FormatChecker {
    static func isDateTime<B: RandomAccessCollection>(_ b: B) -> Bool where B.Element == UInt8, B.Index == Int, B.SubSequence == B {
        guard b.count > 11, b[b.startIndex + 10] == UInt8(ascii: "T") || b[b.startIndex + 10] == UInt8(ascii: "t") else { return false }
        return isDate(b[..<(b.startIndex + 10)]) && isTime(b[(b.startIndex + 11)...])
    }

    private static func number<B: RandomAccessCollection>(_ b: B, _ from: Int, _ count: Int) -> Int? where B.Element == UInt8, B.Index == Int, B.SubSequence == B {
        let start = b.startIndex + from
        guard start + count <= b.endIndex else { return nil }
        var n = 0
        for c in b[start..<(start + count)] { guard isDigit(c) else { return nil }; n = n * 10 + Int(c - 48) }
        return n
    }

    /// `YYYY-MM-DD` with a real day of a real month (leap years by the Gregorian rule).
    static func isDate<B: RandomAccessCollection>(_ b: B) -> Bool where B.Element == UInt8, B.Index == Int, B.SubSequence == B {
        guard b.count == 10, b[b.startIndex + 4] == UInt8(ascii: "-"), b[b.startIndex + 7] == UInt8(ascii: "-"),
              let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        return day <= days
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; second 60 only when the time is 23:59 in UTC.
    static func isTime<B: RandomAccessCollection>(_ b: B) -> Bool where B.Element == UInt8, B.Index == Int, B.SubSequence == B {
        guard b.count >= 9, b[b.startIndex + 2] == UInt8(ascii: ":"), b[b.startIndex + 5] == UInt8(ascii: ":"),
              let hour = number(b, 0, 2), let minute = number(b, 3, 2), let second = number(b, 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var i = b.startIndex + 8
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let digitsStart = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            guard i > digitsStart else { return false }
        }
        guard i < b.endIndex else { return false }
        var offsetMinutes = 0
        switch b[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == b.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let rest = b[(i + 1)...]
            guard rest.count == 5, rest[rest.startIndex + 2] == UInt8(ascii: ":"),
                  let oh = number(rest, 0, 2), let om = number(rest, 3, 2), oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        default: return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }
}
