import Foundation

/// A terminal session written in a Markdown document — `$ command` lines, each followed by the output it
/// prints — marked for checking by an HTML comment just before its fence:
///
/// ```
/// <!-- checked: walkthrough -->          a session; `<!-- checked-file: PATH -->` marks a file's content
/// ```console
/// $ conform validate my-suites/
/// 1 suite valid, 0 with problems
/// … (commentary)                          skips any number of output lines
/// ```
/// ```
/// The comment is invisible on GitHub; the test that owns a label runs the commands and compares.
struct Transcript {
    struct Step { var command: String; var output: [String] }
    var label: String
    var steps: [Step]

    /// A file the document shows in full, to be written before the session runs.
    struct File { var path: String; var text: String }

    /// The sessions and files of `document`, in document order.
    static func parse(_ document: String) -> (sessions: [Transcript], files: [File]) {
        var sessions: [Transcript] = [], files: [File] = []
        let lines = document.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            i += 1
            let session = Self.marker(line, "checked"), file = Self.marker(line, "checked-file")
            guard session != nil || file != nil, i < lines.count, lines[i].hasPrefix("```") else { continue }
            i += 1
            var body: [String] = []
            while i < lines.count, !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
            i += 1
            if let path = file { files.append(File(path: path, text: body.joined(separator: "\n") + "\n")); continue }
            var steps: [Step] = []
            for l in body {
                if l.hasPrefix("$ ") { steps.append(Step(command: String(l.dropFirst(2)), output: [])) }
                else if !steps.isEmpty { steps[steps.count - 1].output.append(l) }
            }
            sessions.append(Transcript(label: session!, steps: steps))
        }
        return (sessions, files)
    }

    private static func marker(_ line: String, _ name: String) -> String? {
        let open = "<!-- \(name): "
        guard line.hasPrefix(open), line.hasSuffix(" -->") else { return nil }
        return String(line.dropFirst(open.count).dropLast(4))
    }

    /// Ports, durations and timestamps replaced, trailing spaces dropped.
    static func normalised(_ line: String) -> String {
        var out = line
        out = Normaliser.replace(#"127\.0\.0\.1:\d+"#, in: out, with: "127.0.0.1:PORT")
        out = Normaliser.replace(#"\b\d+ ms\b"#, in: out, with: "N ms")
        out = Normaliser.replace(#"\b\d+\.\d+ s\b"#, in: out, with: "N s")
        out = Normaliser.replace(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, in: out, with: "TIMESTAMP")
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// Whether a line stands for "any lines here": `…` alone or `… (commentary)`.
    static func isGap(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t == "…" || t.hasPrefix("… (")
    }

    /// Nil when `actual` is what `expected` shows (lines in order; a gap skips any number; no gap at the end
    /// means the output ends there), else a description of the first difference.
    static func mismatch(expected: [String], actual: String) -> String? {
        var a = actual.components(separatedBy: "\n").map(normalised)
        while a.last == "" { a.removeLast() }
        var e = expected
        while let last = e.last, last.trimmingCharacters(in: .whitespaces).isEmpty { e.removeLast() }
        var position = 0
        var index = 0
        while index < e.count {
            var gap = false
            while index < e.count, isGap(e[index]) { gap = true; index += 1 }
            guard index < e.count else { return nil }
            var segment: [String] = []
            while index < e.count, !isGap(e[index]) { segment.append(normalised(e[index])); index += 1 }
            let atEnd = index == e.count
            func matches(at start: Int) -> Bool {
                start + segment.count <= a.count && Array(a[start..<(start + segment.count)]) == segment
                    && (!atEnd || start + segment.count == a.count)
            }
            if gap {
                guard let found = (position...max(position, a.count)).first(where: matches) else {
                    return "not found after line \(position): \(segment.first ?? "")\n--- actual:\n" + a.joined(separator: "\n")
                }
                position = found + segment.count
            } else {
                guard matches(at: position) else {
                    let mine = segment.enumerated().first { position + $0.offset >= a.count || a[position + $0.offset] != $0.element }
                    let line = position + (mine?.offset ?? segment.count)
                    return "line \(line + 1): expected \(mine?.element ?? "<end>")\n   actual \(line < a.count ? a[line] : "<end>")\n--- actual:\n" + a.joined(separator: "\n")
                }
                position += segment.count
            }
        }
        return nil
    }
}
