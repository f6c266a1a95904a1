import Foundation
import ConformCore
import ConformSelftest

/// Suites for the mock's tests: the shipped ones in `suites/` and the fixtures beside this file.
enum SuiteFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every suite in the package's `suites/` folder plus the fixture suites.
    /// The shipped suites alone (the ones `conform demo` serves from one mock).
    static func shipped() -> [Suite] {
        let folder = ProcessInfo.processInfo.environment["CONFORM_MOCK_SUITES"] ?? packageRoot.appendingPathComponent("suites").path
        return SuiteLoader.loadFolder(path: folder).suites
    }

    static func all() -> [Suite] {
        // CONFORM_MOCK_SUITES points the tests at another folder of suites (e.g. a branch's work in progress).
        let folder = ProcessInfo.processInfo.environment["CONFORM_MOCK_SUITES"] ?? packageRoot.appendingPathComponent("suites").path
        let shipped = SuiteLoader.loadFolder(path: folder).suites
        return shipped + fixtures()
    }

    static func fixtures() -> [Suite] { FixtureSuites.all }

    static func named(_ id: String) -> Suite? { all().first { $0.id == id } }
}

extension Selftest {
    /// A self-test for tests that run in parallel with hundreds of others: its in-process runs take turns on
    /// one executor (`heavy`), so their wall time says nothing about the mock; only a hang should end them.
    static func unhurried(filter: String? = nil) -> Selftest {
        var s = Selftest(concurrency: 2, driftDeadline: 600, filter: filter)
        s.requestTimeout = 300
        return s
    }
}
