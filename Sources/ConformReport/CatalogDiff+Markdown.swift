import ConformCore

extension CatalogDiff {
    /// The diff as Markdown for a PR comment or job summary: a table with one row per listing, then per listing
    /// that changed at most `limit` added, `limit` removed and `limit` changed models (each changed model with at
    /// most `limit` members), each list ending "… and K more" when cut. Values are the recorded, already redacted
    /// and trimmed texts, escaped so server text never becomes markup.
    ///
    /// ```
    /// ### Catalog drift
    ///
    /// | suite › operation | before | after | added | removed (confirmed) | changed | note |
    /// | :-- | --: | --: | --: | --: | --: | :-- |
    /// | e2e-models › list | 20 | 15 | 0 | 5 (5) | 0 |  |
    ///
    /// **e2e-models › list**
    /// - removed: `model-0016` (confirmed: answered 404 by id), …
    /// - changed: `model-0003`: `owned_by` `"acme"` → `"globex"`
    /// ```
    public func markdown(limit: Int = 10) -> String {
        let limit = max(1, limit)
        var lines = ["### Catalog drift", ""]
        guard !comparisons.isEmpty else { return (lines + ["No catalog was recorded by either run."]).joined(separator: "\n") + "\n" }
        var table = MarkdownTable([("suite › operation", .left), ("before", .right), ("after", .right), ("added", .right),
                                   ("removed (confirmed)", .right), ("changed", .right), ("note", .left)])
        for c in comparisons {
            let compared = c.inconclusive == nil
            table.add([MarkdownText.inline("\(c.suite) › \(c.operation)"), count(c.beforeCount, c.beforeStatus), count(c.afterCount, c.afterStatus),
                       compared ? String(c.added.count) : "—", compared ? "\(c.removed.count) (\(c.confirmedRemovals))" : "—",
                       compared ? String(c.changed.count) : "—", MarkdownText.inline(note(c))])
        }
        lines.append(table.render())
        for c in comparisons where c.inconclusive == nil && (!c.added.isEmpty || !c.removed.isEmpty || !c.changed.isEmpty) {
            lines += ["", "**" + MarkdownText.inline("\(c.suite) › \(c.operation)") + "**"]
            if !c.added.isEmpty { lines.append("- added: " + bounded(c.added.map { MarkdownText.code($0) }, limit: limit)) }
            if !c.removed.isEmpty {
                lines.append("- removed: " + bounded(c.removed.map { r in
                    MarkdownText.code(r.id) + " (" + (r.confirmed ? "confirmed" : "unconfirmed") + ": " + MarkdownText.inline(r.note) + ")"
                }, limit: limit))
            }
            if !c.changed.isEmpty {
                lines.append("- changed:")
                for change in c.changed.prefix(limit) { lines.append("  - " + changeLine(change, limit: limit)) }
                if c.changed.count > limit { lines.append("  - … and \(c.changed.count - limit) more") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func count(_ n: Int, _ status: CatalogListing.Status?) -> String {
        guard let status else { return "—" }
        return status == .complete || status == .empty ? String(n) : "\(n) (\(status.rawValue))"
    }

    private func note(_ c: CatalogComparison) -> String {
        if let reason = c.inconclusive { return "inconclusive: " + reason }
        if let x = c.beforeTarget, let y = c.afterTarget, x != y { return "target \(x) → \(y)" }
        return ""
    }

    private func changeLine(_ change: CatalogChange, limit: Int) -> String {
        let id = MarkdownText.code(change.id)
        guard change.membersRecorded else { return id + ": content changed (member detail not recorded for this item)" }
        let members = change.members.map { m in
            MarkdownText.code(m.name) + " " + (m.before.map { MarkdownText.code($0) } ?? "*(absent)*") + " → "
                + (m.after.map { MarkdownText.code($0) } ?? "*(absent)*")
        }
        guard !members.isEmpty else { return id + ": content changed beyond the members recorded" }
        return id + ": " + bounded(members, limit: limit, separator: "; ")
    }

    private func bounded(_ entries: [String], limit: Int, separator: String = ", ") -> String {
        let shown = entries.prefix(limit).joined(separator: separator)
        return entries.count > limit ? shown + separator + "… and \(entries.count - limit) more" : shown
    }
}
