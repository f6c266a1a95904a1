@testable import ConformReport
import ConformCore
import Testing

/// Every class of the baseline table, the expiring-soon warning, and the exit codes they lead to.
struct BaselineClassifierTests {
    typealias F = BaselineFixtures

    func classified(_ run: RunResult = F.run(), _ baseline: BaselineFile = F.baseline, allowStale: Bool = false,
                    today: BaselineDate = F.today) -> RunResult {
        BaselineClassifier.classify(run, against: baseline, file: "b.json", today: today, allowStale: allowStale)
    }

    func findingClass(_ run: RunResult, _ id: String) -> BaselineClass? {
        run.suites.flatMap(\.cases).flatMap(\.checks).flatMap(\.findings).first { $0.id == id }?.baseline?.classification
    }

    func entryClass(_ run: RunResult, _ id: String) -> BaselineClass? {
        run.baseline?.entries.first { $0.id == id }?.classification
    }

    @Test func failuresAreNewKnownOrExpired() {
        let run = classified()
        #expect(findingClass(run, F.known) == .known)
        #expect(findingClass(run, F.expired) == .expired)
        #expect(findingClass(run, F.new) == .new)
        let mark = run.suites[0].cases[0].checks[0].findings.first { $0.id == F.known }?.baseline
        #expect(mark?.reason == "reason 1" && mark?.expires == "2027-01-31")
        #expect(run.baseline?.counts.known == 1 && run.baseline?.counts.expired == 1 && run.baseline?.counts.new == 1)
        #expect(run.baseline?.entries.first { $0.id == F.expired }?.note.contains("expired on 2026-11-22") == true)
    }

    /// A known problem with 300 instances (20 listed, 280 counted) is 300 known failures, and the check is accepted;
    /// instances of problems past the limit have no id to match: they are new, and the check is not accepted.
    @Test func countedInstancesTakeTheirProblemsClassAndUnnamedOnesAreNew() {
        var run = F.run(failing: [F.known])
        var check = run.suites[0].cases[0].checks[0]
        check.findings = Array(repeating: F.failure(F.known, "required property 1"), count: 20)
        check.omitted = [OmittedFindings(check: "schema.required", pointer: "/data/*", rulePointer: nil, argument: nil, count: 280, id: F.known)]
        run.suites[0].cases[0].checks[0] = check
        let accepted = classified(run, BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list")]))
        #expect(accepted.baseline?.counts.known == 300)
        #expect(accepted.baseline?.counts.new == 0)
        #expect(accepted.suites[0].cases[0].checks[0].isAcceptedFailure)
        #expect(accepted.baseline?.failsRun == false)

        run.suites[0].cases[0].checks[0].unlisted = 7
        let unnamed = classified(run, BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list")]))
        #expect(unnamed.baseline?.counts.known == 300)
        #expect(unnamed.baseline?.counts.new == 7)
        #expect(!unnamed.suites[0].cases[0].checks[0].isAcceptedFailure)
        #expect(unnamed.baseline?.failsRun == true)

        // A counted problem that is not in the baseline is new, listed or not.
        run.suites[0].cases[0].checks[0].unlisted = 0
        run.suites[0].cases[0].checks[0].omitted.append(
            OmittedFindings(check: "schema.type", pointer: "/data/*/id", rulePointer: nil, argument: nil, count: 4, id: F.new))
        let other = classified(run, BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list")]))
        #expect(other.baseline?.counts.new == 4)
        #expect(!other.suites[0].cases[0].checks[0].isAcceptedFailure)
    }

    @Test func entriesWithoutAMatchAreStaleUnobservedOrOrphaned() {
        let run = classified()
        #expect(entryClass(run, F.staleId) == .stale)
        #expect(entryClass(run, F.erroredId) == .unobserved)
        #expect(entryClass(run, F.filteredId) == .unobserved)
        #expect(run.baseline?.entries.first { $0.id == F.filteredId }?.note.contains("--filter") == true)
        #expect(entryClass(run, F.otherTargetId) == .unobserved)
        #expect(entryClass(run, F.goneId) == .orphaned)
        #expect(entryClass(run, F.known) == nil, "a known entry not expiring soon needs no attention")
        #expect(run.baseline?.counts.stale == 1 && run.baseline?.counts.unobserved == 3 && run.baseline?.counts.orphaned == 1)
    }

    @Test func aCheckThatStillFailsWithOtherFindingsMakesItsEntryStale() {
        let run = classified(F.run(failing: [F.new]), BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list")]))
        #expect(entryClass(run, F.known) == .stale)
        #expect(run.baseline?.entries.first?.note.contains("no longer with this finding") == true)
    }

    @Test func entriesExpiringWithinSevenDaysAreWarnedAbout() {
        let soon = BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list", expires: "2026-11-30")])
        let run = classified(F.run(failing: [F.known]), soon)
        #expect(run.baseline?.counts.expiringSoon == 1)
        #expect(run.baseline?.entries.first?.expiringSoon == true && run.baseline?.entries.first?.classification == .known)
        #expect(run.exitCode == 3, "expiring soon is a warning: the errored case's 3 stands, not 1")
        let later = classified(F.run(failing: [F.known]), soon, today: BaselineDate("2026-11-22")!)
        #expect(later.baseline?.counts.expiringSoon == 0, "eight days ahead is not soon")
        let lastDay = classified(F.run(failing: [F.known]), soon, today: BaselineDate("2026-11-30")!)
        #expect(findingClass(lastDay, F.known) == .known, "an entry holds on its expiry day")
    }

    @Test func exitCodes() {
        let onlyKnown = BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list")])
        var knownRun = F.run(failing: [F.known])
        knownRun.suites[0].cases.remove(at: 2)  // no errored case
        #expect(classified(knownRun, onlyKnown).exitCode == 0)
        #expect(classified(F.run(failing: [F.known]), onlyKnown).exitCode == 3, "errors keep 3 when every failure is known")
        #expect(classified(F.run(failing: [F.known, F.new]), onlyKnown).exitCode == 1, "a new failure fails the run")
        let expired = BaselineFile(entries: [F.entry(F.known, check: F.failingCheck, caseId: "list", expires: "2026-11-01")])
        #expect(classified(knownRun, expired).exitCode == 1, "an expired entry fails the run")
        var fixed = F.run(failing: [])
        fixed.suites[0].cases.remove(at: 2)
        #expect(classified(fixed, onlyKnown).exitCode == 1, "a stale entry fails the run")
        #expect(classified(fixed, onlyKnown, allowStale: true).exitCode == 0, "unless --allow-stale")
        #expect(F.run(failing: [F.known]).exitCode == 1, "without a baseline any failure exits 1")
    }

    @Test func datesCountDaysAcrossMonthsAndLeapYears() {
        #expect(BaselineDate("2024-02-28")!.days(until: BaselineDate("2024-03-01")!) == 2)
        #expect(BaselineDate("1970-01-01")!.daysSinceEpoch == 0)
        #expect(BaselineDate(daysSinceEpoch: BaselineDate("2026-11-23")!.daysSinceEpoch).description == "2026-11-23")
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "2026-11-23T00:00:00Z", "tomorrow", ""] {
            #expect(BaselineDate(bad) == nil, "\(bad)")
        }
    }
}
