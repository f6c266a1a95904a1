/// A GitHub-flavoured Markdown table. Cells are already-escaped Markdown (see `MarkdownText`);
/// a stray `|` or newline in one would break the row, so `render` checks and repairs both.
struct MarkdownTable {
    enum Alignment { case left, right }

    var columns: [(title: String, alignment: Alignment)]
    private(set) var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) { self.columns = columns.map { (title: $0.0, alignment: $0.1) } }

    var isEmpty: Bool { rows.isEmpty }

    /// Adds a row; missing cells are left empty, extra cells dropped.
    mutating func add(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        while row.count < columns.count { row.append("") }
        rows.append(row)
    }

    /// The table as Markdown lines, without a trailing newline.
    func render() -> String {
        var lines = [line(columns.map(\.title))]
        lines.append("|" + columns.map { $0.alignment == .right ? " --: " : " :-- " }.joined(separator: "|") + "|")
        for row in rows { lines.append(line(row)) }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map(Self.sealed).joined(separator: " | ") + " |"
    }

    /// A cell with any newline folded and any unescaped `|` escaped, whatever the caller passed.
    static func sealed(_ cell: String) -> String {
        let folded = cell.replacingNewlines(with: " ")
        var out = "", escaped = false
        for ch in folded {
            if ch == "|" && !escaped { out += "\\" }
            out.append(ch)
            escaped = ch == "\\" && !escaped
        }
        return out.isEmpty ? " " : out
    }
}
