import ConformCore

/// A calendar date `YYYY-MM-DD` (RFC 3339 `full-date`, checked by `FormatChecker`'s grammar), for baseline
/// expiry and first/last-seen dates. Days are counted in the proleptic Gregorian calendar, so the arithmetic
/// needs no clock, time zone or Foundation calendar.
public struct BaselineDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// The date `text` names, or nil unless it is exactly a valid `YYYY-MM-DD` (`2026-02-30` is not).
    public init?(_ text: String) {
        guard FormatChecker.check(format: "date", value: text) == true else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        year = parts[0]; month = parts[1]; day = parts[2]
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: BaselineDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// `2026-11-30`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    public static func < (a: BaselineDate, b: BaselineDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}
