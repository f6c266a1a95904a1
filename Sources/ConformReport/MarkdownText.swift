import Foundation

/// Escapes untrusted text (server bodies, suite strings) for GitHub-flavoured Markdown, so it shows as
/// written and never turns into markup, HTML, broken table rows or invisible control characters.
enum MarkdownText {
    /// ASCII punctuation that can start markup inline; CommonMark lets a backslash escape any of it.
    private static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$"]

    /// Inline text: markup characters backslash-escaped, newlines folded to spaces, controls made visible.
    static func inline(_ s: String) -> String {
        let folded = s.replacingNewlines(with: " ")
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for scalar in VisibleText.clean(folded).unicodeScalars {
            if special.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Inline text that starts a line (paragraph, blockquote): also neutralises a leading `#`, `-`, `+`,
    /// `=` or `1.` that would otherwise make a heading or a list.
    static func lineStart(_ s: String) -> String {
        let text = inline(s)
        guard let first = text.unicodeScalars.first else { return text }
        if "#-+=".unicodeScalars.contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    /// A code span that survives any content: a fence longer than any backtick run inside, padding when
    /// the content touches a backtick or a space, controls made visible. (In a table cell, `MarkdownTable`
    /// escapes `|`, which GFM requires even inside code spans.)
    static func code(_ s: String) -> String {
        guard !s.isEmpty else { return "*(empty)*" }
        let content = VisibleText.clean(s.replacingNewlines(with: "\n"), keeping: [])
        let fence = String(repeating: "`", count: longestRun(of: "`", in: content) + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") || content.hasPrefix(" ") || content.hasSuffix(" ")
        return fence + (pad ? " " : "") + content + (pad ? " " : "") + fence
    }

    /// A fenced code block (with an info string such as `sh`); the fence outgrows any backtick run inside.
    static func codeBlock(_ s: String, info: String = "") -> String {
        let content = VisibleText.clean(s.replacingNewlines(with: "\n"), keeping: ["\n", "\t"])
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: content) + 1))
        return fence + info + "\n" + content + "\n" + fence
    }

    /// Text for inside HTML (`<summary>`): entities, no Markdown.
    static func html(_ s: String) -> String {
        VisibleText.clean(s.replacingNewlines(with: " "))
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    private static func longestRun(of c: Character, in s: String) -> Int {
        var longest = 0, current = 0
        for ch in s {
            if ch == c { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        return longest
    }
}

extension String {
    /// CRLF, CR and LF (and the Unicode line separators a renderer would break on) replaced by `separator`.
    func replacingNewlines(with separator: String) -> String {
        guard contains(where: { $0.isNewline }) else { return self }
        var out = ""
        for ch in self { if ch.isNewline { out += separator } else { out.append(ch) } }
        return out
    }
}
