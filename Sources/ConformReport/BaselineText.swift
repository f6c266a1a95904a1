import ConformCore

/// The words the three reports and the console use for baseline classes, so they say the same thing.
public enum BaselineText {
    /// `known failure: vendor omits owned_by (expires 2026-12-31; https://example.com/T-12)` for an accepted check.
    public static func knownMessage(_ check: CheckResult) -> String {
        let marks = unique(check.findings.compactMap(\.baseline).filter { $0.classification == .known })
        return "known failure: " + marks.map(describe).joined(separator: "; ")
    }

    /// `expired baseline entry 5e0b6a8f1c2d3e4f (expired 2026-11-01: vendor omits owned_by)` for each expired finding, or nil.
    public static func expiredNote(_ check: CheckResult) -> String? {
        let expired = check.findings.filter { $0.baseline?.classification == .expired }
        guard !expired.isEmpty else { return nil }
        return expired.map { f in
            "expired baseline entry \(f.id ?? "?") (expired \(f.baseline?.expires ?? "?"): \(f.baseline?.reason ?? ""))"
        }.joined(separator: "; ")
    }

    /// `vendor omits owned_by (expires 2026-12-31; https://…)`.
    public static func describe(_ mark: BaselineMark) -> String {
        let extra = [mark.expires.map { "expires " + $0 }, mark.ticket].compactMap { $0 }
        return (mark.reason ?? "") + (extra.isEmpty ? "" : " (" + extra.joined(separator: "; ") + ")")
    }

    /// `Baseline baseline.json: 1 known (accepted), 0 new, 0 expired, 1 stale, 0 unobserved, 0 orphaned`.
    public static func countsLine(_ b: BaselineSummary) -> String {
        let c = b.counts
        var line = "Baseline \(b.file): \(c.known) known (accepted), \(c.new) new, \(c.expired) expired, \(c.stale) stale"
            + (b.allowStale && c.stale > 0 ? " (allowed)" : "") + ", \(c.unobserved) unobserved, \(c.orphaned) orphaned"
        if c.expiringSoon > 0 { line += ", \(c.expiringSoon) expiring within \(BaselineSummary.expiringSoonDays) days" }
        return line
    }

    /// `STALE 5e0b6a8f1c2d3e4f openai-list-models › list › required property at /data/*: fixed: …; reason: …`.
    public static func entryLine(_ e: BaselineSummary.Entry) -> String {
        let label = e.classification == .known ? "EXPIRING SOON" : e.classification.rawValue.uppercased()
        let place = [e.suite, e.caseId, e.title].compactMap { $0 }.joined(separator: " › ")
        return "\(label) \(e.id)" + (place.isEmpty ? "" : " \(place)") + ": \(e.note) (reason: \(e.reason))"
    }

    /// Whether an entry of this standing fails the run.
    public static func fails(_ e: BaselineSummary.Entry, allowStale: Bool) -> Bool {
        e.classification == .expired || (e.classification == .stale && !allowStale)
    }

    private static func unique(_ marks: [BaselineMark]) -> [BaselineMark] {
        var seen = Set<BaselineMark>()
        return marks.filter { seen.insert($0).inserted }
    }
}
