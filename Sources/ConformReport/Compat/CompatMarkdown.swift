import ConformCore

/// The compatibility matrix for a person (`conform compat --markdown FILE`): a verdict, the targets with
/// their scores, interop and distribution, the matrix as GFM tables (rules where the targets differ or
/// fail first; rules that pass everywhere counted), then the failures per target with evidence — never
/// more than `DiffMarkdown.limit` characters, however many suites and targets.
public enum CompatMarkdown {
    /// The matrix as Markdown ending with a newline.
    public static func render(_ matrix: CompatMatrix, limit: Int = DiffMarkdown.limit) -> String {
        var out = DiffMarkdown.Budget(limit: limit)
        out.add(verdict(matrix))
        out.add(targets(matrix))
        let differing = matrix.rows.filter { !matrix.holdsEverywhere($0) }
        out.add("## Matrix\n\n\(differing.count) of \(matrix.rows.count) rules do not pass on every measured target; "
                + "\(matrix.rows.count - differing.count) pass everywhere and are not listed. "
                + "✔ pass · ✘ fail · ∅ not implemented · ⚠ error (harness, not counted) · – skipped · · absent")
        var shown = 0
        for (suite, rows) in groupedBySuite(differing) {
            let (table, count) = table(rows, columns: matrix.columns, measured: matrix.measuredColumns.count,
                                       room: limit - 400 - out.text.count - 200)
            guard count > 0, out.add("### \(MarkdownText.code(suite))\n\n" + table) else { break }
            shown += count
        }
        if shown < differing.count {
            out.close("… \(differing.count - shown) more differing rules not shown here: see the JSON or HTML report.")
            return out.text + "\n"
        }
        for (i, column) in matrix.columns.enumerated() {
            let failing = matrix.rows.filter { [.fail, .notImplemented].contains($0.cells[i].state) }
            guard !failing.isEmpty else { continue }
            guard out.add("## Failures on \(MarkdownText.code(column.name)) (\(failing.count))") else { break }
            var listed = 0
            for row in failing {
                guard out.add(failure(row, cell: row.cells[i])) else { break }
                listed += 1
            }
            if listed < failing.count {
                out.close("… \(failing.count - listed) more failures on \(column.name) not shown here: see the JSON or HTML report.")
                return out.text + "\n"
            }
        }
        return out.text + "\n"
    }

    static func verdict(_ m: CompatMatrix) -> String {
        let departing = m.columns.filter { $0.score.departs || $0.score.notChecked > 0 }.map(\.name)
        let unmeasured = m.columns.filter { !$0.score.measured }.map(\.name)
        var line: String
        if !departing.isEmpty {
            line = "**✘ \(departing.count) of \(m.columns.count) targets depart from the contract**: " + departing.map(MarkdownText.code).joined(separator: ", ")
        } else if !unmeasured.isEmpty {
            line = "**⚠ \(unmeasured.count) of \(m.columns.count) targets could not be measured**, none failed"
        } else {
            line = "**✔ every target holds every rule** (\(m.columns.count) targets)"
        }
        if !unmeasured.isEmpty, !departing.isEmpty { line += " · not measured: " + unmeasured.map(MarkdownText.code).joined(separator: ", ") }
        let m2 = m.measuredColumns.count
        return line + "\n\nInterop: **\(m.interop) of \(m.rows.count) rules** pass on every measured target (\(m2) of \(m.columns.count)). "
            + "Distribution: " + m.distribution.enumerated().reversed().map { "\($1) pass on \($0) of \(m2)" }.joined(separator: " · ")
            + "\n\nconform \(m.version) · started \(m.startedAt)"
    }

    static func targets(_ m: CompatMatrix) -> String {
        var t = MarkdownTable([("Target", .left), ("Labels", .left), ("Base URL", .left), ("Score", .right), ("Passed", .right),
                               ("Failed", .right), ("Not impl.", .right), ("Not checked", .right), ("Errors", .right), ("Skipped", .right)])
        for c in m.columns {
            let s = c.score
            t.add([MarkdownText.code(c.name), MarkdownText.inline(c.labels.map { "\($0.name): \($0.value)" }.joined(separator: ", ")),
                   MarkdownText.code(c.baseURL), s.measured ? s.text : "**not measured**", "\(s.passed)", "\(s.failed)",
                   "\(s.notImplemented)", "\(s.notChecked)", "\(s.errors)", "\(s.skipped)"])
        }
        return "## Targets\n\n" + t.render()
    }

    /// Rows by suite, in order.
    static func groupedBySuite(_ rows: [CompatMatrix.Row]) -> [(String, [CompatMatrix.Row])] {
        var order: [String] = [], groups: [String: [CompatMatrix.Row]] = [:]
        for r in rows {
            if groups[r.suite] == nil { order.append(r.suite) }
            groups[r.suite, default: []].append(r)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// A table of as many rows as fit in `room` characters, and how many that is.
    static func table(_ rows: [CompatMatrix.Row], columns: [CompatMatrix.Column], measured: Int, room: Int) -> (String, Int) {
        var t = MarkdownTable([("Rule", .left)] + columns.map { (MarkdownText.code($0.name), .left) } + [("Passes", .right)])
        var length = t.render().count
        var count = 0
        for row in rows {
            let cells = [MarkdownText.inline("\(row.caseName) › \(row.checkName)")] + row.cells.map(cell) + ["\(row.passes)/\(measured)"]
            let added = cells.reduce(4) { $0 + $1.count + 3 }
            guard length + added <= room else { break }
            t.add(cells)
            length += added
            count += 1
        }
        return (t.render(), count)
    }

    static func cell(_ c: CompatCell) -> String {
        switch c.state {
        case .pass: return "✔"
        case .fail: return "✘ " + MarkdownText.inline(c.summary)
        case .notImplemented: return "∅ not implemented"
        case .error: return "⚠ error"
        case .skipped: return c.afterFailure ? "– not checked" : "– skipped"
        case .absent: return "·"
        }
    }

    /// One failing rule on one target: what, where, expected/actual, rule, citation, reproduction.
    static func failure(_ row: CompatMatrix.Row, cell: CompatCell) -> String {
        var lines = ["- **\(MarkdownText.inline(row.suite)) › \(MarkdownText.inline(row.caseName)) › \(MarkdownText.inline(row.checkName))**: \(MarkdownText.inline(cell.summary))"]
        if let f = cell.evidence {
            lines.append("  - \(MarkdownText.inline(f.title)): \(MarkdownText.inline(f.detail))")
            if let p = f.pointer { lines.append("  - at \(MarkdownText.code(p))") }
            if let e = f.expected, let a = f.actual { lines.append("  - expected \(MarkdownText.inline(e)), got \(MarkdownText.inline(a))") }
        } else if let reason = cell.reason {
            lines.append("  - \(MarkdownText.inline(reason))")
        }
        if let location = row.ruleLocation ?? cell.evidence?.ruleLocation { lines.append("  - rule: \(MarkdownText.code(location))") }
        if let citation = row.citation { lines.append("  - cites: \(MarkdownText.inline(String(citation.prefix(160))))") }
        if let curl = cell.curl { lines.append("\n" + MarkdownText.codeBlock(curl, info: "sh").split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")) }
        return lines.joined(separator: "\n")
    }
}
