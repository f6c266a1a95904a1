extension CatalogListing {
    /// Items past this many in one listing keep id and hash only (bounds results.json: ≈ 2,000 × a model's members).
    public static let itemsWithMembers = 2_000
    /// At most this many top-level members are kept per item (in key order); the item hash still covers all.
    public static let membersPerItem = 64
    /// Member values are kept to this many characters of their canonical text.
    public static let valueCharacters = 120

    /// A listing of `items` as the list answered them: ids taken from `itemId`, content hashed canonically.
    /// Every text written (ids, member values) goes through `redact` first, and hashes are taken of the redacted
    /// text, so a secret echoed in a catalog never reaches the results file, not even as a hash.
    public static func record(operation: String, source: String, itemId: String, status: Status, reason: String? = nil,
                              requests: Int, items: [JSONValue], redact: (String) -> String) -> CatalogListing {
        var builder = Builder(itemId: itemId)
        builder.add(items, redact: redact)
        return builder.listing(operation: operation, source: source, status: status, reason: reason, requests: requests)
    }

    /// A listing built a page at a time (a walk keeps no page after reading it): ids, hashes and, for the first
    /// `itemsWithMembers` items, members — the same record `record` makes of all the items at once.
    public struct Builder: Sendable {
        public let itemId: String
        /// The ids recorded, as positions in `recorded` (no second copy of 100,000 ids).
        private var seen = PositionIndex()
        private var recorded: [CatalogItem] = []
        private var withoutId = 0

        public init(itemId: String) { self.itemId = itemId }

        /// Items recorded so far (distinct ids).
        public var count: Int { recorded.count }

        /// Records the items of one answer, in order; an id already recorded is skipped.
        public mutating func add(_ items: [JSONValue], redact: (String) -> String) {
            for item in items {
                guard let raw = CatalogListing.id(of: item, member: itemId) else { withoutId += 1; continue }
                let id = redact(raw)
                let known = seen.insert(recorded.count, hash: id.hashValue, hashAt: { [recorded] in recorded[$0].id.hashValue },
                                        matches: { [recorded] in recorded[$0].id == id })
                guard known == nil else { continue }
                let detail = recorded.count < itemsWithMembers
                recorded.append(CatalogItem(id: id, hash: SHA256.digest(of: redact(CanonicalJSON.text(item)).utf8),
                                            members: detail ? CatalogListing.members(of: item, redact: redact) : nil))
            }
        }

        /// The listing of everything added.
        public func listing(operation: String, source: String, status: Status, reason: String?, requests: Int) -> CatalogListing {
            let settled: Status = status == .complete && recorded.isEmpty && withoutId == 0 ? .empty : status
            return CatalogListing(operation: operation, source: source, itemId: itemId, status: settled, reason: reason,
                                  requests: requests, items: recorded, itemsWithoutId: withoutId)
        }
    }

    /// A string id as it is, a number id as its text; nil for anything else.
    static func id(of item: JSONValue, member: String) -> String? {
        switch item[member] {
        case .string(let s)?: return s
        case .number(let n)?: return n.text
        default: return nil
        }
    }

    /// The item's top-level members in canonical key order (none for an item that is not an object).
    static func members(of item: JSONValue, redact: (String) -> String) -> [CatalogMember] {
        guard let object = item.objectValue else { return [] }
        let names = object.keys.sorted(by: CanonicalJSON.utf8Precedes).prefix(membersPerItem)
        return names.map { key in
            let value = object[key] ?? .null
            let text = redact(CanonicalJSON.text(value))
            return CatalogMember(name: redact(key), hash: SHA256.digest(of: text.utf8).hexPrefix(16),
                                 value: JSONValue.trim(text, valueCharacters))
        }
    }
}
