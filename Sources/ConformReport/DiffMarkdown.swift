import ConformCore

/// Renders a `RunDiff` for a PR comment or a job summary: a verdict line, counts per change, then the new and
/// fixed findings with their evidence and reproduction — never more than `limit` characters, however large
/// the runs ("… more not shown here (2377 new, 2500 fixed): see the JSON").
///
/// ```markdown
/// **✘ 1 new failure** — last night → tonight: 1 new · 1 fixed · 3 still failing · 0 checks added · …
///
/// | Change | Count |
/// …
/// ## New
/// ### ✘ scale-v5 › GET /v5/models › body matches schema: required property
/// missing required property "size" — in 12 places, first at `/items/3`
/// …
/// ```
public enum DiffMarkdown {
    /// GitHub's PR-comment limit is 65,536 characters; stay clear of it.
    public static let limit = 60_000

    /// The diff as Markdown, ending with a newline; `beforeName`/`afterName` label the two files.
    public static func render(_ diff: RunDiff, beforeName: String, afterName: String, catalog: [String] = [],
                              limit: Int = DiffMarkdown.limit) -> String {
        var out = Budget(limit: limit)
        out.add(verdict(diff, beforeName: beforeName, afterName: afterName))
        out.add(countsTable(diff))
        let notes = pairingNotes(diff)
        if !notes.isEmpty { out.add(notes.joined(separator: "\n")) }
        var left: [(String, Int)] = []
        for change in [RunDiff.Change.new, .becameError, .fixed, .recovered, .checkAdded, .checkRemoved] {
            let entries = diff.entries(change)
            guard !entries.isEmpty else { continue }
            var shown = 0
            if out.add("## " + heading(change) + " (\(entries.count))") {
                for entry in entries {
                    guard out.add(block(entry)) else { break }
                    shown += 1
                }
            }
            if shown < entries.count { left.append((change.title, entries.count - shown)) }
        }
        var catalogLeft = 0
        for section in catalog where !out.add(section) { catalogLeft += 1 }
        if !left.isEmpty || catalogLeft > 0 {
            let parts = left.map { "\($0.1) \($0.0)" } + (catalogLeft > 0 ? [ReportFormat.count(catalogLeft, "catalog section")] : [])
            out.close("… more not shown here (" + parts.joined(separator: ", ") + "): see the JSON (`conform diff --json FILE`).")
        }
        return out.text + "\n"
    }

    /// `**✘ 2 new failures** — a.json → b.json: 2 new · 1 fixed · …`.
    static func verdict(_ diff: RunDiff, beforeName: String, afterName: String) -> String {
        let new = diff.count(.new), errors = diff.count(.becameError)
        let head: String
        if new > 0 {
            head = "**✘ " + ReportFormat.count(new, "new failure") + "**" + (errors > 0 ? " and " + ReportFormat.count(errors, "check") + " became an error" : "")
        } else if errors > 0 {
            head = "**⚠ " + ReportFormat.count(errors, "check") + " became an error**"
        } else if diff.count(.fixed) > 0 {
            head = "**✔ No new failures**, " + ReportFormat.count(diff.count(.fixed), "fixed")
        } else {
            head = "**✔ No new failures**"
        }
        let counts = RunDiff.Change.allCases.map { $0.counted(diff.count($0)) }.joined(separator: " · ")
        return head + " — " + MarkdownText.code(beforeName) + " → " + MarkdownText.code(afterName) + ": " + counts
    }

    static func countsTable(_ diff: RunDiff) -> String {
        var table = MarkdownTable([("Change", .left), ("Count", .right), ("Meaning", .left)])
        for change in RunDiff.Change.allCases {
            table.add([change.title, String(diff.count(change)), meaning(change)])
        }
        return table.render()
    }

    static func meaning(_ change: RunDiff.Change) -> String {
        switch change {
        case .new: return "failing now, not before"
        case .fixed: return "failing before, its check passed now"
        case .stillFailing: return "failing in both runs"
        case .checkAdded: return "a check only the after run has"
        case .checkRemoved: return "a check only the before run has"
        case .becameError: return "cases whose checks ran before and could not run now (unreachable, timeout, …)"
        case .recovered: return "cases whose checks could not run before and run now"
        }
    }

