import Foundation
import Testing
import ConformCore
@testable import ConformMock

/// The mock passes every suite it serves, and every drift it offers is caught by the check it names.
@Suite struct MockConformanceTests {
    static let suiteIDs = SuiteFiles.all().map(\.id)

    @Test(arguments: suiteIDs)
    func conformingMockPassesTheSuite(id: String) throws {
        let suite = try #require(SuiteFiles.named(id))
        for seed: UInt64 in [1, 7] {
            let app = MockApp(suites: [suite], seed: seed, models: 57, credentials: SuiteHarness.credentials(for: suite))
            let failures = SuiteHarness(suite: suite, app: app).run()
            #expect(failures.isEmpty, "seed \(seed): \(failures.prefix(8))")
        }
    }

    @Test(arguments: suiteIDs)
    func everyDriftIsCaughtByItsCheck(id: String) throws {
        let suite = try #require(SuiteFiles.named(id))
        let drifts = DriftCatalog.drifts(for: suite)
        #expect(!drifts.isEmpty)
        #expect(Set(drifts.map(\.name)).count == drifts.count, "drift names are unique")
        var survivors: [String] = []
        for drift in drifts {
            let app = MockApp(suites: [suite], seed: 1, models: 57, drift: drift, credentials: SuiteHarness.credentials(for: suite))
            let failures = SuiteHarness(suite: suite, app: app).run()
            if !failures.contains(where: { $0.check == drift.expectedCheck }) {
                survivors.append("\(drift.name) (expected \(drift.expectedCheck), got \(Set(failures.map(\.check)).sorted()))")
            }
        }
        #expect(survivors.isEmpty, "\(survivors.count) of \(drifts.count) drifts survived: \(survivors.prefix(10))")
    }

    /// `conform demo` runs every shipped suite against one mock: suites sharing a route must all pass.
    @Test func shippedSuitesPassWhenServedTogether() {
        let suites = SuiteFiles.shipped()
        var credentials: [String: String] = [:]
        for s in suites { credentials.merge(SuiteHarness.credentials(for: s)) { first, _ in first } }
        let app = MockApp(suites: suites, seed: 1, credentials: credentials)
        for s in suites {
            let failures = SuiteHarness(suite: s, app: app).run()
            #expect(failures.isEmpty, "\(s.id): \(failures.prefix(5))")
        }
    }

    @Test func driftCatalogCoversEachKindOfRule() throws {
        let suite = try #require(SuiteFiles.named("fixture-gradient"))
        let names = DriftCatalog.drifts(for: suite).map(\.name)
        for expected in ["drop-required:Model.uuid", "format:Model.created_at", "enum:Model.usecases.items", "total-too-small:list",
                         "one-too-many:list", "page-invariant:walk.1", "invariant:list.1", "next-link-missing:list",
                         "previous-link-missing:list", "repeat-item:list", "past-end-not-empty:list", "unstable-total:list",
                         "bound-accepted:list.per_page", "type-param-accepted:list.page", "auth-not-enforced", "text-plain:list"] {
            #expect(names.contains(expected), "\(expected) missing from \(names)")
        }
    }
}

/// Which rules the drifts aim at: every drift names its rule, and every invariant of a checked answer has a
/// drift of its own (named by where the invariant lives, never by its text).
@Suite struct DriftRuleTests {
    @Test func driftsNameTheRulesTheyBreak() throws {
        for suite in SuiteFiles.all() {
            for drift in DriftCatalog.drifts(for: suite) {
                #expect(drift.rulePointer != nil && drift.rulePointers.first == drift.rulePointer, "\(suite.id) \(drift.name)")
                for p in drift.rulePointers { #expect(p.resolve(in: suite.file.document) != nil, "\(drift.name): \(p)") }
            }
        }
        let gradient = try #require(FixtureSuites.all.first { $0.id == "fixture-gradient" })
        let oneTooMany = try #require(DriftCatalog.drifts(for: gradient).first { $0.name == "one-too-many:list" })
        #expect(oneTooMany.rulePointers.count >= 1)
        let pageEcho = try #require(DriftCatalog.drifts(for: gradient).first { $0.name == "page-invariant:walk.1" })
        #expect(pageEcho.rulePointer?.description == "/walks/0/pageInvariants/0" && pageEcho.expectedCheck == CheckKind.walkPageInvariant.id)
        for suite in SuiteFiles.all() {
            let drifts = DriftCatalog.drifts(for: suite)
            for op in suite.operations {
                for inv in op.successResponse?.invariants ?? [] where !drifts.contains(where: { $0.effect == .invariant(inv.pointer) }) {
                    let (checked, _) = DriftCatalog.checked(suite)
                    #expect(!checked.contains(op.id), "\(suite.id): no drift for \(inv.name)")
                }
            }
        }
    }
}
