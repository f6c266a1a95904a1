/// Draws trend series as one SVG 1.1 image, one block per suite × target, stacked:
///
/// ```
/// Conform trend                                         ← title; subtitle: nights, first → last, how to read
/// Scale GP — List Models (v5) · scale-gp-v5-list-models · 127.0.0.1:8080
///  4 ┤        ●──●                                      ← failed checks: vermillion, solid, circles
///  2 ┤  ●──●─╯    ╲●  failed 2                          ← each line labelled at its end with its last value
///  0 ┼■ ─ ■ ─ ■ ─ ■  errors 0                           ← checks with errors: blue, dashed, squares
///    11-20  11-21  11-22                                ← ticks: days (or times when all on one day)
/// 60 ┤▲ · ▲ · ▲ · ▲  catalog 57                         ← catalog size (lower panel): green, dash-dot, triangles
/// ```
/// The palette is Okabe–Ito (safe for colour-blind readers) and every line also differs by dash and marker.
/// Output is bounded: at most `maxSeries` blocks and the last `maxPoints` nights of each; markers only up to
/// `markerLimit` nights.
public enum TrendChart {
    /// Blocks drawn; further series are named in a closing line.
    public static let maxSeries = 24
    /// Nights drawn per series (the most recent ones).
    public static let maxPoints = 730
    static let markerLimit = 60

    static let width = 820.0
    static let plotLeft = 64.0
    static let plotRight = 680.0
    static let failuresHeight = 140.0
    static let catalogHeight = 56.0

    /// One line of a panel: its name (used as its end label), values per night (nil: not recorded), and style.
    struct Line {
        let name: String
        let values: [Int?]
        let stroke: String
        let label: String
        let dash: String?
        let marker: SVGCanvas.Marker
    }

    /// The series as an SVG document (UTF-8 text, ending with a newline).
    public static func render(_ series: [TrendSeries], title: String = "Conform trend") -> String {
        var canvas = SVGCanvas()
        let nights = series.map(\.points.count).max() ?? 0
        let dates = series.flatMap { $0.points.map(\.date) }
        let span = dates.isEmpty ? "no nights" : "\(TrendDate.short(dates.min()!)) → \(TrendDate.short(dates.max()!))"
        canvas.text(clip(title, 70), x: 16, y: 30, size: 18, weight: "bold")
        canvas.text("\(nights) night\(nights == 1 ? "" : "s"), \(span)", x: 16, y: 50, size: 12, fill: "#444444")
        canvas.text("Per suite × target: failed checks and checks with errors per night; catalog size below, when recorded.",
                    x: 16, y: 66, size: 12, fill: "#444444")
        var y = 84.0
        for s in series.prefix(maxSeries) { y = block(s, into: &canvas, top: y) }
        if series.count > maxSeries {
            canvas.text("… \(series.count - maxSeries) more suite × target series not drawn; the Markdown table lists every one.",
                        x: 16, y: y + 4, size: 12, fill: "#444444")
            y += 24
        }
        if series.isEmpty {
            canvas.text("No results to draw.", x: 16, y: y + 20, size: 14)
            y += 40
        }
        return canvas.document(width: width, height: y, title: title, description: description(series, span: span))
    }

    /// Draws one suite × target block starting at `top`; returns the y where the next block starts.
    static func block(_ series: TrendSeries, into canvas: inout SVGCanvas, top: Double) -> Double {
        let points = Array(series.points.suffix(maxPoints))
        let hidden = series.points.count - points.count
        let heading = clip(series.title, 70)
        let detail = "suite " + clip(series.key.suite, 48) + " · target " + clip(series.key.target, 40)
            + (hidden > 0 ? " · last \(points.count) of \(series.points.count) nights" : "")
        canvas.text(heading, x: 16, y: top + 18, size: 14, weight: "bold")
        canvas.text(clip(detail, 110), x: 16, y: top + 34, size: 11, fill: "#444444")
        let xs = xPositions(points.count)
        let dates = points.map(\.date)

        let failuresTop = top + 60
        canvas.text("checks", x: plotLeft - 8, y: failuresTop - 10, size: 10, anchor: "end", fill: "#555555")
        panel(into: &canvas, xs: xs, dates: dates, top: failuresTop, height: failuresHeight, lines: [
            Line(name: "failed", values: points.map(\.failed), stroke: "#D55E00", label: "#A94700", dash: nil, marker: .circle),
            Line(name: "errors", values: points.map(\.errors), stroke: "#0072B2", label: "#005A8C", dash: "7 4", marker: .square),
        ])
        var y = failuresTop + failuresHeight
        xAxis(into: &canvas, xs: xs, dates: dates, baseline: y)
        y += 22

        let catalog = points.map(\.catalogSize)
        if catalog.contains(where: { $0 != nil }) {
            canvas.text("catalog size (models listed)", x: plotLeft, y: y + 14, size: 11, fill: "#444444")
            let catalogTop = y + 30
            canvas.text("models", x: plotLeft - 8, y: catalogTop - 10, size: 10, anchor: "end", fill: "#555555")
            panel(into: &canvas, xs: xs, dates: dates, top: catalogTop, height: catalogHeight, maxTicks: 2, lines: [
                Line(name: "catalog", values: catalog, stroke: "#009E73", label: "#00704F", dash: "10 3 2 3", marker: .triangle),
            ])
            y = catalogTop + catalogHeight
            xAxis(into: &canvas, xs: xs, dates: dates, baseline: y)
            y += 22
        } else {
            canvas.text("catalog size: not recorded in these results", x: plotLeft, y: y + 10, size: 10, fill: "#555555")
            y += 16
        }
        return y + 18
    }

