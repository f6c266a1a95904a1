import ConformCore

/// One accepted failure in a baseline file (`reports/baseline.schema.json`): the finding's id and why it
/// is accepted, written by a person; the dates and where it was seen, maintained by `conform baseline add`.
public struct BaselineEntry: Sendable, Hashable {
    /// The finding id (16 hex digits, `FindingIdentity`).
    public var id: String
    /// Why the failure is accepted; never empty.
    public var reason: String
    /// An http(s) URL of the ticket that tracks the fix.
    public var ticket: String?
    /// The last day the entry accepts the failure; from the day after, the failure fails the run again.
    public var expires: BaselineDate?
    /// The date of the run in which the failure was first added, and of the latest run that re-added it.
    public var firstSeen: BaselineDate?
    public var lastSeen: BaselineDate?
    /// The id of the check the finding belongs to: tells a fixed failure (check ran, finding gone) from an unobserved one.
    public var check: String?
    /// Where the finding was seen: suite id, target label, case id, check kind, finding title, value pointer (`/data/*`).
    public var suite: String?, target: String?, caseId: String?, checkKind: String?, title: String?, pointer: String?

    /// An entry accepting finding `id` for `reason`.
    public init(id: String, reason: String, ticket: String? = nil, expires: BaselineDate? = nil, firstSeen: BaselineDate? = nil,
                lastSeen: BaselineDate? = nil, check: String? = nil, suite: String? = nil, target: String? = nil,
                caseId: String? = nil, checkKind: String? = nil, title: String? = nil, pointer: String? = nil) {
        self.id = id; self.reason = reason; self.ticket = ticket; self.expires = expires; self.firstSeen = firstSeen
        self.lastSeen = lastSeen; self.check = check; self.suite = suite; self.target = target; self.caseId = caseId
        self.checkKind = checkKind; self.title = title; self.pointer = pointer
    }

    /// Past its expiry date on `today` (an entry expiring today still holds today).
    public func isExpired(on today: BaselineDate) -> Bool { expires.map { today > $0 } ?? false }

    /// Not expired, and expiring within `BaselineSummary.expiringSoonDays` of `today`.
    public func isExpiringSoon(on today: BaselineDate) -> Bool {
        guard let expires, !isExpired(on: today) else { return false }
        return today.days(until: expires) <= BaselineSummary.expiringSoonDays
    }

    /// `scale-v5 › list.default › schema › missing required property at /items/*` from whatever the entry records.
    public var summary: String {
        let parts = [suite, caseId, checkKind, title.map { t in pointer.map { t + " at " + $0 } ?? t }].compactMap { $0 }
        return parts.isEmpty ? "finding \(id)" : parts.joined(separator: " › ")
    }
}
