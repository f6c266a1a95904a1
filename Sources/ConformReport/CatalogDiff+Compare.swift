import ConformCore

extension CatalogDiff {
    /// Aligns BEFORE's and AFTER's catalogs by suite × operation × target and compares each pair.
    ///
    /// `target` labels a suite's target (default: its `target` label, `--target-name` or host:port, falling back to
    /// the base URL for results written before targets were recorded). A listing whose target has no counterpart is
    /// still aligned with the one listing of the same suite and operation left on the other side, so two runs
    /// against the same API behind different ports compare; the comparison shows both targets.
    public static func compare(before: RunResult, after: RunResult,
                               target: (SuiteResult) -> String = { $0.target.isEmpty ? $0.baseURL : $0.target }) -> CatalogDiff {
        typealias Side = (suite: String, target: String, listing: CatalogListing)
        let old: [Side] = before.suites.flatMap { s in s.catalogs.map { (s.suite, target(s), $0) } }
        let new: [Side] = after.suites.flatMap { s in s.catalogs.map { (s.suite, target(s), $0) } }
        var oldUsed = [Bool](repeating: false, count: old.count)
        var partner = [Int?](repeating: nil, count: new.count)
        func claim(_ k: Int, where match: (Side) -> Bool) {
            guard partner[k] == nil, let j = old.indices.first(where: { !oldUsed[$0] && match(old[$0]) }) else { return }
            oldUsed[j] = true
            partner[k] = j
        }
        for (k, n) in new.enumerated() {
            claim(k) { $0.suite == n.suite && $0.listing.operation == n.listing.operation && $0.target == n.target }
        }
        for (k, n) in new.enumerated() {
            claim(k) { $0.suite == n.suite && $0.listing.operation == n.listing.operation }
        }
        var comparisons = new.indices.map { k in
            comparison(before: partner[k].map { old[$0] }, after: new[k])
        }
        for (j, o) in old.enumerated() where !oldUsed[j] {
            comparisons.append(comparison(before: o, after: nil))
        }
        return CatalogDiff(comparisons: comparisons)
    }

    private static func comparison(before: (suite: String, target: String, listing: CatalogListing)?,
                                   after: (suite: String, target: String, listing: CatalogListing)?) -> CatalogComparison {
        let b = before?.listing, a = after?.listing
        var result = CatalogComparison(suite: after?.suite ?? before?.suite ?? "", operation: a?.operation ?? b?.operation ?? "",
                                       beforeTarget: before?.target, afterTarget: after?.target,
                                       beforeStatus: b?.status, afterStatus: a?.status,
                                       beforeCount: b?.items.count ?? 0, afterCount: a?.items.count ?? 0, inconclusive: nil)
        guard let b, let a else {
            result.inconclusive = b == nil ? "BEFORE recorded no catalog for this operation"
                : "AFTER recorded no catalog for this operation (not run, or filtered out)"
            return result
        }
        if let reason = inconclusiveReason(before: b, after: a) {
            result.inconclusive = reason
            return result
        }
        let beforeByID = Dictionary(b.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterIDs = Set(a.items.map(\.id))
        let checks = Dictionary((a.confirmation?.checks ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for item in a.items {
            guard let old = beforeByID[item.id] else { result.added.append(item.id); continue }
            if old.hash == item.hash { result.unchanged += 1; continue }
            result.changed.append(change(old, item))
        }
        for item in b.items where !afterIDs.contains(item.id) {
            result.removed.append(removal(item.id, check: checks[item.id], confirmation: a.confirmation))
        }
        result.added.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        result.removed.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        result.changed.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return result
    }

    /// Why two listings cannot be compared, or nil. A listing that failed, errored, stopped early or suddenly came
    /// back empty never reads as "every model removed".
    static func inconclusiveReason(before b: CatalogListing, after a: CatalogListing) -> String? {
        for (side, listing) in [("AFTER", a), ("BEFORE", b)] {
            switch listing.status {
            case .failed, .errored, .incomplete:
                return "\(side)'s listing \(listing.status.rawValue)" + (listing.reason.map { ": \($0)" } ?? "")
            case .complete, .empty: continue
            }
        }
        if a.status == .empty && b.status != .empty {
            return "AFTER's listing came back empty; BEFORE listed \(b.items.count) item\(b.items.count == 1 ? "" : "s")"
        }
        if a.itemId != b.itemId {
            return "items are identified by '\(b.itemId)' in BEFORE and '\(a.itemId)' in AFTER, so their ids do not compare"
        }
        return nil
    }

    private static func change(_ old: CatalogItem, _ new: CatalogItem) -> CatalogChange {
        guard let before = old.members, let after = new.members else {
            return CatalogChange(id: new.id, members: [], membersRecorded: false)
        }
        let beforeByName = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByName = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(beforeByName.keys).union(afterByName.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let members = names.compactMap { name -> CatalogMemberChange? in
            let x = beforeByName[name], y = afterByName[name]
            guard x?.hash != y?.hash else { return nil }
            return CatalogMemberChange(name: name, before: x?.value, after: y?.value)
        }
        return CatalogChange(id: new.id, members: members, membersRecorded: true)
    }

    private static func removal(_ id: String, check: RemovalCheck?, confirmation: RemovalConfirmation?) -> CatalogRemoval {
        if let check {
            if check.confirmsRemoval { return CatalogRemoval(id: id, confirmed: true, status: check.status, note: "answered \(check.status ?? 0) by id") }
            if let status = check.status { return CatalogRemoval(id: id, confirmed: false, status: status, note: "still answers \(status) by id") }
            return CatalogRemoval(id: id, confirmed: false, note: "fetch by id failed: \(check.error ?? "no response")")
        }
        guard let confirmation else {
            return CatalogRemoval(id: id, confirmed: false, note: "not fetched (AFTER ran without --confirm-removals)")
        }
        return CatalogRemoval(id: id, confirmed: false, note: "not fetched: \(confirmation.note ?? "not among the items fetched")")
    }
}
