import ConformCore
import ConformMock
@testable import ConformSelftest
import ConformTestSupport
import Foundation
import Testing

/// `conform selftest` as a library: every shipped suite passes its conforming mock and catches every drift
/// (the proof that each of its checks can fail), and a weakened suite lets drifts survive.
@Suite struct SelftestTests {
    static let shipped: [Suite] = SuiteLoader.loadFolder(path: SuiteFiles.packageRoot.appendingPathComponent("suites").path).suites

    @Test func theShippedSuitesAreThere() {
        #expect(Self.shipped.count >= 6, "suites/ holds \(Self.shipped.map(\.id))")
    }

    /// One shipped suite in full, in-process (the whole folder runs through the built `conform selftest` in
    /// EndToEndTests: in-process it would hold this process's two cooperative threads for a minute and starve
    /// the timing tests that run alongside).
    @Test func aShippedSuiteHasNoSurvivors() async throws {
        let suite = try #require(Self.shipped.first { $0.id == "openai-list-models" })
        let result = await heavy { await Selftest.unhurried().run(suite) }
        #expect(result.problem == nil)
        #expect(result.conformingPassed, "conforming run: \(result.conforming.map { "\($0.counts)" } ?? "none")")
        #expect(result.verdicts.count == DriftCatalog.drifts(for: suite).count)
        let survivors = result.survivors.map { "\($0.drift.name) (expected \($0.drift.expectedCheck))" }
        #expect(survivors.isEmpty, "\(survivors.count) of \(result.verdicts.count) drifts survived: \(survivors)")
        let byOther = result.verdicts.filter { $0.outcome == .caughtByOther }.map { "\($0.drift.name): \($0.failedKinds)" }
        #expect(byOther.isEmpty, "caught only by other checks: \(byOther)")
        #expect(SelftestResult(suites: [result], durationSeconds: 0).exitCode == 0)
    }

    /// The OpenAI suite with its one list case no longer validating the body: the schema's `const` and
    /// required members are a blind spot, and the self-test says so (exit 1).
    @Test func aSuiteThatSkipsItsSchemaLetsSchemaDriftsSurvive() async throws {
        let path = SuiteFiles.packageRoot.appendingPathComponent("suites/openai-list-models.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let weakened = text.replacingOccurrences(of: #""expect": { "status": 200 }"#, with: #""expect": { "status": 200, "schema": false }"#)
        try #require(weakened != text, "the OpenAI suite's list case changed shape; update this test")
        let suite = try SuiteLoader.load(source: SourceFile(path: "weakened/openai-list-models.json", text: weakened))
        let result = await heavy { await Selftest.unhurried(filter: "const:").run(suite) }
        #expect(result.conformingPassed)
        let names = result.survivors.map(\.drift.name)
        #expect(names.contains("const:Model.object"), "survivors: \(names); verdicts: \(result.verdicts.map { "\($0.drift.name)=\($0.outcome)" })")
        let whole = SelftestResult(suites: [result], durationSeconds: 0)
        #expect(whole.exitCode == 1)
        #expect(SelftestTable.survivorLines(whole).joined(separator: "\n").contains("openai-list-models/const:Model.object"))
    }

    /// The same drifts against the unweakened suite are caught, so the survivors above come from the weakening.
    @Test func theUnweakenedSuiteCatchesThoseDrifts() async throws {
        let suite = try #require(Self.shipped.first { $0.id == "openai-list-models" })
        let result = await heavy { await Selftest.unhurried(filter: "const:").run(suite) }
        #expect(!result.verdicts.isEmpty)
        #expect(result.verdicts.allSatisfy { $0.outcome == .caught })
    }
}

/// Suites overlap in a self-test (the next one's conforming run beside the current one's drifts); reports
/// still come in order, and drifted runs keep to the concurrency asked for.
@Suite struct SelftestOverlapTests {
    final class Order: @unchecked Sendable {
        let lock = NSLock()
        var ids: [String] = []
        var inFlight = 0, most = 0
        func add(_ id: String) { lock.withLock { ids.append(id) } }
        func enter() { lock.withLock { inFlight += 1; most = max(most, inFlight) } }
        func leave() { lock.withLock { inFlight -= 1 } }
    }

    @Test func suitesAreReportedInTheOrderGiven() async throws {
        let suites = SelftestTests.shipped
        try #require(suites.count >= 3)
        let seen = Order()
        var selftest = Selftest.unhurried(filter: "auth-not-enforced")
        selftest.onSuite = { seen.add($0.suite.id) }
        let work = selftest
        let result = await heavy { await work.run(suites) }
        #expect(seen.ids == suites.map(\.id))
        #expect(result.suites.map(\.suite.id) == suites.map(\.id))
        #expect(result.suites.allSatisfy { $0.conformingPassed })
    }

    @Test func slotsBoundTheRunsInFlight() async {
        let slots = RunSlots(2)
        let seen = Order()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await slots.within {
                        seen.enter()
                        try? await Task.sleep(nanoseconds: 5_000_000)
                        seen.leave()
                    }
                }
            }
        }
        #expect(seen.most == 2)
        #expect(seen.inFlight == 0)
    }
}
