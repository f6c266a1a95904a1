import ConformCore

/// How many requests a walk may send, following what its pages announce.
///
/// - `--max-requests N` (`RunOptions.maxRequestsPerWalk`, default `WalkBudget.defaultMaxRequests`) caps every
///   walk: no walk ever sends more.
/// - Within that cap the walk follows the API. When a page reports the total (page style), the walk may read
///   the ⌈total ÷ size⌉ pages it announces and the page past them, however many that is — a catalog that
///   grows never turns into an error; otherwise the suite's `maxPages` (default: the cap) bounds it.
/// - A budget spent while the list announced more than the walk may read is `budgetReached`: the rules that
///   need the whole list are skipped with that reason, never failed. A list that goes on past the total it
///   announced is the target's fault (`pastAnnouncedTotal`).
struct WalkBudget: Sendable {
    /// The cap on any walk's requests when `--max-requests` is not given.
    static let defaultMaxRequests = 10_000

    enum Spent: Equatable {
        /// The budget ran out before the list ended (`requests` sent; what the list announced, when it did).
        case budgetReached(requests: Int, announcedTotal: Int?, announcedPages: Int?, capped: Bool)
        /// The walk read every page its announced total allows, and the list still goes on.
        case pastAnnouncedTotal(requests: Int, total: Int, pages: Int)
    }

    let walk: Walk
    /// `--max-requests`, when given.
    let maxRequests: Int?
    /// The latest total a page reported (an integer ≥ 0).
    private(set) var announcedTotal: Int?

    init(walk: Walk, maxRequests: Int?) {
        self.walk = walk; self.maxRequests = maxRequests
    }

    /// The hard cap: `--max-requests`, or the default.
    var cap: Int { max(1, maxRequests ?? Self.defaultMaxRequests) }

    /// Pages the announced total takes at the walk's page size (page style only: other styles' page sizes are
    /// the server's to choose).
    var announcedPages: Int? {
        guard walk.style == .page, let total = announcedTotal, walk.size > 0 else { return nil }
        return (total + walk.size - 1) / walk.size
    }

    /// The requests this walk may send now: the announced pages and the one past them when a page reported
    /// the total, else `maxPages`; never more than the cap.
    var allowed: Int {
        if let pages = announcedPages { return min(cap, pages + 1) }
        return min(cap, walk.maxPages)
    }

    /// Reads what one page announces.
    mutating func read(_ page: WalkObservation.Page) {
        guard case .number(let n)? = page.total, let total = n.int64Value, total >= 0 else { return }
        announcedTotal = Int(clamping: total)
    }

    /// Nil while the walk may send another request; else why it may not.
    func spent(requests: Int) -> Spent? {
        guard requests >= allowed else { return nil }
        if let pages = announcedPages, let total = announcedTotal, pages + 1 <= cap {
            return .pastAnnouncedTotal(requests: requests, total: total, pages: pages)
        }
        return .budgetReached(requests: requests, announcedTotal: announcedTotal, announcedPages: announcedPages,
                              capped: allowed == cap)
    }
}

extension PaginationWalk {
    /// The check and catalog status for a spent budget: skipped whole-list rules (budget reached) or a failure
    /// of the target (past its announced total).
    func budgetStop(_ spent: WalkBudget.Spent, pages: Int) -> (CheckResult, (status: CatalogListing.Status, reason: String)) {
        let rule = run.rule(walk.pointer.appending("maxPages"))
        let name = CheckKind.walkMaxPages.title
        switch spent {
        case .budgetReached(let requests, let total, let announcedPages, let capped):
            let announced = total.map { t in " of the \(announcedPages.map { "\($0) pages (\(t) items)" } ?? "\(t) items") the list announced" } ?? ""
            let limit = capped
                ? (run.options.maxRequestsPerWalk.map { "--max-requests \($0)" } ?? "the default --max-requests \(WalkBudget.defaultMaxRequests)")
                : "maxPages \(walk.maxPages)"
            let reason = "request budget reached: \(requests) request\(requests == 1 ? "" : "s") (\(limit))\(announced); raise \(capped ? "--max-requests" : "maxPages or pass --max-requests") to read the whole list"
            return (CheckResult(name: name, check: CheckKind.walkMaxPages.id, status: .skipped, skipReason: reason), (.incomplete, reason))
        case .pastAnnouncedTotal(let requests, let total, let pagesNeeded):
            let f = rule.finding(check: CheckKind.walkMaxPages.id, title: "the list goes on past its announced total",
                                 detail: "after \(requests) requests (\(pages) pages of items) the list still announced more, though its total of \(total) fits in \(pagesNeeded) pages of \(walk.size)",
                                 expected: "the last page by page \(pagesNeeded)", actual: "more pages after \(requests) requests")
            return (CheckResult.from(name: name, check: CheckKind.walkMaxPages.id, findings: [f]),
                    (.incomplete, "the list went on past its announced total of \(total) items (\(pagesNeeded) pages)"))
        }
    }
}
