/// Short spellings of a run's `startedAt` for axis ticks and table rows. The text comes from a results file, so
/// anything that is not `YYYY-MM-DDTHH:MM…` is shown as written, trimmed.
enum TrendDate {
    /// `2026-11-22 04:00:07` for `2026-11-22T04:00:07.123Z` (UTC as conform writes it); other text trimmed to 25 characters.
    static func short(_ date: String) -> String {
        guard let (day, time) = parts(date) else { return trimmed(date, 25) }
        return day + " " + time.prefix(8)
    }

    /// The calendar day (`2026-11-22`), or nil when the text is not RFC 3339-shaped.
    static func day(_ date: String) -> String? { parts(date)?.day }

    /// Tick labels for points at `dates`: the day when the points span several days (or are one night), the time
    /// of day (`04:00:07`) when several runs fall on one day, the trimmed text when the dates are not RFC 3339-shaped.
    static func tickLabels(_ dates: [String]) -> [String] {
        let days = Set(dates.compactMap(day))
        let oneDay = days.count == 1 && Set(dates).count > 1 && dates.allSatisfy { day($0) != nil }
        return dates.map { date in
            guard let (day, time) = parts(date) else { return trimmed(date, 16) }
            return oneDay ? String(time.prefix(8)) : day
        }
    }

    private static func parts(_ date: String) -> (day: String, time: Substring)? {
        let scalars = Array(date.unicodeScalars.prefix(19))
        guard scalars.count >= 16, scalars[10] == "T" || scalars[10] == " " || scalars[10] == "t" else { return nil }
        let digitsAt = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]
        guard digitsAt.allSatisfy({ ("0"..."9").contains(scalars[$0]) }), scalars[4] == "-", scalars[7] == "-", scalars[13] == ":" else {
            return nil
        }
        let day = String(date.prefix(10))
        return (day, date.dropFirst(11))
    }

    private static func trimmed(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
