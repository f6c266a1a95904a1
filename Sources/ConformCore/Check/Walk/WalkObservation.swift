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

    /// Calls `body` with the id of every item that has one, in order, with its page and its index there: the
    /// rules walk the ids where the pages keep them instead of copying them out (100,000 of them in a big catalog).
    func forEachId(_ body: (_ id: JSONValue, _ page: Int, _ index: Int) -> Void) {
        for (p, page) in pages.enumerated() {
            for (i, id) in (page.ids ?? []).enumerated() {
                if let id { body(id, p, i) }
            }
        }
    }

    /// How many distinct ids the pages list.
    var distinctIdCount: Int {
        var distinct = Set<JSONValue>()
        forEachId { id, _, _ in distinct.insert(id) }
        return distinct.count
    }

    /// The pointer of the id of item `index` on page `page` (`/items/3/id`), for findings.
    func pointer(page: Int, index: Int) -> String { "\(pages[page].itemsPointer)/\(index)/\(JSONPointer.escape(itemId))" }

    /// Items that carry no id member.
    var unidentifiedItemCount: Int {
        pages.reduce(0) { count, page in count + (page.ids ?? []).reduce(0) { $0 + ($1 == nil ? 1 : 0) } }
    }

    /// The total reported by the last page that reports one.
    var lastTotal: JSONValue? { pages.last(where: { $0.total != nil })?.total }
}
