import Foundation
import Testing
import ConformCore
import ConformMock
import ConformSelftest
import ConformTestSupport

/// Suites written as a user would, for list APIs the shipped suites do not cover (`Tests/UserSuites/`:
/// cursor and link pagination, fixed pages, nested arrays, patterns, formats, numeric bounds, enum-heavy
/// items, members that must agree): the mock serves each conformingly, the self-test catches every drift,
/// and the strict loader refuses a typo in any of their schema keywords.
@Suite struct UserSuiteTests {
    static let folder = SuiteFiles.packageRoot.appendingPathComponent("Tests/UserSuites")

    static func suites() -> [Suite] {
        let loaded = SuiteLoader.loadFolder(path: folder.path)
        return loaded.suites.sorted { $0.id < $1.id }
    }

    @Test func theyLoadStrictly() {
        let loaded = SuiteLoader.loadFolder(path: Self.folder.path)
        #expect(loaded.failures.isEmpty, "\(loaded.failures.map { "\($0)" })")
        #expect(loaded.suites.count >= 7)
    }

    @Test(arguments: suites().map(\.id))
    func theMockSatisfiesEveryRuleAndEveryDriftIsCaught(id: String) async throws {
        let suite = try #require(Self.suites().first { $0.id == id })
        #expect(MockOracle.problems(suite).isEmpty, "\(MockOracle.problems(suite))")
        let result = await heavy { await Selftest.unhurried().run(suite) }
        let failures = result.conforming.map { SuiteHarnessText.failures($0) } ?? []
        #expect(result.conformingPassed, "\(id): \(failures.prefix(5)) \(result.unsatisfied.prefix(3))")
        #expect(result.survivors.isEmpty, "\(id): \(result.survivors.map(\.drift.name))")
        let figure = result.coverageFigure
        #expect(figure.caught > 0 && figure.survived == 0, "\(figure.summary)")
        // Every rule is either caught or says why no drift can break it.
        for c in result.coverage { if case .noDrift(let why) = c.status { #expect(!why.isEmpty) } }
    }

    /// A typo in a keyword of any user suite's schemas is refused with a did-you-mean, never silently dropped.
    @Test func aKeywordTypoIsRefused() throws {
        let typos = [("\"pattern\"", "\"patern\""), ("\"minimum\"", "\"minimun\""), ("\"required\"", "\"requierd\""),
                     ("\"maxLength\"", "\"maxlength\""), ("\"uniqueItems\"", "\"uniqueitems\"")]
        var tried = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where file.hasSuffix(".json") {
            let text = try String(contentsOfFile: Self.folder.appendingPathComponent(file).path, encoding: .utf8)
            for (right, wrong) in typos where text.contains(right) {
                guard let range = text.range(of: right) else { continue }
                let broken = text.replacingCharacters(in: range, with: wrong)
                tried += 1
                do {
                    _ = try SuiteLoader.load(source: SourceFile(path: file, text: broken))
                    Issue.record("\(file): \(wrong) was accepted")
                } catch {
                    let message = "\(error)"
                    #expect(message.contains("did you mean") && message.contains(String(right.dropFirst().dropLast())), "\(file): \(message)")
                }
            }
        }
        #expect(tried >= 8)
    }
}

/// The failed checks of a run, as `case › check: title` lines.
enum SuiteHarnessText {
    static func failures(_ result: SuiteResult) -> [String] {
        result.cases.flatMap { c in
            c.checks.filter { $0.status == .failed || $0.status == .error }.map { "\(c.name) › \($0.check): \($0.findings.first?.detail ?? $0.name)" }
        }
    }
}
