import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct TrendMarkdownTests {
    @Test func tablesEveryNightWithDashesForWhatWasNotRecorded() {
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", failing: ["digest"]),
            TrendNights.run("2026-11-21T04:00:07Z", failing: ["size"], errors: 2),
        ])
        let md = TrendMarkdown.render(series)
        #expect(md.hasPrefix("# Conform trend\n\n2 nights, 2026-11-20 04:00:00 → 2026-11-21 04:00:07 · 1 suite × target series."))
        #expect(md.contains("## Scale GP v5 models · `scale-v5` · 127.0.0.1:8080"))
        #expect(md.contains("| 2026-11-20 04:00:00 | 5 | 1 | 0 | 0 | — | — | — | — | — |"))
        #expect(md.contains("| 2026-11-21 04:00:07 | 5 | 1 | 2 | 0 | 1 | 1 | — | — | — |"))
        #expect(md.contains("| Scale GP v5 models | 127.0.0.1:8080 | 2 | 2026-11-21 04:00:07 | 1 | 2 | 1 | 1 |"))
    }

    @Test func keepsTheLastNightsAndCountsTheEarlierOnes() {
        let md = TrendMarkdown.render([TrendChartTests.series(50)], lastNights: 10)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| 2026-") }
        #expect(rows.count == 10)
        #expect(md.contains("*… 40 earlier nights, from 2026-01-01 04:00:00*"))
    }

    @Test func staysUnderTheLimitWithHostileTitlesAndManySeries() {
        let hostile = SampleRun.hostile + String(repeating: "|x", count: 500)
        let md = TrendMarkdown.render((0..<400).map { TrendChartTests.series(365, title: hostile, suite: "s\($0)\(hostile)", target: hostile) },
                                      lastNights: 1000)
        #expect(md.count < TrendMarkdown.characterLimit, "\(md.count) characters")
        #expect(md.contains("more series not shown to keep this under 60000 characters"))
        // Titles and targets are escaped text; the suite id is a code span, where GFM shows `<script>` as written.
        for heading in md.split(separator: "\n") where heading.hasPrefix("## ") {
            #expect(heading.hasPrefix(#"## \\x1B\[31mred\\x1B\[0m NUL:\\x00 end:\]\]\> \<script\>"#), "\(heading.prefix(80))")
        }
        // Every table row has exactly its columns: no title or target broke a row.
        for row in md.split(separator: "\n") where row.hasPrefix("| 2026-") {
            #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 11, "\(row)")
        }
    }

    @Test func saysSoWhenThereIsNothing() {
        #expect(TrendMarkdown.render([]).contains("No results files held any suite."))
    }
}
