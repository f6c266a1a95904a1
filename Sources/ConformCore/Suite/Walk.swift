/// `walks[]`: a pagination walk — fetch every page and check what must hold across them.
///
/// ```json
/// { "id": "walk", "name": "walks every page", "operation": "list", "style": "page",
///   "pageParam": "page", "sizeParam": "limit", "size": 3, "firstPage": 1,
///   "items": "items", "itemId": "id", "total": "total_item_count",
///   "checks": ["noDuplicateIds", "unionEqualsTotal", "stableTotal", "fullPages", "pastEndEmpty"] }
/// ```
public struct Walk: Sendable {
    public enum Style: String, Sendable, Hashable {
        /// Page number parameter (`page`), optional page size parameter (`limit`, `per_page`).
        case page
        /// Opaque cursor taken from each response (`cursor` expression) and sent as `cursorParam`.
        case cursor
        /// Absolute or relative URL of the next page taken from each response (`next` expression).
        case link
    }

    /// The cross-page rules a walk can check (`checks`).
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// No item id appears on two pages (or twice on one).
        case noDuplicateIds
        /// The number of distinct ids over all pages equals the total.
        case unionEqualsTotal
        /// The total is the same on every page.
        case stableTotal
        /// Every page but the last holds exactly the page size.
        case fullPages
        /// A page past the last one is empty.
        case pastEndEmpty
        /// `hasMore` is true on every page but the last and false on the last.
        case hasMoreConsistent
        /// `next` is present exactly on pages before the last; `previous` exactly on pages after the first.
        case linksConsistent
    }

    public var id: String
    public var name: String
    public var description: String?
    public var operation: String
    public var style: Style
    /// `query`: fixed query parameters sent on every page.
    public var query: [(String, JSONValue)]
    /// `pageParam` (page style) and `firstPage` (default 1).
    public var pageParam: String?
    public var firstPage: Int
    /// `sizeParam`: query parameter carrying the page size; nil when the API pages at a fixed size.
    public var sizeParam: String?
    /// `size`: the page size sent (or the fixed size the API documents, e.g. 30 for Open WebUI).
    public var size: Int
    /// `cursorParam` and `cursor` (cursor style).
    public var cursorParam: String?
    public var cursor: Expression?
    /// `next` and `previous`: expressions for the link to the next/previous page (link style, `linksConsistent`).
    public var next: Expression?
    public var previous: Expression?
    /// `items`: expression for the page's items (`items`, `models`, `data`).
    public var items: Expression
    /// `itemId`: member of each item that identifies it (`id`).
    public var itemId: String
    /// `total`: expression for the total over all pages (`total_item_count`, `meta.total`); optional.
    public var total: Expression?
    /// `hasMore`: expression for the "more pages" flag (`has_more`); optional.
    public var hasMore: Expression?
    /// `maxPages`: the most pages the walk reads when no page reports the list's total (default 10,000, the
    /// `--max-requests` default); a reported total replaces it. Reaching it skips the whole-list rules.
    public var maxPages: Int
    /// `maxPages` when the suite gives none.
    public static let defaultMaxPages = 10_000
    public var rules: [Rule]
    /// `pageInvariants`: checked on every page; the variable `page` holds the page number requested.
    public var pageInvariants: [Invariant]
    public var pointer: JSONPointer

    public init(id: String, name: String, description: String? = nil, operation: String, style: Style = .page,
                query: [(String, JSONValue)] = [], pageParam: String? = nil, firstPage: Int = 1, sizeParam: String? = nil,
                size: Int, cursorParam: String? = nil, cursor: Expression? = nil, next: Expression? = nil,
                previous: Expression? = nil, items: Expression, itemId: String = "id", total: Expression? = nil,
                hasMore: Expression? = nil, maxPages: Int = Walk.defaultMaxPages, rules: [Rule], pageInvariants: [Invariant] = [],
                pointer: JSONPointer) {
        self.id = id; self.name = name; self.description = description; self.operation = operation; self.style = style
        self.query = query; self.pageParam = pageParam; self.firstPage = firstPage; self.sizeParam = sizeParam
        self.size = size; self.cursorParam = cursorParam; self.cursor = cursor; self.next = next; self.previous = previous
        self.items = items; self.itemId = itemId; self.total = total; self.hasMore = hasMore; self.maxPages = maxPages
        self.rules = rules; self.pageInvariants = pageInvariants; self.pointer = pointer
    }
}

/// `crossChecks[]`: each item from a list call can be fetched on its own and agrees with the listed one.
///
/// ```json
/// { "id": "get-each", "name": "each listed model can be fetched", "list": "list", "listQuery": {"limit": 10},
///   "items": "items", "fetch": "get", "pathParam": "model_id", "itemId": "id",
///   "agree": ["id", "name", "model_type", "model_vendor", "status"], "max": 10 }
/// ```
public struct CrossCheck: Sendable {
    public var id: String
    public var name: String
    public var description: String?
    /// `list`: operation id of the list call; `listQuery`: its query.
    public var listOperation: String
    public var listQuery: [(String, JSONValue)]
    /// `items`: expression for the listed items.
    public var items: Expression
    /// `fetch`: operation id of the get-by-id call; `pathParam`: its path parameter; `itemId`: the member of
    /// a listed item that fills it.
    public var fetchOperation: String
    public var pathParam: String
    public var itemId: String
    /// `agree`: members that must be equal in the listed and the fetched object (when the listed one has them).
    public var agree: [String]
    /// `max`: fetch at most this many items (default 20).
    public var max: Int
    public var pointer: JSONPointer

    public init(id: String, name: String, description: String? = nil, listOperation: String,
                listQuery: [(String, JSONValue)] = [], items: Expression, fetchOperation: String, pathParam: String,
                itemId: String = "id", agree: [String], max: Int = 20, pointer: JSONPointer) {
        self.id = id; self.name = name; self.description = description; self.listOperation = listOperation
        self.listQuery = listQuery; self.items = items; self.fetchOperation = fetchOperation; self.pathParam = pathParam
        self.itemId = itemId; self.agree = agree; self.max = max; self.pointer = pointer
    }
}
