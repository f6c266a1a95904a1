/// The four scalar syntaxes: plain (multi-line, folded), single- and double-quoted, and block (`|`, `>`).
extension YAMLScanner {
    static let space: UInt8 = 0x20
    static let lineFeed: UInt8 = 0x0A

    // MARK: plain

    /// A plain scalar, possibly over several lines (line breaks fold to a space, empty lines to `\n`).
    /// Returns its text and the offset just past its last non-blank character.
    mutating func scanPlain() throws(YAMLParseError) -> (String, Int) {
        var out: [UInt8] = []
        var end = i
        let minIndent = indent + 1
        var pending: [UInt8] = []
        while true {
            if i < n && b[i] == UInt8(ascii: "#") { break }
            let chunkStart = i
            while i < n {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
                if c == UInt8(ascii: ":") {
                    if isBlankOrEnd(1) { break }
                    if flowLevel > 0 && Self.isFlowIndicator(ch(1)) { break }
                }
                if flowLevel > 0 && Self.isFlowIndicator(c) { break }
                if c & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            if i == chunkStart { break }
            allowSimpleKey = false
            out.append(contentsOf: pending)
            out.append(contentsOf: b[chunkStart..<i])
            end = i
            guard let spaces = scanPlainSpaces(), !spaces.isEmpty else { break }
            pending = spaces
            if i < n && b[i] == UInt8(ascii: "#") { break }
            if flowLevel == 0 && column < minIndent { break }
        }
        return (String(decoding: out, as: UTF8.self), end)
    }

    /// The blanks after a plain chunk, folded: a single line break becomes a space, each further empty
    /// line a line feed. Nil when a document marker ends the scalar.
    mutating func scanPlainSpaces() -> [UInt8]? {
        let wsStart = i
        while i < n && Self.isBlank(b[i]) { forward() }
        guard i < n && Self.isBreak(b[i]) else { return Array(b[wsStart..<i]) }
        _ = scanLineBreak()
        allowSimpleKey = true
        if atDocumentMarker() { return nil }
        var breaks = 0
        while i < n && (Self.isBlank(b[i]) || Self.isBreak(b[i])) {
            if Self.isBlank(b[i]) {
                forward()
            } else {
                _ = scanLineBreak()
                breaks += 1
                if atDocumentMarker() { return nil }
            }
        }
        return breaks == 0 ? [Self.space] : [UInt8](repeating: Self.lineFeed, count: breaks)
    }

    // MARK: quoted

    /// A single- or double-quoted scalar: always a string; line breaks fold like plain scalars.
    mutating func scanFlowScalar(double: Bool) throws(YAMLParseError) -> String {
        let quoteStart = i
        let quote: UInt8 = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var out: [UInt8] = []
        forward()
        while true {
            while i < n {
                let c = b[i]
                if c == quote {
                    if !double && ch(1) == quote { out.append(quote); forward(2); continue }
                    break
                }
                if double && c == UInt8(ascii: "\\") { try scanEscape(into: &out); continue }
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
                out.append(c)
                if c & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            guard i < n else {
                throw error("unterminated \(double ? "double" : "single")-quoted string: the file ends before its closing \(double ? "\"" : "'")", at: quoteStart)
            }
            if b[i] == quote { forward(); break }
            let ws = i
            while i < n && Self.isBlank(b[i]) { forward() }
            guard i < n else {
                throw error("unterminated \(double ? "double" : "single")-quoted string: the file ends before its closing \(double ? "\"" : "'")", at: quoteStart)
            }
            if Self.isBreak(b[i]) {
                let breaks = try scanQuotedBreaks(quoteStart: quoteStart)
                if breaks == 0 { out.append(Self.space) } else { out.append(contentsOf: [UInt8](repeating: Self.lineFeed, count: breaks)) }
            } else {
                out.append(contentsOf: b[ws..<i])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Consumes a line break inside a quoted scalar and the empty lines after it; returns how many empty
    /// lines there were. Continuation lines must stay inside the enclosing block's indentation.
    mutating func scanQuotedBreaks(quoteStart: Int) throws(YAMLParseError) -> Int {
        _ = scanLineBreak()
        var breaks = 0
        while true {
            if atDocumentMarker() {
                throw error("a document marker ('---' or '...') cannot appear inside a quoted scalar (its quote opens here)", at: quoteStart)
            }
            while i < n && Self.isBlank(b[i]) { forward() }
            if i < n && Self.isBreak(b[i]) { _ = scanLineBreak(); breaks += 1; continue }
            break
        }
        if i < n && flowLevel == 0 && leadingIndentation() <= indent {
            throw error("this continuation line of a quoted scalar must be indented more than the enclosing block (at least \(indent + 1) \(indent == 0 ? "space" : "spaces"))")
        }
        return breaks
    }

    /// Spaces at the start of the current line.
    func leadingIndentation() -> Int {
        var k = lineStart
        while k < n && b[k] == 0x20 { k += 1 }
        return k - lineStart
    }

    /// One backslash escape of a double-quoted scalar (or an escaped line break).
    mutating func scanEscape(into out: inout [UInt8]) throws(YAMLParseError) {
        let start = i
        let c = ch(1)
        var simple: UInt32? = nil
        switch c {
        case UInt8(ascii: "0"): simple = 0
        case UInt8(ascii: "a"): simple = 7
        case UInt8(ascii: "b"): simple = 8
        case UInt8(ascii: "t"), 0x09: simple = 9
        case UInt8(ascii: "n"): simple = 10
        case UInt8(ascii: "v"): simple = 11
        case UInt8(ascii: "f"): simple = 12
        case UInt8(ascii: "r"): simple = 13
        case UInt8(ascii: "e"): simple = 27
        case 0x20: simple = 32
        case UInt8(ascii: "\""): simple = 34
        case UInt8(ascii: "/"): simple = 47
        case UInt8(ascii: "\\"): simple = 92
        case UInt8(ascii: "N"): simple = 0x85
        case UInt8(ascii: "_"): simple = 0xA0
        case UInt8(ascii: "L"): simple = 0x2028
        case UInt8(ascii: "P"): simple = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "x") ? 2 : (c == UInt8(ascii: "u") ? 4 : 8)
            var value: UInt32 = 0
            for k in 0..<digits {
                let d = ch(2 + k)
                let v: UInt32
                switch d {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(d - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt32(d - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt32(d - UInt8(ascii: "A") + 10)
                default:
                    throw error("the escape \\\(Character(Unicode.Scalar(c))) needs \(digits) hexadecimal digits", at: start)
                }
                value = value << 4 | v
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("the escape names U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar value", at: start)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            forward(2 + digits)
            return
        case 0x0A, 0x0D:
            // An escaped line break: neither the break nor the next line's leading blanks are content.
            forward()
            _ = scanLineBreak()
            while true {
                if atDocumentMarker() { throw error("a document marker ('---' or '...') cannot appear inside a quoted scalar") }
                while i < n && Self.isBlank(b[i]) { forward() }
                if i < n && Self.isBreak(b[i]) { _ = scanLineBreak(); out.append(Self.lineFeed); continue }
                break
            }
            return
        default:
            if i + 1 >= n { throw error("unterminated double-quoted string: the file ends after a backslash", at: start) }
            throw error("unknown escape \\\(describeChar(at: i + 1).trimmingQuotes) in a double-quoted string", at: start)
        }
        if let simple, let scalar = Unicode.Scalar(simple) {
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        forward(2)
    }

    // MARK: block

    /// A literal (`|`) or folded (`>`) block scalar with its chomping (`-`, `+`) and indentation (`1`–`9`)
    /// indicators.
    mutating func scanBlockScalar(folded: Bool) throws(YAMLParseError) -> String {
        forward()
        var chomping = 0
        var increment: Int? = nil
        for _ in 0..<2 {
            let c = ch()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                if chomping != 0 { throw error("a block scalar takes one chomping indicator ('+' or '-')") }
                chomping = c == UInt8(ascii: "+") ? 1 : -1
                forward()
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                if increment != nil { throw error("a block scalar takes one indentation indicator") }
                if c == UInt8(ascii: "0") { throw error("the indentation indicator of a block scalar must be 1 to 9, not 0") }
                increment = Int(c - UInt8(ascii: "0"))
                forward()
            }
        }
        // Rest of the header line: blanks, then a comment or the line end.
        let afterIndicators = i
        while i < n && Self.isBlank(b[i]) { forward() }
        if i < n && b[i] == UInt8(ascii: "#") {
            if i == afterIndicators { throw error("a comment must be separated from the block scalar indicator by a space") }
            while i < n && !Self.isBreak(b[i]) { i += 1; column += 1 }
        }
        if i < n && !Self.isBreak(b[i]) {
            throw error("unexpected \(describeChar(at: i)) after the block scalar indicator; the text starts on the next line", at: i)
        }
        _ = scanLineBreak()

        let parentIndent = indent
        let minIndent = parentIndent + 1
        var blockIndent: Int
        var pendingBreaks = 0
        if let increment {
            blockIndent = parentIndent >= 0 ? parentIndent + increment : increment
            pendingBreaks = scanBlockBreaks(blockIndent)
        } else {
            // Auto-detect: the indentation of the first non-empty line; empty lines before it may not be deeper.
            var maxBlank = 0
            var maxBlankOffset = i
            while i < n {
                while i < n && b[i] == 0x20 { forward() }
                if i < n && Self.isBreak(b[i]) {
                    if column > maxBlank { maxBlank = column; maxBlankOffset = i }
                    _ = scanLineBreak()
                    pendingBreaks += 1
                    continue
                }
                // A last line of only spaces, without a line break, is an empty line too.
                if i >= n && column > 0 { pendingBreaks += 1; if column > maxBlank { maxBlank = column } }
                break
            }
            blockIndent = max(column, minIndent)
            if i < n && column >= minIndent && maxBlank > column && !(column == 0 && atDocumentMarker()) {
                throw error("an empty line at the start of a block scalar has more spaces than its first text line", at: maxBlankOffset)
            }
            if i >= n { blockIndent = max(maxBlank, minIndent) }
            if i < n && b[i] == 0x09 && column < minIndent {
                throw error("tab characters must not be used to indent a block scalar")
            }
            if blockIndent < 1 && parentIndent >= 0 { blockIndent = 1 }
        }

        var out: [UInt8] = []
        var lineBreak = false
        while i < n && column == blockIndent && !(column == 0 && atDocumentMarker()) {
            out.append(contentsOf: [UInt8](repeating: Self.lineFeed, count: pendingBreaks))
            let leadingNonSpace = b[i] != 0x20 && b[i] != 0x09
            let s = i
            while i < n && !Self.isBreak(b[i]) { i += 1 }
            out.append(contentsOf: b[s..<i])
            // The end of the file ends the last line as a line break would.
            lineBreak = scanLineBreak() || i >= n
            pendingBreaks = scanBlockBreaks(blockIndent)
            if i < n && column == blockIndent && !(column == 0 && atDocumentMarker()) {
                if folded && lineBreak && leadingNonSpace && b[i] != 0x20 && b[i] != 0x09 {
                    if pendingBreaks == 0 { out.append(Self.space) }
                } else if lineBreak {
                    out.append(Self.lineFeed)
                }
            } else {
                break
            }
        }
        if chomping >= 0 && lineBreak { out.append(Self.lineFeed) }
        if chomping > 0 {
            out.append(contentsOf: [UInt8](repeating: Self.lineFeed, count: pendingBreaks))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Empty lines inside or after a block scalar, consuming up to `indent` spaces of each line.
    mutating func scanBlockBreaks(_ indent: Int) -> Int {
        var count = 0
        while column < indent && i < n && b[i] == 0x20 { forward() }
        while i < n && Self.isBreak(b[i]) {
            _ = scanLineBreak()
            count += 1
            while column < indent && i < n && b[i] == 0x20 { forward() }
        }
        return count
    }
}

extension String {
    /// `'x'` → `x`, for quoting a described character inside another message.
    var trimmingQuotes: String {
        if count >= 2 && hasPrefix("'") && hasSuffix("'") { return String(dropFirst().dropLast()) }
        return self
    }
}
