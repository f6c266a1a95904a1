import ConformCore
import ConformReport
import Foundation

/// `conform trend RESULTS.json...|FOLDER [--markdown FILE] [--svg FILE] [--last N]`: tabulates and charts many
/// nights of results, per suite × target.
///
/// ```
/// $ conform trend nightly/ --markdown trend.md --svg trend.svg
/// conform trend: 14 nights (2026-11-09T04:00:00Z → 2026-11-22T04:00:00Z), 6 suite × target series → trend.md, trend.svg
/// ```
/// Without --markdown or --svg the Markdown goes to stdout. Exit 0 when written; 2 on a usage error or a results
/// file that cannot be used (named with the JSON Pointer of what is wrong in it).
enum TrendCommand {
    static let spec = CommandSpec(
        name: "trend",
        summary: "Tabulate and chart many nights of results per suite and target (Markdown, SVG).",
        usage: "conform trend RESULTS.json...|FOLDER [--markdown FILE] [--svg FILE] [--last N]",
        options: [
            OptionSpec("markdown", value: "FILE", help: "Write the tables as Markdown (under 60,000 characters, for a job summary or PR comment)."),
            OptionSpec("svg", value: "FILE", help: "Write the chart as SVG: failed checks and errors per night, catalog size below."),
            OptionSpec("last", value: "N", help: "Nights shown per Markdown table (default 30); older nights are counted, not listed."),
        ],
        discussion: """
            Give the results files (conform run --json FILE) oldest first, or a folder: its *.json files in name order
            (name them so that name order is time order, e.g. results-2026-11-22.json). One file is a valid trend of
            one night. Each suite is a series per target (the label of conform run --target-name, default host:port).
            Per night: passed, failed, errors and skipped checks; new and fixed distinct failures (by finding id)
            against the series' previous night; known failures and catalog size and changes when the results record
            them (— otherwise). Without --markdown or --svg the Markdown is printed.

            EXIT CODES:
              0  the trend was written
              2  usage error, or a results file cannot be used (its path and the JSON Pointer of the problem)

            EXAMPLE:
              conform trend nightly/ --markdown trend.md --svg trend.svg
            """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        let lastNights: Int
        do {
            parsed = try ParsedArguments(args, spec: spec)
            lastNights = try parsed.integer("last", default: 30, range: 1...1000)
        } catch {
            Console.err("error: \(error.message)\nUSAGE: \(spec.usage)")
            return 2
        }
        if parsed.helpRequested { Console.out(spec.helpText); return 0 }
        guard !parsed.positional.isEmpty else {
            Console.err("error: name at least one results file or folder (written by conform run --json FILE)\nUSAGE: \(spec.usage)")
            return 2
        }
        let runs: [(file: String, run: RunResult)]
        do { runs = try ResultsFiles.load(parsed.positional) } catch {
            Console.err("error: \(error.description)")
            return 2
        }
        for warning in ResultsFiles.orderWarnings(runs) { Console.err("warning: " + warning) }
        let series = TrendSeries.build(runs.map(\.run), extras: { run, suite in
            // Known failures come from the baseline classes the run recorded; nil when it ran without one.
            guard run.baseline != nil else { return TrendExtras() }
            let known = suite.cases.reduce(0) { $0 + $1.checks.filter(\.isAcceptedFailure).count }
            return TrendExtras(known: known)
        })
        let markdown = TrendMarkdown.render(series, runs: runs.count, lastNights: lastNights)
        var written: [String] = []
        do {
            if let path = parsed.value("markdown") { try ReportFile.write(markdown, to: path); written.append(path) }
            if let path = parsed.value("svg") { try ReportFile.write(TrendChart.render(series), to: path); written.append(path) }
        } catch {
            Console.err("error: \(error)")
            return 2
        }
        guard !written.isEmpty else { Console.out(String(markdown.dropLast())); return 0 }
        let dates = runs.map(\.run.startedAt)
        let span = dates.count == 1 ? dates[0] : "\(dates.first!) → \(dates.last!)"
        Console.out("conform trend: \(runs.count) night\(runs.count == 1 ? "" : "s") (\(span)), \(series.count) suite × target series → "
                    + written.joined(separator: ", "))
        return 0
    }
}
