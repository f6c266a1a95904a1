import ConformCore

/// Catalog drift between two runs: per suite × list operation × target, the models added, removed (confirmed
/// by a 404/410 fetch or not) and changed (which members, from what to what) — or why no comparison can be made.
///
/// Pure: reads two decoded `RunResult`s (their `suites[].catalogs`), sends nothing.
public struct CatalogDiff: Sendable, Hashable {
    /// One entry per aligned listing: AFTER's order first, then listings only BEFORE had.
    public var comparisons: [CatalogComparison]

    public init(comparisons: [CatalogComparison]) { self.comparisons = comparisons }

    /// True when any comparison found a model added, removed or changed.
    public var hasChanges: Bool { comparisons.contains { !$0.added.isEmpty || !$0.removed.isEmpty || !$0.changed.isEmpty } }

    /// True when any comparison could not be made.
    public var hasInconclusive: Bool { comparisons.contains { $0.inconclusive != nil } }
}

/// One list operation's catalog, BEFORE against AFTER.
public struct CatalogComparison: Sendable, Hashable {
    public var suite: String
    public var operation: String
    /// The targets each side listed (nil when that side recorded no listing for this suite and operation).
    public var beforeTarget: String?
    public var afterTarget: String?
    public var beforeStatus: CatalogListing.Status?
    public var afterStatus: CatalogListing.Status?
    /// Items with an id on each side.
    public var beforeCount: Int
    public var afterCount: Int
    /// Why the catalogs cannot be compared (a failed, errored, incomplete or suddenly empty listing, a side
    /// without a listing, a changed `itemId`); nil when they were. When set, added/removed/changed are empty.
    public var inconclusive: String?
    /// Ids listed now and not before, sorted.
    public var added: [String]
    /// Ids listed before and not now, sorted.
    public var removed: [CatalogRemoval]
    /// Ids listed on both sides whose content hash differs, sorted.
    public var changed: [CatalogChange]
    /// Ids listed on both sides with the same content.
    public var unchanged: Int

    public init(suite: String, operation: String, beforeTarget: String?, afterTarget: String?,
                beforeStatus: CatalogListing.Status?, afterStatus: CatalogListing.Status?, beforeCount: Int, afterCount: Int,
                inconclusive: String?, added: [String] = [], removed: [CatalogRemoval] = [], changed: [CatalogChange] = [],
                unchanged: Int = 0) {
        self.suite = suite; self.operation = operation; self.beforeTarget = beforeTarget; self.afterTarget = afterTarget
        self.beforeStatus = beforeStatus; self.afterStatus = afterStatus; self.beforeCount = beforeCount; self.afterCount = afterCount
        self.inconclusive = inconclusive; self.added = added; self.removed = removed; self.changed = changed; self.unchanged = unchanged
    }

    /// Removals confirmed by a 404/410.
    public var confirmedRemovals: Int { removed.filter(\.confirmed).count }
}

/// A model listed before and not now.
public struct CatalogRemoval: Sendable, Hashable {
    public var id: String
    /// True when AFTER's run fetched it by id and got 404 or 410.
    public var confirmed: Bool
    /// The status the fetch got, when one was made and answered.
    public var status: Int?
    /// How it was (or was not) confirmed: "answered 410", "still answers 200 by id", "not fetched: …".
    public var note: String

    public init(id: String, confirmed: Bool, status: Int? = nil, note: String) {
        self.id = id; self.confirmed = confirmed; self.status = status; self.note = note
    }
}

/// A model listed on both sides with different content.
public struct CatalogChange: Sendable, Hashable {
    public var id: String
    /// The members that differ, sorted by name (empty when `membersRecorded` is false).
    public var members: [CatalogMemberChange]
    /// False when either side kept no member detail for this item (past `CatalogListing.itemsWithMembers`).
    public var membersRecorded: Bool

    public init(id: String, members: [CatalogMemberChange], membersRecorded: Bool) {
        self.id = id; self.members = members; self.membersRecorded = membersRecorded
    }
}

/// One top-level member that differs: its values (redacted, trimmed canonical JSON), nil where absent.
public struct CatalogMemberChange: Sendable, Hashable {
    public var name: String
    public var before: String?
    public var after: String?

    public init(name: String, before: String?, after: String?) { self.name = name; self.before = before; self.after = after }
}
