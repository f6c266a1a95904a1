import ConformCore

/// A list of changes (diff or check) rendered for a terminal, for Markdown (a PR comment, a step summary)
/// and as JSON. Accepted changes are listed apart, with their reason.
public struct SpecChangeReport: Sendable {
    public let title: String
    public let changes: [SpecChange]
    /// Changes an ignore entry accepts, with its reason.
    public let accepted: [(change: SpecChange, reason: String)]

    public init(title: String, changes: [SpecChange], accepted: [(change: SpecChange, reason: String)]) {
        self.title = title; self.changes = changes; self.accepted = accepted
    }

    public func count(_ level: SpecLevel) -> Int { changes.filter { $0.level == level }.count }

    /// `3 changes: 1 ERR, 1 WARN, 1 INFO (2 accepted by the ignore file)`.
    public var summary: String {
        let n = changes.count
        var s = "\(n) change\(n == 1 ? "" : "s"): \(count(.err)) ERR, \(count(.warn)) WARN, \(count(.info)) INFO"
        if !accepted.isEmpty { s += " (\(accepted.count) more accepted by the ignore file)" }
        return s
    }

    static func place(_ l: SourceLocation?) -> String { l.map { "\($0.path):\($0.line)" } ?? "—" }

    /// Console lines: level, rule, operation and subject; the message; both locations.
    public var text: [String] {
        var lines: [String] = [title]
        for c in changes {
            lines.append("\(c.level.description.padding(toLength: 4, withPad: " ", startingAt: 0)) \(c.rule.id)  \(c.operation)\(c.subject.isEmpty ? "" : "  " + c.subject)")
            lines.append("     \(c.message)  [old \(Self.place(c.old)) · new \(Self.place(c.new))]  id \(c.id)")
        }
        for (c, reason) in accepted {
            lines.append("ok   \(c.rule.id)  \(c.operation)\(c.subject.isEmpty ? "" : "  " + c.subject): accepted: \(reason)")
        }
        lines.append(summary)
        return lines
    }

    /// A Markdown table, worst first.
    public var markdown: String {
        var out = "## \(title)\n\n\(summary)\n\n"
        if !changes.isEmpty {
            out += "| level | rule | operation | subject | change | old | new |\n|---|---|---|---|---|---|---|\n"
            for c in changes.sorted(by: { $0.level > $1.level }) {
                out += "| \(c.level) | `\(c.rule.id)` | `\(c.operation)` | \(cell(c.subject)) | \(cell(c.message)) | \(Self.place(c.old)) | \(Self.place(c.new)) |\n"
            }
        }
        if !accepted.isEmpty {
            out += "\n### Accepted\n\n| rule | operation | subject | reason |\n|---|---|---|---|\n"
            for (c, reason) in accepted { out += "| `\(c.rule.id)` | `\(c.operation)` | \(cell(c.subject)) | \(cell(reason)) |\n" }
        }
        return out
    }

    private func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// `{"changes": [{id, rule, level, operation, subject, message, old: {file, line}, new: …}], "accepted": [...], "summary": …}`.
    public var json: JSONValue {
        func loc(_ l: SourceLocation?) -> JSONValue { l.map { .object(JSONObject([("file", .string($0.path)), ("line", JSONValue($0.line))])) } ?? .null }
        func entry(_ c: SpecChange, reason: String?) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("id", .string(c.id)), ("rule", .string(c.rule.id)), ("level", .string(c.level.description)),
                                                ("operation", .string(c.operation)), ("subject", .string(c.subject)),
                                                ("message", .string(c.message)), ("old", loc(c.old)), ("new", loc(c.new))]
            if let reason { pairs.append(("reason", .string(reason))) }
            return .object(JSONObject(pairs))
        }
        return .object(JSONObject([
            ("title", .string(title)),
            ("summary", .object(JSONObject([("ERR", JSONValue(count(.err))), ("WARN", JSONValue(count(.warn))), ("INFO", JSONValue(count(.info))),
                                            ("accepted", JSONValue(accepted.count))]))),
            ("changes", .array(changes.map { entry($0, reason: nil) })),
            ("accepted", .array(accepted.map { entry($0.change, reason: $0.reason) })),
        ]))
    }
}
