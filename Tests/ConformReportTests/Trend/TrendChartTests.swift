import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct TrendChartTests {
    /// `count` nights of one series, a day apart, failures and catalog varying.
    static func series(_ count: Int, title: String = "Scale GP v5 models", suite: String = "scale-v5",
                       target: String = "127.0.0.1:8080", catalog: Bool = true) -> TrendSeries {
        let formatter = ISO8601DateFormatter()
        let start = formatter.date(from: "2026-01-01T04:00:00Z")!
        // Failures come and go in spells of days; a few nights cannot be reached; the catalog grows by steps.
        let points = (0..<count).map { i in
            TrendPoint(date: formatter.string(from: start.addingTimeInterval(Double(i) * 86_400)),
                       passed: 90, failed: [0, 0, 3, 3, 1, 0, 6, 2][(i / 9) % 8], errors: i % 23 == 7 ? 2 : 0, skipped: 1,
                       new: i == 0 ? nil : 1, fixed: i == 0 ? nil : 0,
                       catalogSize: catalog && i % 31 != 5 ? 50 + i / 20 : nil)
        }
        return TrendSeries(key: .init(suite: suite, target: target), title: title, points: points)
    }

    /// xmllint's verdict on the document (well-formedness only).
    static func xmllint(_ svg: String) throws -> (status: Int32, err: String) {
        let tool = try #require(Tools.path(of: "xmllint"))
        let result = try Tools.run(tool, ["--noout", "-"], stdin: svg)
        return (result.status, result.err)
    }

    @Test(.enabled(if: Tools.path(of: "xmllint") != nil, "needs xmllint (Debian libxml2-utils)"), arguments: [1, 2, 365])
    func isWellFormedForOneTwoAndAYearOfNights(count: Int) throws {
        let svg = TrendChart.render([Self.series(count), Self.series(count, title: SampleRun.hostile, suite: "gradient", catalog: false)])
        let lint = try Self.xmllint(svg)
        #expect(lint.status == 0, "\(lint.err)")
        // To look at these charts (scripts/render-svg.sh renders them): CONFORM_TREND_SAMPLES=/tmp/dir swift test --filter TrendChart
        if let dir = ProcessInfo.processInfo.environment["CONFORM_TREND_SAMPLES"], !dir.isEmpty {
            try svg.write(toFile: dir + "/trend-\(count).svg", atomically: true, encoding: .utf8)
        }
    }

    @Test func isAnSVG11DocumentWithSizeViewBoxTitleAndDescription() {
        let svg = TrendChart.render([Self.series(3)], title: "Nightly conformance")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"820\" height=\""))
        let height = svg.split(separator: "\"")[11]
        #expect(svg.contains("viewBox=\"0 0 820 \(height)\""))
        #expect(svg.contains("<title id=\"chart-title\">Nightly conformance</title>"))
        #expect(svg.contains("<desc id=\"chart-desc\">Failed checks and checks with errors per night"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func labelsEachLineAtItsEndWithItsLastValue() {
        let svg = TrendChart.render([Self.series(5)])
        let last = Self.series(5).points.last!
        #expect(svg.contains(">failed \(last.failed)</text>"))
        #expect(svg.contains(">errors \(last.errors)</text>"))
        #expect(svg.contains(">catalog \(last.catalogSize!)</text>"))
        // Distinct by more than colour: errors dashed, catalog dash-dot, three marker shapes.
        #expect(svg.contains("stroke-dasharray=\"7 4\"") && svg.contains("stroke-dasharray=\"10 3 2 3\""))
        #expect(svg.contains("<circle") && svg.contains("fill=\"none\" stroke=\"#0072B2\"") && svg.contains("<polygon"))
    }

    @Test func oneNightIsDrawnAsMarkersWithLabels() {
        let svg = TrendChart.render([Self.series(1)])
        #expect(!svg.contains("<polyline"), "one point makes no line")
        #expect(svg.components(separatedBy: "<circle").count == 2, "the failed point is a marker")
        #expect(svg.contains(">failed 0</text>"))
        #expect(svg.contains(">2026-01-01</text>"), "one night's tick names its day")
        #expect(svg.contains("1 night, 2026-01-01 04:00:00 → 2026-01-01 04:00:00"))
    }

    @Test func saysSoWhenTheCatalogIsNotRecorded() {
        #expect(TrendChart.render([Self.series(3, catalog: false)]).contains("catalog size: not recorded in these results"))
        #expect(!TrendChart.render([Self.series(3)]).contains("not recorded"))
    }

    @Test(.enabled(if: Tools.path(of: "xmllint") != nil, "needs xmllint (Debian libxml2-utils)"))
    func escapesHostileTitlesSuiteIdsAndTargets() throws {
        let hostile = SampleRun.hostile
        let svg = TrendChart.render([Self.series(3, title: hostile, suite: hostile, target: hostile)], title: hostile)
        let lint = try Self.xmllint(svg)
        #expect(lint.status == 0, "\(lint.err)")
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(!svg.contains("\u{1B}") && !svg.contains("\u{0}") && !svg.contains("\u{202E}"))
    }

    @Test func sizeIsBoundedWhateverTheInput() {
        let year = TrendChart.render([Self.series(365)])
        #expect(year.utf8.count < 60_000, "365 nights of one series: \(year.utf8.count) bytes")
        let huge = TrendChart.render((0..<200).map { Self.series(3000, suite: "suite-\($0)") })
        #expect(huge.utf8.count < 2_000_000, "200 series of 3000 nights: \(huge.utf8.count) bytes")
        #expect(huge.contains("… 176 more suite × target series not drawn"))
        #expect(huge.contains("last 730 of 3000 nights"))
    }

    @Test(arguments: [(0, [0, 1]), (1, [0, 1]), (3, [0, 1, 2, 3]), (15, [0, 5, 10, 15]), (57, [0, 20, 40, 60]), (10_000, [0, 5000, 10000])])
    func yTicksAreRoundNumbersFromZero(maximum: Int, ticks: [Int]) {
        let scale = ChartScale(maximum: maximum, bottomY: 100, topY: 0, maxTicks: 4)
        #expect(scale.ticks == ticks)
        #expect(scale.y(0) == 100 && scale.y(scale.top) == 0)
    }

    @Test func endLabelsAreMovedApartAndKeptInThePanel() {
        let labels = [(y: 100.0, text: "failed 0", fill: "#000", x: 0.0), (y: 100.0, text: "errors 0", fill: "#000", x: 0.0),
                      (y: 40.0, text: "other", fill: "#000", x: 0.0)]
        let placed = TrendChart.separated(labels, minimumGap: 14, within: 0...102)
        let ys = placed.map(\.y).sorted()
        #expect(zip(ys, ys.dropFirst()).allSatisfy { $1 - $0 >= 14 })
        #expect(ys.last! <= 102)
    }
}