    /// x of each of `count` nights, evenly spaced across the plot (a single night sits in the middle).
    static func xPositions(_ count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [(plotLeft + plotRight) / 2] : [] }
        let step = (plotRight - plotLeft) / Double(count - 1)
        return (0..<count).map { plotLeft + Double($0) * step }
    }

    /// Grid, y ticks, the lines (split where a value is missing), point markers and an end label per line.
    static func panel(into canvas: inout SVGCanvas, xs: [Double], dates: [String], top: Double, height: Double,
                      maxTicks: Int = 4, lines: [Line]) {
        let maximum = lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let scale = ChartScale(maximum: maximum, bottomY: top + height, topY: top, maxTicks: maxTicks)
        for tick in scale.ticks {
            let y = scale.y(tick)
            canvas.line(x1: plotLeft, y1: y, x2: plotRight, y2: y, stroke: tick == 0 ? "#666666" : "#dddddd")
            canvas.text(String(tick), x: plotLeft - 8, y: y + 4, size: 11, anchor: "end", fill: "#333333")
        }
        var ends: [(y: Double, text: String, fill: String, x: Double)] = []
        for line in lines {
            var run: [(x: Double, y: Double)] = []
            func flush() {
                if run.count > 1 { canvas.polyline(run, stroke: line.stroke, width: 2.5, dash: line.dash) }
                run = []
            }
            for (i, value) in line.values.enumerated() {
                guard let value else { flush(); continue }
                run.append((xs[i], scale.y(value)))
            }
            flush()
            for (i, value) in line.values.enumerated() {
                guard let value else { continue }
                let isolated = (i == 0 || line.values[i - 1] == nil) && (i + 1 == line.values.count || line.values[i + 1] == nil)
                if xs.count <= markerLimit || isolated {
                    canvas.marker(line.marker, x: xs[i], y: scale.y(value), fill: line.stroke,
                                  tooltip: "\(TrendDate.short(dates[i])): \(line.name) \(value)")
                }
            }
            if let last = line.values.lastIndex(where: { $0 != nil }), let value = line.values[last] {
                ends.append((scale.y(value), "\(line.name) \(value)", line.label, xs[last] + 9))
            }
        }
        for end in separated(ends, minimumGap: 14, within: top...(top + height + 2)) {
            canvas.text(end.text, x: end.x, y: end.y + 4, size: 12, fill: end.fill, weight: "bold")
        }
    }

    /// Tick marks and labels under a panel: every night up to 6, else 6 evenly spread nights including both ends.
    static func xAxis(into canvas: inout SVGCanvas, xs: [Double], dates: [String], baseline: Double) {
        guard !xs.isEmpty else { return }
        let labels = TrendDate.tickLabels(dates)
        let count = xs.count
        let chosen = count <= 6 ? Array(0..<count) : Array(Set((0...5).map { Int((Double($0) * Double(count - 1) / 5).rounded()) })).sorted()
        for i in chosen {
            canvas.line(x1: xs[i], y1: baseline, x2: xs[i], y2: baseline + 4, stroke: "#666666")
            // The last label ends at its tick, clear of the end labels to its right.
            let anchor = count > 1 && i == count - 1 ? "end" : "middle"
            canvas.text(labels[i], x: xs[i] + (anchor == "end" ? 4 : 0), y: baseline + 16, size: 11, anchor: anchor, fill: "#333333")
        }
    }

    /// End labels moved apart vertically so none overlaps another, kept inside `range` where possible.
    static func separated(_ labels: [(y: Double, text: String, fill: String, x: Double)], minimumGap: Double,
                          within range: ClosedRange<Double>) -> [(y: Double, text: String, fill: String, x: Double)] {
        var sorted = labels.sorted { $0.y < $1.y }
        for i in sorted.indices.dropFirst() where sorted[i].y - sorted[i - 1].y < minimumGap {
            sorted[i].y = sorted[i - 1].y + minimumGap
        }
        if let last = sorted.last, last.y > range.upperBound {
            let shift = last.y - range.upperBound
            for i in sorted.indices { sorted[i].y -= shift }
        }
        return sorted
    }

    /// The accessible description: what is drawn and each series' last night, bounded like the drawing.
    static func description(_ series: [TrendSeries], span: String) -> String {
        var parts = ["Failed checks and checks with errors per night, and catalog size where recorded, for \(series.count) suite × target series, \(span)."]
        for s in series.prefix(maxSeries) {
            guard let last = s.points.last else { continue }
            parts.append("\(clip(s.title, 70)) (\(clip(s.key.target, 40))): \(s.points.count) nights; last night failed \(last.failed), errors \(last.errors)"
                         + (last.catalogSize.map { ", catalog \($0)" } ?? "") + ".")
        }
        return parts.joined(separator: " ")
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
