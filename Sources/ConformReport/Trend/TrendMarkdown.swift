/// Renders trend series as GitHub-flavoured Markdown for a job summary or a PR comment:
///
/// ```markdown
/// # Conform trend
/// 3 nights, 2026-11-20 04:00:00 → 2026-11-22 04:00:00 · 2 suite × target series. *failed* and *errors* count checks; …
///
/// | Suite | Target | Nights | Last night | Failed | Errors | New | Fixed |
/// …
/// ## Scale GP v5 models · `scale-v5` · 127.0.0.1:8080
/// | Night | Passed | Failed | Errors | Skipped | New | Fixed | Known | Catalog | Catalog changes |
/// | 2026-11-21 04:00:00 | 96 | 3 | 0 | 1 | 3 | 0 | — | — | — |
/// *… 12 earlier nights, from 2026-11-08 04:00:00*
/// ```
/// Always under `characterLimit` characters: each table keeps its last rows, cells are clipped, and series that
/// do not fit are counted in a closing line. Untrusted text (suite titles, ids, dates) goes through `MarkdownText`.
public enum TrendMarkdown {
    /// The most a rendering may hold: under GitHub's 65,536-character comment limit with room to spare.
    public static let characterLimit = 60_000
    /// Rows of the overview table before the rest is counted.
    static let overviewRows = 40

    /// The series as Markdown, ending with a newline; `lastNights` rows per table (older nights are counted).
    /// `runs` is how many results files the series come from (two runs may share a start second); by default
    /// the longest series' length.
    public static func render(_ series: [TrendSeries], runs: Int? = nil, lastNights: Int = 30) -> String {
        let shownNights = max(1, lastNights)
        let dates = series.flatMap { $0.points.map(\.date) }
        let nights = runs ?? series.map(\.points.count).max() ?? 0
        let span = dates.isEmpty ? "" : ", \(MarkdownText.inline(TrendDate.short(dates.min()!))) → \(MarkdownText.inline(TrendDate.short(dates.max()!)))"
        var blocks = [
            "# Conform trend",
            "\(ReportFormat.count(nights, "night"))\(span) · \(ReportFormat.count(series.count, "suite × target series", "suite × target series")). "
                + "*Failed* and *errors* count checks; *new* and *fixed* count distinct failures against the series' previous night; "
                + "*known* (accepted by a baseline) and *catalog* appear when the results record them; — means not recorded.",
        ]
        if series.isEmpty { return blocks.joined(separator: "\n\n") + "\n\nNo results files held any suite.\n" }
        blocks.append(overview(series))
        // Room for the closing line, whatever the counts.
        let budget = characterLimit - 400
        var length = blocks.reduce(0) { $0 + $1.count + 2 }
        var shown = 0
        for s in series {
            let section = self.section(s, lastNights: shownNights)
            guard length + section.count + 2 <= budget else { break }
            blocks.append(section)
            length += section.count + 2
            shown += 1
        }
        if shown < series.count {
            blocks.append("*… \(ReportFormat.count(series.count - shown, "more series", "more series")) not shown to keep this under \(characterLimit) characters; run conform trend on fewer results files or with --last.*")
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One row per series with its last night, so many suites read at a glance.
    static func overview(_ series: [TrendSeries]) -> String {
        var table = MarkdownTable([("Suite", .left), ("Target", .left), ("Nights", .right), ("Last night", .left),
                                   ("Failed", .right), ("Errors", .right), ("New", .right), ("Fixed", .right)])
        for s in series.prefix(overviewRows) {
            guard let last = s.points.last else { continue }
            table.add([MarkdownText.inline(TrendChart.clip(s.title, 60)), MarkdownText.inline(TrendChart.clip(s.key.target, 40)),
                       String(s.points.count), MarkdownText.inline(TrendDate.short(last.date)), String(last.failed),
                       String(last.errors), count(last.new), count(last.fixed)])
        }
        let more = series.count > overviewRows ? "\n\n*… and \(series.count - overviewRows) more series below.*" : ""
        return table.render() + more
    }

    /// A heading and the table of one series' last `lastNights` nights.
    static func section(_ s: TrendSeries, lastNights: Int) -> String {
        let heading = "## " + MarkdownText.lineStart(TrendChart.clip(s.title, 100)) + " · " + MarkdownText.code(TrendChart.clip(s.key.suite, 80))
            + " · " + MarkdownText.inline(TrendChart.clip(s.key.target, 60))
        var table = MarkdownTable([("Night", .left), ("Passed", .right), ("Failed", .right), ("Errors", .right), ("Skipped", .right),
                                   ("New", .right), ("Fixed", .right), ("Known", .right), ("Catalog", .right), ("Catalog changes", .right)])
        for p in s.points.suffix(lastNights) {
            table.add([MarkdownText.inline(TrendDate.short(p.date)), String(p.passed), String(p.failed), String(p.errors), String(p.skipped),
                       count(p.new), count(p.fixed), count(p.known), count(p.catalogSize), count(p.catalogChanges)])
        }
        var text = heading + "\n\n" + table.render()
        let earlier = s.points.count - lastNights
        if earlier > 0 {
            text += "\n\n*… \(ReportFormat.count(earlier, "earlier night")), from \(MarkdownText.inline(TrendDate.short(s.points[0].date)))*"
        }
        return text
    }

    private static func count(_ value: Int?) -> String { value.map(String.init) ?? "—" }
}
