import Testing
@testable import ConformCore

/// Every walk rule fails on pages that break it and passes on pages that keep it.
@Suite struct WalkRuleTests {
    typealias P = CheckFixture
    static let good = WalkObservation(
        pages: [P.page("page 1", ids: [1, 2], total: 5, hasMore: true, next: true),
                P.page("page 2", ids: [3, 4], total: 5, hasMore: true, next: true, previous: true),
                P.page("page 3", ids: [5], total: 5, hasMore: false, previous: true)],
        pastEnd: P.page("page 4", ids: []), size: 2, tracksPrevious: true)

    @Test(arguments: Walk.Rule.allCases)
    func passesOnAConsistentWalk(rule: Walk.Rule) {
        let r = WalkRuleCheck.evaluate(rule, Self.good, at: P.rule)
        #expect(r.status == .passed, "\(rule): \(r.findings.map(\.detail))")
        #expect(r.check == "walk.\(rule.rawValue)")
    }

    @Test func duplicateIdsFail() {
        var w = Self.good
        w.pages[1] = P.page("page 2", ids: [2, 4], total: 5, hasMore: true, next: true, previous: true)
        let r = WalkRuleCheck.evaluate(.noDuplicateIds, w, at: P.rule)
        #expect(r.status == .failed)
        #expect(r.findings.first?.pointer == "/items/0/id")
        #expect(r.findings.first?.detail.contains("page 1") == true)
    }

