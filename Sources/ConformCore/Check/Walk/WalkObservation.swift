/// What a pagination walk saw, page by page: the input of every `walk.*` rule.
///
/// The runner fills it from the responses (evaluating the walk's `items`, `total`, `hasMore`, `next`
/// and `previous` expressions); the rules are pure functions of it.
public struct WalkObservation: Sendable {
    /// One page as seen by the walk.
    public struct Page: Sendable {
        /// Label for messages: `page 2` (page style) or `page 2 (cursor "abc")`.
        public var label: String
        /// The id of each of the page's items, in order (nil for an item without the id member); nil when the
        /// `items` expression did not yield an array. The rules read ids and counts only, so a walk keeps no item.
        public var ids: [JSONValue?]?
        /// How many items the page held; nil when the `items` expression did not yield an array.
        public var itemCount: Int? { ids?.count }
        /// JSON Pointer of the items array in the page body (`/items`), for finding pointers.
        public var itemsPointer: String
        /// The reported total, when the walk names one and the page has it.
        public var total: JSONValue?
        /// The has-more flag, when the walk names one and it is a boolean.
        public var hasMore: Bool?
        /// A next / previous link is present (non-null, non-empty).
        public var hasNext: Bool
        public var hasPrevious: Bool
        /// The page's request as a curl line, for a page other than the walk's first (whose line is the case's):
        /// a rule's finding about this page is reproduced by it.
        public var curl: String?

        public init(label: String, ids: [JSONValue?]?, itemsPointer: String = "", total: JSONValue? = nil,
                    hasMore: Bool? = nil, hasNext: Bool = false, hasPrevious: Bool = false) {
            self.label = label; self.ids = ids; self.itemsPointer = itemsPointer; self.total = total
            self.hasMore = hasMore; self.hasNext = hasNext; self.hasPrevious = hasPrevious
        }
    }

    /// The pages with content, in order (a terminating empty page in page style is `pastEnd`, not a page).
    public var pages: [Page]
    /// The page requested after the last one, when it was fetched.
    public var pastEnd: Page?
    /// The page size the walk asked for (or the API's fixed size).
    public var size: Int
    /// The member identifying an item (`id`).
    public var itemId: String
    /// False when the walk stopped at `maxPages` or on an error before reaching the last page.
    public var complete: Bool
    /// The walk reads a `previous` link, so its presence is checked too.
    public var tracksPrevious: Bool

    public init(pages: [Page], pastEnd: Page? = nil, size: Int, itemId: String = "id", complete: Bool = true,
                tracksPrevious: Bool = false) {
        self.pages = pages; self.pastEnd = pastEnd; self.size = size; self.itemId = itemId; self.complete = complete
        self.tracksPrevious = tracksPrevious
    }

    /// Goes over the ids once, in order, calling `repeated` for each id listed before, with the page and index where
    /// it was first listed; returns how many distinct ids the pages list. The ids stay where the pages keep them:
    /// the index holds positions (`PositionIndex`), not copies, so a 100,000-item walk costs ≈ 2 MB here.
    func distinctIds(repeated: (_ id: JSONValue, _ page: Int, _ index: Int, _ firstPage: Int, _ firstIndex: Int) -> Void = { _, _, _, _, _ in }) -> Int {
        // Position = the item's place over all pages; `starts[p]` is page p's first position.
        var starts: [Int] = []
        starts.reserveCapacity(pages.count)
        var next = 0
        for page in pages { starts.append(next); next += page.ids?.count ?? 0 }
        func locate(_ position: Int) -> (page: Int, index: Int) {
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= position { low = mid } else { high = mid - 1 }
            }
            return (low, position - starts[low])
        }
        func idAt(_ position: Int) -> JSONValue {
            let (p, i) = locate(position)
            return pages[p].ids![i]!
        }
        var index = PositionIndex()
        for (p, page) in pages.enumerated() {
            for (i, id) in (page.ids ?? []).enumerated() {
                guard let id else { continue }
                if let first = index.insert(starts[p] + i, hash: id.hashValue, hashAt: { idAt($0).hashValue },
                                            matches: { idAt($0) == id }) {
                    let (fp, fi) = locate(first)
                    repeated(id, p, i, fp, fi)
                }
            }
        }
        return index.count
    }

    /// The pointer of the id of item `index` on page `page` (`/items/3/id`), for findings.
    /// (Findings about one page carry its curl line: `Finding.about(_:)`.)
    func pointer(page: Int, index: Int) -> String { "\(pages[page].itemsPointer)/\(index)/\(JSONPointer.escape(itemId))" }

    /// Items that carry no id member.
    var unidentifiedItemCount: Int {
        pages.reduce(0) { count, page in count + (page.ids ?? []).reduce(0) { $0 + ($1 == nil ? 1 : 0) } }
    }

    /// The total reported by the last page that reports one.
    var lastTotal: JSONValue? { pages.last(where: { $0.total != nil })?.total }
}

extension Finding {
    /// This finding, reproduced by `page`'s request when it is not the walk's first.
    func about(_ page: WalkObservation.Page) -> Finding {
        var f = self
        f.curl = page.curl ?? f.curl
        return f
    }
}
