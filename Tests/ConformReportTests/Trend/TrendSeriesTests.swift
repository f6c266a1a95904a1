import ConformCore
import Foundation
import Testing
@testable import ConformReport

@Suite struct TrendSeriesTests {
    /// With finding ids (results.json) and without (results built by hand), a missing digest and a missing size differ.
    @Test(arguments: [true, false])
    func countsNewAndFixedBetweenConsecutiveNights(ids: Bool) throws {
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", failing: ["digest", "size"], ids: ids),
            TrendNights.run("2026-11-21T04:00:00Z", failing: ["size", "owned_by"], ids: ids),
            TrendNights.run("2026-11-22T04:00:00Z", failing: [], ids: ids),
        ])
        let points = try #require(series.first).points
        #expect(series.count == 1)
        #expect(points.map(\.failed) == [1, 1, 0], "one schema check, failing on two nights")
        #expect(points.map(\.passed) == [5, 5, 6])
        // The first night has nothing to compare with; then owned_by is new and digest fixed; then both fixed.
        #expect(points.map(\.new) == [nil, 1, 0])
        #expect(points.map(\.fixed) == [nil, 1, 2])
        #expect(points.map(\.date) == ["2026-11-20T04:00:00Z", "2026-11-21T04:00:00Z", "2026-11-22T04:00:00Z"])
    }

    @Test func errorsAreCountedButAreNeitherNewNorFixed() throws {
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", failing: [], errors: 0),
            TrendNights.run("2026-11-21T04:00:00Z", failing: [], errors: 3),
        ])
        let last = try #require(series.first?.points.last)
        #expect(last.errors == 3)
        #expect(last.new == 0 && last.fixed == 0)
    }

    @Test func oneRunIsOneSeriesOfOnePoint() throws {
        let series = TrendSeries.build([TrendNights.run("2026-11-20T04:00:00Z", failing: ["digest"])])
        let only = try #require(series.first)
        #expect(series.count == 1)
        #expect(only.points.count == 1)
        #expect(only.points[0].failed == 1)
        #expect(only.points[0].new == nil && only.points[0].fixed == nil && only.points[0].known == nil && only.points[0].catalogSize == nil)
    }

    @Test func aSeriesPerSuiteAndTargetComparedWithItsOwnPreviousNight() throws {
        typealias Night = TrendNights.SuiteNight
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", [Night(baseURL: "http://127.0.0.1:8080", failing: ["digest"]),
                                                      Night(baseURL: "https://api.example.com/v1", failing: [])]),
            // The staging target skips a night: its next point compares with the night it last ran.
            TrendNights.run("2026-11-21T04:00:00Z", [Night(baseURL: "http://127.0.0.1:8080", failing: [])]),
            TrendNights.run("2026-11-22T04:00:00Z", [Night(title: "Renamed", baseURL: "http://127.0.0.1:8080", failing: []),
                                                      Night(baseURL: "https://api.example.com/v1", failing: ["size"])]),
        ])
        #expect(series.map(\.key.target) == ["127.0.0.1:8080", "api.example.com:443"])
        #expect(series.map { $0.points.count } == [3, 2])
        #expect(series[0].points.map(\.fixed) == [nil, 1, 0])
        #expect(series[1].points.map(\.new) == [nil, 1])
        #expect(series[0].title == "Renamed", "a series is titled by its latest night")
    }

    @Test func theRecordedTargetLabelNamesTheSeries() throws {
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", [.init(baseURL: "http://127.0.0.1:40001", target: "production")]),
            TrendNights.run("2026-11-21T04:00:00Z", [.init(baseURL: "http://127.0.0.1:40002", target: "production")]),
        ])
        #expect(series.map(\.key.target) == ["production"])
        #expect(series.first?.points.count == 2)
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "127.0.0.1:8080"), ("https://api.example.com/v1", "api.example.com:443"),
        ("http://host", "host:80"), ("not a url", "not a url"),
    ])
    func targetIsTheBaseURLsHostAndPort(baseURL: String, target: String) {
        #expect(TrendSeries.target(of: TrendNights.suite(.init(baseURL: baseURL))) == target)
    }

    @Test func extrasFillKnown() throws {
        let series = TrendSeries.build([TrendNights.run("2026-11-20T04:00:00Z", failing: ["digest"])]) { _, suite in
            TrendExtras(known: suite.suite == "scale-v5" ? 1 : nil)
        }
        let point = try #require(series.first?.points.first)
        #expect(point.known == 1)
    }

    @Test func catalogSizeAndChangesComeFromTheRecordedListings() throws {
        typealias Night = TrendNights.SuiteNight
        let series = TrendSeries.build([
            TrendNights.run("2026-11-20T04:00:00Z", [Night(catalog: ["a", "b", "c"])]),
            // b changed, c removed, d added.
            TrendNights.run("2026-11-21T04:00:00Z", [Night(catalog: ["a", "b", "d"], changed: ["b"])]),
            // A listing that stopped half-way is no catalog size, and no comparison.
            TrendNights.run("2026-11-22T04:00:00Z", [Night(catalog: ["a"], catalogStatus: .incomplete)]),
            TrendNights.run("2026-11-23T04:00:00Z", [Night()]),
        ])
        let points = try #require(series.first).points
        #expect(points.map(\.catalogSize) == [3, 3, nil, nil])
        #expect(points.map(\.catalogChanges) == [nil, 3, nil, nil])
    }

    @Test func aFolderIsReadInNameOrderSkippingHiddenFilesAndSubfolders() throws {
        let dir = try TrendNights.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, date) in [("results-10.json", "2026-11-10T04:00:00Z"), ("results-02.json", "2026-11-02T04:00:00Z"),
                             (".partial.json", "2026-11-11T04:00:00Z")] {
            try JSONReport.render(TrendNights.run(date, failing: [])).write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "notes".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("old.json"), withIntermediateDirectories: true)
        let loaded = try TrendInput.load([dir.path])
        #expect(loaded.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["results-02.json", "results-10.json"])
        #expect(loaded.map(\.run.startedAt) == ["2026-11-02T04:00:00Z", "2026-11-10T04:00:00Z"])
        #expect(TrendInput.orderWarnings(loaded).isEmpty)
    }

    @Test func filesKeepTheGivenOrderAndABackwardsNightIsWarnedAbout() throws {
        let dir = try TrendNights.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.json"), b = dir.appendingPathComponent("b.json")
        try JSONReport.render(TrendNights.run("2026-11-02T04:00:00Z", failing: [])).write(to: a, atomically: true, encoding: .utf8)
        try JSONReport.render(TrendNights.run("2026-11-01T04:00:00Z", failing: [])).write(to: b, atomically: true, encoding: .utf8)
        let loaded = try TrendInput.load([a.path, b.path])
        #expect(loaded.map(\.run.startedAt) == ["2026-11-02T04:00:00Z", "2026-11-01T04:00:00Z"])
        let warnings = TrendInput.orderWarnings(loaded)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("b.json started at 2026-11-01T04:00:00Z, before") == true)
    }

    /// A broken results file: the text replaced in valid results (nil: the whole file), the pointer and message expected.
    @Test(arguments: [
        ("not JSON", nil, "{\"schemaVersion\": 1,", "", "not JSON"),
        ("suites not an array", "\"suites\": [", "\"suites\": 7, \"x\": [", "/suites", "expected an array"),
        ("unknown status", "\"status\": \"failed\"", "\"status\": \"broken\"", "/suites/0/cases/0/checks/5/status", "unknown status \"broken\""),
        ("missing startedAt", "\"startedAt\": \"2026-11-20T04:00:00Z\",", "", "/startedAt", "missing"),
    ] as [(String, String?, String, String, String)])
    func aBrokenFileIsNamedWithThePointerOfItsProblem(label: String, find: String?, replace: String, pointer: String, message: String) throws {
        let dir = try TrendNights.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("night.json")
        let valid = JSONReport.render(TrendNights.run("2026-11-20T04:00:00Z", failing: ["digest"]))
        let broken = find.map { valid.replacingOccurrences(of: $0, with: replace) } ?? replace
        #expect(broken != valid)
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: TrendInputError.self, "\(label)") { try TrendInput.load([file.path]) }
        #expect(error?.file == file.path)
        #expect(error?.pointer == pointer, "\(label): \(error?.description ?? "")")
        #expect(error?.message.hasPrefix(message) == true, "\(label): \(error?.description ?? "")")
    }

    @Test func missingPathsAndEmptyFoldersAreErrors() throws {
        let dir = try TrendNights.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = #expect(throws: TrendInputError.self) { try TrendInput.files([dir.path + "/nope.json"]) }
        #expect(missing?.description == dir.path + "/nope.json: no such file or folder")
        let empty = #expect(throws: TrendInputError.self) { try TrendInput.files([dir.path]) }
        #expect(empty?.message.contains("holds no *.json results files") == true)
    }
}
