import ConformCore

/// `conform baseline add` refused: what is wrong and what would be right.
public struct BaselineAddError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension BaselineFile {
    /// What `adding` did: entries added, and entries already listed whose `lastSeen` (and location) was refreshed.
    public struct Addition: Sendable, Equatable {
        public var added: [String] = []
        public var refreshed: [String] = []
    }

    /// Adds the run's failures (or only those with `ids`) with `reason`, `expires` and `ticket`. Entries already
    /// listed keep their reason, ticket, expiry and `firstSeen`; their `lastSeen` becomes `seenOn` when later.
    /// An empty reason, an id that is not a failure of the run, or a bad ticket is refused.
    public mutating func adding(_ run: RunResult, reason: String, expires: BaselineDate? = nil, ticket: String? = nil,
                                ids: [String] = [], seenOn: BaselineDate) throws(BaselineAddError) -> Addition {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw BaselineAddError("--reason is empty: every accepted failure says why it is accepted")
        }
        if let ticket, !Self.isTicketURL(ticket) { throw BaselineAddError("--ticket must be an http(s) URL, got '\(ticket)'") }
        let candidates = Self.failures(of: run)
        let known = Set(candidates.map(\.id))
        for id in ids where !known.contains(id) {
            let checkHint = candidates.filter { $0.check == id }.map(\.id)
            let hint = checkHint.isEmpty
                ? NearestName.hint(id, in: candidates.map(\.id), quote: "")
                : "; it is a check id, its failing findings are " + checkHint.joined(separator: ", ")
            throw BaselineAddError("--id \(id) is not a failing finding of this run (\(candidates.count) failing finding\(candidates.count == 1 ? "" : "s") in the results)\(hint)")
        }
        let chosen = ids.isEmpty ? candidates : candidates.filter { ids.contains($0.id) }
        var addition = Addition()
        for candidate in chosen {
            if let index = entries.firstIndex(where: { $0.id == candidate.id }) {
                var e = entries[index]
                if e.lastSeen.map({ $0 < seenOn }) ?? true { e.lastSeen = seenOn }
                if e.firstSeen == nil { e.firstSeen = seenOn }
                e.check = candidate.check; e.suite = candidate.suite; e.target = candidate.target; e.caseId = candidate.caseId
                e.checkKind = candidate.checkKind; e.title = candidate.title; e.pointer = candidate.pointer
                entries[index] = e
                addition.refreshed.append(candidate.id)
            } else {
                var e = candidate
                e.reason = reason; e.expires = expires; e.ticket = ticket; e.firstSeen = seenOn; e.lastSeen = seenOn
                entries.append(e)
                addition.added.append(candidate.id)
            }
        }
        return addition
    }

    /// Every failing finding of a run as an entry without a reason (one per id, in run order).
    static func failures(of run: RunResult) -> [BaselineEntry] {
        var seen = Set<String>()
        var out: [BaselineEntry] = []
        for s in run.suites {
            for c in s.cases {
                for check in c.checks {
                    for f in check.findings where f.kind == .failure {
                        guard let id = f.id, seen.insert(id).inserted else { continue }
                        out.append(BaselineEntry(id: id, reason: "", check: check.id, suite: s.suite, target: s.target, caseId: c.id,
                                                 checkKind: check.check, title: f.title,
                                                 pointer: f.wildcardPointer))
                    }
                }
            }
        }
        return out
    }
}
