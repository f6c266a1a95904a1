/// What one run saw of one list operation's catalog: each item's id and content hash, plus bounded
/// per-member detail so a later run can say which members changed (results.json `suites[].catalogs[]`).
public struct CatalogListing: Sendable, Hashable, Codable {
    /// How far the listing got. Only `complete` and `empty` describe the whole catalog.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every page was read (a walk reached its end, or the one-response listing answered as documented).
        case complete
        /// Answered as documented, with no item at all.
        case empty
        /// Some pages were read, then the walk stopped before its last page (a later page failed, `maxPages`).
        case incomplete
        /// The list answered, but not as documented: another status, a body that is not JSON, no item array.
        case failed
        /// No answer: connection refused, timeout, body over the cap, the run's deadline.
        case errored
    }

    /// The list operation's id (`list`).
    public var operation: String
    /// Where the items came from: `walk:ID` (a pagination walk) or `catalog` (the operation's `catalog` member, one request).
    public var source: String
    /// The member of each item that identifies it (the walk's or the `catalog` member's `itemId`).
    public var itemId: String
    public var status: Status
    /// Why the listing is not complete; nil when it is complete or empty.
    public var reason: String?
    /// Requests made to list (pages of a walk, 1 for a `catalog` listing).
    public var requests: Int
    /// Items with an id, in the order listed; an id seen twice is recorded once.
    public var items: [CatalogItem]
    /// Items without a string or number id (not comparable across runs, so counted only).
    public var itemsWithoutId: Int
    /// What `--confirm-removals` found for items of the earlier catalog missing from this one; nil when not asked.
    public var confirmation: RemovalConfirmation?

    public init(operation: String, source: String, itemId: String, status: Status, reason: String? = nil, requests: Int,
                items: [CatalogItem] = [], itemsWithoutId: Int = 0, confirmation: RemovalConfirmation? = nil) {
        self.operation = operation; self.source = source; self.itemId = itemId; self.status = status; self.reason = reason
        self.requests = requests; self.items = items; self.itemsWithoutId = itemsWithoutId; self.confirmation = confirmation
    }
}

/// One listed item: its id, the SHA-256 of its redacted canonical text, and its top-level members.
public struct CatalogItem: Sendable, Hashable, Codable {
    /// The item's id (redacted; numbers as their text).
    public var id: String
    /// SHA-256 of the redacted `CanonicalJSON` text of the whole item (64 hex digits in results files; held as
    /// 32 bytes inline, so a 100,000-item catalog keeps no string per hash).
    public var hash: SHA256.Digest
    /// Top-level members sorted by name (at most `CatalogListing.membersPerItem`); nil for items past
    /// `CatalogListing.itemsWithMembers` in the listing, whose changes can then be told but not itemised.
    public var members: [CatalogMember]?

    public init(id: String, hash: SHA256.Digest, members: [CatalogMember]?) { self.id = id; self.hash = hash; self.members = members }
}

/// One top-level member of a listed item: enough to say it changed, and from what to what.
public struct CatalogMember: Sendable, Hashable, Codable {
    public var name: String
    /// The first 16 hex digits of the SHA-256 of the member value's redacted canonical text.
    public var hash: String
    /// The value's redacted canonical text, trimmed to `CatalogListing.valueCharacters` characters (ending `…` when trimmed).
    public var value: String

    public init(name: String, hash: String, value: String) { self.name = name; self.hash = hash; self.value = value }
}

/// `conform run --confirm-removals BEFORE.json`: each item of BEFORE's catalog missing now, fetched by id.
public struct RemovalConfirmation: Sendable, Hashable, Codable {
    /// The get-by-id operation used; nil when the suite has none (then nothing was fetched and `note` says so).
    public var operation: String?
    /// One entry per item fetched, in BEFORE's order.
    public var checks: [RemovalCheck]
    /// Missing items not fetched because of the cap (`RemovalConfirmation.cap`) or because there is no get-by-id operation.
    public var notChecked: Int
    /// Why some or all were not fetched; nil when every missing item was fetched.
    public var note: String?

    /// At most this many missing items are fetched per listing.
    public static let cap = 50

    public init(operation: String?, checks: [RemovalCheck] = [], notChecked: Int = 0, note: String? = nil) {
        self.operation = operation; self.checks = checks; self.notChecked = notChecked; self.note = note
    }
}

/// One item of the earlier catalog fetched by id: what it answered.
public struct RemovalCheck: Sendable, Hashable, Codable {
    public var id: String
    /// The request sent (redacted).
    public var url: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// Transport error, when none did.
    public var error: String?

    public init(id: String, url: String, status: Int? = nil, error: String? = nil) {
        self.id = id; self.url = url; self.status = status; self.error = error
    }

    /// 404 Not Found or 410 Gone: the item is really gone, not just left out of the list.
    public var confirmsRemoval: Bool { status == 404 || status == 410 }
}