    /// Every repeat is reported where it occurs, against the id's first listing, in page order; an id listed three
    /// times is reported twice.
    @Test func everyRepeatPointsBackToTheFirstListing() {
        var w = Self.good
        w.pages = [P.page("page 1", ids: [1, 2], total: 5, hasMore: true, next: true),
                   P.page("page 2", ids: [2, 3], total: 5, hasMore: true, next: true, previous: true),
                   P.page("page 3", ids: [3, 2], total: 5, hasMore: false, previous: true)]
        let r = WalkRuleCheck.evaluate(.noDuplicateIds, w, at: P.rule)
        #expect(r.status == .failed)
        #expect(r.findings.map(\.pointer) == ["/items/0/id", "/items/0/id", "/items/1/id"])
        #expect(r.findings.map(\.detail) == ["id integer 2 on page 2 was already listed on page 1 at /items/1/id",
                                             "id integer 3 on page 3 was already listed on page 2 at /items/1/id",
                                             "id integer 2 on page 3 was already listed on page 1 at /items/1/id"])
    }

    /// A rule's finding about one page is reproduced by that page's request; the first page has none of its own.
    @Test func findingsAboutAPageCarryItsCurlLine() {
        var w = Self.good
        for i in 1..<w.pages.count { w.pages[i].curl = "curl 'http://h/m?page=\(i + 1)'" }
        w.pages[1].ids = [JSONValue(1), JSONValue(4)]
        w.pages[2].total = JSONValue(6)
        #expect(WalkRuleCheck.evaluate(.noDuplicateIds, w, at: P.rule).findings.map(\.curl) == ["curl 'http://h/m?page=2'"])
        #expect(WalkRuleCheck.evaluate(.stableTotal, w, at: P.rule).findings.map(\.curl) == ["curl 'http://h/m?page=3'"])
        w.pages[0].hasMore = false
        #expect(WalkRuleCheck.evaluate(.hasMoreConsistent, w, at: P.rule).findings.map(\.curl) == [nil])
    }

    /// A list that serves its first page for every page number repeats every id: 500 pages of 20 make 9,980
    /// repeats of one problem. The result keeps the limit's worth of findings and counts the rest exactly — the
    /// same result as bounding every finding after the fact, without building them.
    @Test func aListThatRepeatsItsFirstPageIsCountedNotListed() {
        let pages = (1...500).map { P.page("page \($0)", ids: Array(1...20), total: 10_000, hasMore: $0 < 500) }
        let w = WalkObservation(pages: pages, size: 20)
        let r = WalkRuleCheck.evaluate(.noDuplicateIds, w, at: P.rule)
        #expect(r.status == .failed)
        #expect(r.findingCount == 9_980)
        #expect(r.findings.count == FindingLimit.standard.perProblem)
        #expect(r.omitted.map(\.count) == [9_980 - FindingLimit.standard.perProblem])
        #expect(r.omitted.first?.pointer == "/items/*/id")
        #expect(r.findings.first?.detail == "id integer 1 on page 2 was already listed on page 1 at /items/0/id")
        // The same as building all 9,980 findings and bounding them.
        var all: [Finding] = []
        _ = w.distinctIds { id, page, index, _, _ in
            all.append(P.rule.finding(check: "walk.noDuplicateIds", title: "duplicate id across pages", detail: "",
                                      pointer: w.pointer(page: page, index: index)))
        }
        let bounded = CheckResult.from(name: r.name, check: r.check, findings: all)
        #expect(bounded.findings.map(\.pointer) == r.findings.map(\.pointer))
        #expect(bounded.omitted.map(\.count) == r.omitted.map(\.count))
    }

    @Test func unionNotEqualToTotalFails() {
        var w = Self.good
        w.pages[2] = P.page("page 3", ids: [5], total: 6, hasMore: false, previous: true)
        #expect(WalkRuleCheck.evaluate(.unionEqualsTotal, w, at: P.rule).status == .failed)
    }

    @Test(arguments: [Walk.Rule.unionEqualsTotal, .stableTotal])
    func anAbsentOptionalTotalIsASkipNotAnErrorOrAPass(rule: Walk.Rule) {
        var w = Self.good
        for i in w.pages.indices { w.pages[i].total = nil }
        let r = WalkRuleCheck.evaluate(rule, w, at: P.rule)
        #expect(r.status == .skipped)
        #expect(r.skipReason?.contains("no page reported a total") == true)
    }

    @Test func itemsWithoutIdsStillCountTowardsTheUnion() {
        var w = Self.good
        // Page 3's item carries no id (ids are optional in some APIs): still one of the five.
        w.pages[2].ids = [nil]
        #expect(WalkRuleCheck.evaluate(.unionEqualsTotal, w, at: P.rule).status == .passed)
        w.pages[2].ids = []
        #expect(WalkRuleCheck.evaluate(.unionEqualsTotal, w, at: P.rule).status == .failed)
    }

    @Test func changingTotalFails() {
        var w = Self.good
        w.pages[1].total = JSONValue(7)
        #expect(WalkRuleCheck.evaluate(.stableTotal, w, at: P.rule).status == .failed)
    }

    @Test func shortPageBeforeTheLastFails() {
        var w = Self.good
        w.pages[0] = P.page("page 1", ids: [1], total: 5, hasMore: true, next: true)
        #expect(WalkRuleCheck.evaluate(.fullPages, w, at: P.rule).status == .failed)
    }

    @Test func nonEmptyPagePastTheEndFails() {
        var w = Self.good
        w.pastEnd = P.page("page 4", ids: [5])
        #expect(WalkRuleCheck.evaluate(.pastEndEmpty, w, at: P.rule).status == .failed)
    }

    @Test func hasMoreOnTheLastPageFails() {
        var w = Self.good
        w.pages[2].hasMore = true
        #expect(WalkRuleCheck.evaluate(.hasMoreConsistent, w, at: P.rule).status == .failed)
    }

    @Test func nextLinkOnTheLastPageFails() {
        var w = Self.good
        w.pages[2].hasNext = true
        #expect(WalkRuleCheck.evaluate(.linksConsistent, w, at: P.rule).status == .failed)
        var v = Self.good
        v.pages[1].hasPrevious = false
        #expect(WalkRuleCheck.evaluate(.linksConsistent, v, at: P.rule).status == .failed)
    }

    @Test func incompleteWalkIsAnErrorForRulesThatNeedTheEnd() {
        var w = Self.good
        w.complete = false
        #expect(WalkRuleCheck.evaluate(.unionEqualsTotal, w, at: P.rule).status == .error)
        #expect(WalkRuleCheck.evaluate(.pastEndEmpty, w, at: P.rule).status == .error)
    }
}