    static func heading(_ change: RunDiff.Change) -> String {
        switch change {
        case .new: return "✘ New failures"
        case .fixed: return "✔ Fixed"
        case .becameError: return "⚠ Became an error"
        case .recovered: return "↺ Recovered"
        case .checkAdded: return "Checks added"
        case .checkRemoved: return "Checks removed"
        case .stillFailing: return "Still failing"
        }
    }

    /// Notes on suites that changed, targets that differ and suites only one run has.
    static func pairingNotes(_ diff: RunDiff) -> [String] {
        diff.pairings.compactMap { p in
            let suite = MarkdownText.code(p.suite)
            if p.beforeTarget == nil { return "- " + suite + " is only in the after run (target " + MarkdownText.code(p.afterTarget ?? "") + ")." }
            if p.afterTarget == nil { return "- " + suite + " is only in the before run (target " + MarkdownText.code(p.beforeTarget ?? "") + ")." }
            var notes: [String] = []
            if p.suiteChanged { notes.append("the suite changed between the runs (SHA-256 " + short(p.beforeHash) + " → " + short(p.afterHash) + ")") }
            if p.targetDiffers {
                notes.append("the targets differ (" + MarkdownText.code(p.beforeTarget ?? "") + " → " + MarkdownText.code(p.afterTarget ?? "")
                             + "): aligned by target-free ids")
            }
            return notes.isEmpty ? nil : "- " + suite + ": " + notes.joined(separator: "; ") + "."
        }
    }

    static func short(_ hash: String?) -> String { MarkdownText.code(String((hash ?? "").prefix(12))) }

    /// One entry: a heading naming suite, case and check, then the evidence.
    static func block(_ e: RunDiff.Entry) -> String {
        let icon: String
        switch e.change {
        case .new: icon = "✘"
        case .fixed: icon = "✔"
        case .becameError: icon = "⚠"
        default: icon = "•"
        }
        var lines = ["### " + icon + " " + MarkdownText.inline(e.suite + " › " + e.caseName + " › " + e.checkName)
                     + (e.finding.map { ": " + MarkdownText.inline($0.title) } ?? "")]
        if let f = e.finding {
            let place = f.pointer.map { " — " + (e.instances > 1 ? "in \(e.instances) places, first at " : "at ") + MarkdownText.code($0.isEmpty ? "(body)" : $0) } ?? ""
            lines.append(MarkdownText.lineStart(f.detail) + place)
            if let expected = f.expected, let actual = f.actual {
                lines.append("")
                lines.append("expected " + MarkdownText.inline(expected) + " · actual " + MarkdownText.inline(actual))
            }
            if let rule = f.ruleLocation ?? f.rulePointer { lines += ["", "rule: " + MarkdownText.code(rule)] }
            if let citation = f.citation { lines += ["", "> " + MarkdownText.lineStart(String(citation.prefix(300)))] }
        } else {
            let from = e.before?.rawValue ?? "absent", to = e.after?.rawValue ?? "absent"
            lines.append("status " + MarkdownText.inline(from) + " → " + MarkdownText.inline(to)
                         + (e.errorDetail.map { ": " + MarkdownText.inline(String($0.prefix(300))) } ?? ""))
        }
        lines += ["", "id " + MarkdownText.code(e.id) + " · target " + MarkdownText.code(e.target)]
        if e.change != .fixed, e.change != .checkRemoved, let curl = e.curl {
            lines += ["", MarkdownText.codeBlock(curl, info: "sh")]
        }
        return lines.joined(separator: "\n")
    }

    /// Blocks joined by blank lines up to a character limit, leaving room for one closing line.
    struct Budget {
        let limit: Int
        private(set) var text = ""
        /// Characters in `text`, kept as blocks are added (counting a long String each time is linear).
        private var length = 0
        private var full = false

        init(limit: Int) { self.limit = limit }

        /// Appends a block when it fits (keeping 400 characters for the closing line); false once one did not.
        @discardableResult
        mutating func add(_ block: String) -> Bool {
            guard !full else { return false }
            let added = (text.isEmpty ? 0 : 2) + block.count
            guard length + added <= limit - 400 else { full = true; return false }
            text += (text.isEmpty ? "" : "\n\n") + block
            length += added
            return true
        }

        /// The closing line naming what did not fit.
        mutating func close(_ line: String) {
            text += "\n\n" + String(line.prefix(390))
        }
    }
}
