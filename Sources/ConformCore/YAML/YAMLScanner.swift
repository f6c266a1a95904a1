/// Turns YAML bytes into tokens, making block structure explicit from indentation.
///
/// The design is libyaml's (and PyYAML's): a queue of tokens, an indentation stack that emits
/// `blockEnd` when a line is less indented, and "possible simple keys" — a scalar or flow collection that
/// may turn out to be a mapping key once a `:` follows on the same line, at which point `key` (and maybe
/// `blockMappingStart`) is inserted before it. The rules are YAML 1.2's where 1.1 differed (`:` adjacent
/// to JSON-like keys in flow, `?` and `:` inside plain scalars, tabs, line breaks are only LF and CR).
struct YAMLScanner {
    struct SimpleKey {
        var tokenNumber: Int
        var required: Bool
        var offset: Int
        var line: Int
        var column: Int
    }

    let b: [UInt8]
    let n: Int
    var i = 0
    var line = 0
    var column = 0
    var lineStart = 0
    /// Whether a token has been produced on the current line (the first one is checked for indentation).
    var lineHasToken = false

    var done = false
    var started = false
    var flowLevel = 0
    var tokens: [YAMLToken] = []
    var head = 0
    var tokensTaken = 0
    var indent = -1
    var indents: [Int] = []
    var allowSimpleKey = true
    var simpleKeys: [SimpleKey?] = [nil]
    /// End offset of the last quoted scalar or flow collection end, after which `:` needs no space (YAML 1.2).
    var jsonLikeEnd = -1
    /// True right after a quoted scalar or a flow collection's end (the next token may be an adjacent `:`).
    var lastWasJSONLike = false
    /// Line of the last `---`, on which no block collection may start.
    var documentStartLine = -1
    /// Flow collections' open brackets, for "unclosed '['" errors.
    var flowOpenOffsets: [Int] = []

    init(_ bytes: [UInt8]) { b = bytes; n = bytes.count }

    // MARK: characters

    @inline(__always) func ch(_ k: Int = 0) -> UInt8 { let p = i + k; return p < n ? b[p] : 0 }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    /// Space, tab, line break or end of input.
    @inline(__always) func isBlankOrEnd(_ k: Int = 0) -> Bool {
        let p = i + k
        guard p < n else { return true }
        let c = b[p]
        return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }
    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    @inline(__always) mutating func forward(_ count: Int = 1) {
        for _ in 0..<count where i < n {
            if b[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
    }

    /// Consumes one line break (CRLF counts as one) and returns it normalised to LF.
    mutating func scanLineBreak() -> Bool {
        let c = ch()
        if c == 0x0D {
            i += (ch(1) == 0x0A) ? 2 : 1
        } else if c == 0x0A {
            i += 1
        } else {
            return false
        }
        line += 1; column = 0; lineStart = i; lineHasToken = false
        return true
    }

    /// `---` or `...` at the start of a line, followed by a blank or the end.
    func atDocumentMarker() -> Bool {
        guard column == 0, i + 3 <= n else { return false }
        let c = b[i]
        guard (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && b[i + 1] == c && b[i + 2] == c else { return false }
        return isBlankOrEnd(3)
    }

    func error(_ message: String, at offset: Int? = nil) -> YAMLParseError { YAMLParseError(message, at: offset ?? i) }

    func describeChar(at p: Int) -> String {
        guard p < n else { return "end of input" }
        let c = b[p]
        if c == 0x09 { return "a tab" }
        if c == 0x20 { return "' '" }
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c >= 0x80 {
            var e = p + 1
            while e < n && b[e] & 0xC0 == 0x80 { e += 1 }
            return "'" + String(decoding: b[p..<e], as: UTF8.self) + "'"
        }
        return "byte \(hexByte(c))"
    }

    // MARK: the token queue

    /// The next token without consuming it.
    mutating func peek() throws(YAMLParseError) -> YAMLToken {
        while needMoreTokens() { try fetchMoreTokens() }
        return tokens[head]
    }

    /// Consumes and returns the next token.
    mutating func next() throws(YAMLParseError) -> YAMLToken {
        let t = try peek()
        head += 1
        tokensTaken += 1
        if head > 4096 && head * 2 > tokens.count {
            tokens.removeFirst(head)
            head = 0
        }
        return t
    }

    mutating func needMoreTokens() -> Bool {
        if done { return false }
        if head >= tokens.count { return true }
        // A possible simple key waiting at the head may still get a `key` inserted before it.
        var nearest = Int.max
        for k in simpleKeys { if let k, k.tokenNumber < nearest { nearest = k.tokenNumber } }
        return nearest == tokensTaken
    }

    var queuedCount: Int { tokens.count - head }

    mutating func append(_ kind: YAMLToken.Kind, _ start: Int, _ end: Int) {
        tokens.append(YAMLToken(kind: kind, start: start, end: end))
        lineHasToken = true
    }

    mutating func fetchMoreTokens() throws(YAMLParseError) {
        if !started {
            started = true
            if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
            append(.streamStart, i, i)
            return
        }
        try scanToNextToken()
        try staleSimpleKeys()
        unwindIndent(column)
        if i >= n { return try fetchStreamEnd() }
        let c = b[i]
        if flowLevel > 0 && !lineHasToken && leadingIndentation() <= indent {
            throw error("flow collection content must be indented more than the enclosing block (at least \(indent + 1) \(indent == 0 ? "space" : "spaces"))")
        }
        let wasJSONLike = lastWasJSONLike
        lastWasJSONLike = false
        if c == UInt8(ascii: ":") && wasJSONLike && flowLevel > 0 { return try fetchValue() }
        switch c {
        case UInt8(ascii: "%") where column == 0: return try fetchDirective()
        case UInt8(ascii: "-") where atDocumentMarker(): return try fetchDocumentIndicator(.documentStart)
        case UInt8(ascii: ".") where atDocumentMarker(): return try fetchDocumentIndicator(.documentEnd)
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where isBlankOrEnd(1): return try fetchBlockEntry()
        case UInt8(ascii: "?") where isBlankOrEnd(1): return try fetchKey()
        case UInt8(ascii: ":") where checkValue(): return try fetchValue()
        case UInt8(ascii: "*"): return try fetchAlias()
        case UInt8(ascii: "&"): return try fetchAnchor()
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0: return try fetchBlockScalar(folded: false)
        case UInt8(ascii: ">") where flowLevel == 0: return try fetchBlockScalar(folded: true)
        case UInt8(ascii: "'"): return try fetchFlowScalar(double: false)
        case UInt8(ascii: "\""): return try fetchFlowScalar(double: true)
        default:
            if checkPlain() { return try fetchPlain() }
            if c == 0x09 { throw error("a tab character cannot start a token here (YAML indents with spaces)") }
            if c == UInt8(ascii: "@") || c == UInt8(ascii: "`") {
                throw error("'\(Character(Unicode.Scalar(c)))' is reserved in YAML and cannot start a plain scalar; quote the value")
            }
            if c == UInt8(ascii: "-") && flowLevel > 0 {
                throw error("a '- ' block sequence entry cannot appear inside a flow collection; quote '-' if it is a value")
            }
            if c == UInt8(ascii: "|") || c == UInt8(ascii: ">") {
                throw error("block scalars ('|', '>') are not allowed inside a flow collection")
            }
            throw error("found \(describeChar(at: i)), which cannot start any token")
        }
    }

    /// `:` is a value indicator when followed by a blank; in flow context also before a flow indicator or
    /// right after a JSON-like key (`{"a":1}`).
    func checkValue() -> Bool {
        if isBlankOrEnd(1) { return true }
        if flowLevel > 0 {
            if Self.isFlowIndicator(ch(1)) { return true }
            if jsonLikeEnd == i || lastWasJSONLike { return true }
        }
        return false
    }

    /// A plain scalar starts with a non-indicator, or with `-`, `?`, `:` followed by a "safe" character.
    func checkPlain() -> Bool {
        let c = ch()
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            if isBlankOrEnd(1) { return false }
            return !(flowLevel > 0 && Self.isFlowIndicator(ch(1)))
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
             UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), 0x20, 0x09, 0x0A, 0x0D:
            return false
        default:
            return true
        }
    }

    // MARK: whitespace, comments, indentation

    mutating func scanToNextToken() throws(YAMLParseError) {
        var tabInIndentation = -1
        while true {
            while i < n && (b[i] == 0x20 || b[i] == 0x09) {
                if b[i] == 0x09 && flowLevel == 0 && tabInIndentation < 0 && onlySpacesBefore(i) { tabInIndentation = i }
                forward()
            }
            if i < n && b[i] == UInt8(ascii: "#") {
                if i > 0 && !(Self.isBlank(b[i - 1]) || Self.isBreak(b[i - 1])) && i != 3 {
                    throw error("a comment must be separated from the value before it by a space")
                }
                while i < n && !Self.isBreak(b[i]) { i += 1; column += 1 }
            }
            if i < n && Self.isBreak(b[i]) {
                _ = scanLineBreak()
                if flowLevel == 0 { allowSimpleKey = true }
                tabInIndentation = -1
                continue
            }
            break
        }
        if tabInIndentation >= 0 && i < n && leadingIndentation() <= indent && !isTabSeparatedContent() {
            throw error("tab characters must not be used for indentation", at: tabInIndentation)
        }
    }

    /// A tab before the first token of a line is indentation, which YAML forbids, except before a flow
    /// collection (whose inside is free of indentation rules).
    func isTabSeparatedContent() -> Bool {
        let c = ch()
        return c == UInt8(ascii: "[") || c == UInt8(ascii: "{")
    }

    /// A block collection's indentation is its column, which a tab before it on its line makes undefined.
    func checkNoTabBefore(_ p: Int) throws(YAMLParseError) {
        var k = lineStart
        while k < p {
            if b[k] == 0x09 { throw error("a tab before a block collection on its line makes its indentation ambiguous; use spaces", at: k) }
            k += 1
        }
    }

    func onlySpacesBefore(_ p: Int) -> Bool {
        var k = lineStart
        while k < p { if b[k] != 0x20 { return false }; k += 1 }
        return true
    }

    mutating func unwindIndent(_ col: Int) {
        if flowLevel > 0 { return }
        while indent > col {
            append(.blockEnd, i, i)
            indent = indents.removeLast()
        }
    }

    mutating func addIndent(_ col: Int) -> Bool {
        if indent < col {
            indents.append(indent)
            indent = col
            return true
        }
        return false
    }

    // MARK: simple keys

    mutating func staleSimpleKeys() throws(YAMLParseError) {
        for level in simpleKeys.indices {
            guard let k = simpleKeys[level] else { continue }
            if k.line != line || i - k.offset > 1024 {
                if k.required { throw error("a line at this mapping's indentation must be 'key: value', but no ':' follows on the same line", at: k.offset) }
                simpleKeys[level] = nil
            }
        }
    }

    mutating func savePossibleSimpleKey() throws(YAMLParseError) {
        let required = flowLevel == 0 && indent == column
        if allowSimpleKey {
            try removePossibleSimpleKey()
            simpleKeys[flowLevel] = SimpleKey(tokenNumber: tokensTaken + queuedCount, required: required, offset: i, line: line, column: column)
        }
    }

    mutating func removePossibleSimpleKey() throws(YAMLParseError) {
        if let k = simpleKeys[flowLevel] {
            if k.required { throw error("a line at this mapping's indentation must be 'key: value', but no ':' follows on the same line", at: k.offset) }
            simpleKeys[flowLevel] = nil
        }
    }

    // MARK: fetchers

    mutating func fetchStreamEnd() throws(YAMLParseError) {
        if flowLevel > 0, let open = flowOpenOffsets.last {
            throw error("unclosed '\(Character(Unicode.Scalar(b[open])))': the file ends before its closing bracket", at: open)
        }
        unwindIndent(-1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        simpleKeys = [nil]
        append(.streamEnd, i, i)
        done = true
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLParseError) {
        unwindIndent(-1)
        try removePossibleSimpleKey()
        allowSimpleKey = kind == .documentStart
        let start = i
        forward(3)
        if kind == .documentStart { documentStartLine = line }
        append(kind, start, i)
        if kind == .documentEnd { try scanIgnoredLineAfter(what: "'...'") }
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLToken.Kind) throws(YAMLParseError) {
        try savePossibleSimpleKey()
        flowLevel += 1
        // One slot per open flow level (plus the block level), so per-token scans stay as short as the nesting.
        simpleKeys.append(nil)
        flowOpenOffsets.append(i)
        allowSimpleKey = true
        let start = i
        forward()
        append(kind, start, i)
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLToken.Kind) throws(YAMLParseError) {
        if flowLevel == 0 { throw error("'\(Character(Unicode.Scalar(b[i])))' closes a flow collection that was never opened") }
        try removePossibleSimpleKey()
        simpleKeys.removeLast()
        flowLevel -= 1
        flowOpenOffsets.removeLast()
        allowSimpleKey = false
        let start = i
        forward()
        jsonLikeEnd = i
        lastWasJSONLike = true
        append(kind, start, i)
    }

    mutating func fetchFlowEntry() throws(YAMLParseError) {
        if flowLevel == 0 { throw error("',' separates entries only inside a flow collection ('[…]' or '{…}'); quote the value") }
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = i
        forward()
        append(.flowEntry, start, i)
    }

    mutating func fetchBlockEntry() throws(YAMLParseError) {
        if flowLevel == 0 {
            if !allowSimpleKey { throw error("a sequence entry ('- ') is not allowed here; start the sequence on its own line") }
            if addIndent(column) {
                if line == documentStartLine { throw error("a block sequence cannot start on the '---' line") }
                try checkNoTabBefore(i)
                append(.blockSequenceStart, i, i)
            }
        }
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = i
        forward()
        append(.blockEntry, start, i)
    }

    mutating func fetchKey() throws(YAMLParseError) {
        if flowLevel == 0 {
            if !allowSimpleKey { throw error("a mapping key ('? ') is not allowed here") }
            if addIndent(column) {
                if line == documentStartLine { throw error("a block mapping cannot start on the '---' line") }
                try checkNoTabBefore(i)
                append(.blockMappingStart, i, i)
            }
        }
        allowSimpleKey = flowLevel == 0
        try removePossibleSimpleKey()
        let start = i
        forward()
        append(.key, start, i)
    }

    mutating func fetchValue() throws(YAMLParseError) {
        if let k = simpleKeys[flowLevel] {
            simpleKeys[flowLevel] = nil
            let at = head + (k.tokenNumber - tokensTaken)
            tokens.insert(YAMLToken(kind: .key, start: k.offset, end: k.offset), at: at)
            if flowLevel == 0 && addIndent(k.column) {
                if k.line == documentStartLine { throw error("a block mapping cannot start on the '---' line", at: k.offset) }
                try checkNoTabBefore(k.offset)
                tokens.insert(YAMLToken(kind: .blockMappingStart, start: k.offset, end: k.offset), at: at)
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                if !allowSimpleKey { throw error("mapping values are not allowed here") }
                if addIndent(column) {
                    if line == documentStartLine { throw error("a block mapping cannot start on the '---' line") }
                    append(.blockMappingStart, i, i)
                }
            }
            allowSimpleKey = flowLevel == 0
            try removePossibleSimpleKey()
        }
        let start = i
        forward()
        append(.value, start, i)
    }

    mutating func fetchAlias() throws(YAMLParseError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        let name = try scanAnchorName(what: "alias")
        append(.alias(name), start, i)
    }

    mutating func fetchAnchor() throws(YAMLParseError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        let name = try scanAnchorName(what: "anchor")
        append(.anchor(name), start, i)
    }

    mutating func fetchTag() throws(YAMLParseError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        let (handle, suffix) = try scanTag()
        append(.tag(handle: handle, suffix: suffix), start, i)
    }

    mutating func fetchBlockScalar(folded: Bool) throws(YAMLParseError) {
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = i
        let text = try scanBlockScalar(folded: folded)
        append(.scalar(text, folded ? .folded : .literal), start, i)
    }

    mutating func fetchFlowScalar(double: Bool) throws(YAMLParseError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        let text = try scanFlowScalar(double: double)
        jsonLikeEnd = i
        lastWasJSONLike = true
        append(.scalar(text, double ? .doubleQuoted : .singleQuoted), start, i)
        try checkAfterQuoted()
    }

    mutating func fetchPlain() throws(YAMLParseError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = i
        let (text, end) = try scanPlain()
        append(.scalar(text, .plain), start, end)
    }

    /// After a closing quote only blanks, a comment, a line end, `:` or (in flow) `,]}` may follow.
    mutating func checkAfterQuoted() throws(YAMLParseError) {
        let c = ch()
        if isBlankOrEnd() || c == UInt8(ascii: ":") { return }
        if c == UInt8(ascii: "#") { throw error("a comment must be separated from the value before it by a space") }
        if flowLevel > 0 && Self.isFlowIndicator(c) { return }
        throw error("unexpected \(describeChar(at: i)) right after a quoted scalar")
    }

    /// After `...` or a directive: only blanks and a comment until the end of the line.
    mutating func scanIgnoredLineAfter(what: String) throws(YAMLParseError) {
        while i < n && Self.isBlank(b[i]) { forward() }
        if i < n && b[i] == UInt8(ascii: "#") {
            if !Self.isBlank(b[i - 1]) { throw error("a comment must be separated from \(what) by a space") }
            while i < n && !Self.isBreak(b[i]) { i += 1; column += 1 }
        }
        if i < n && !Self.isBreak(b[i]) { throw error("unexpected \(describeChar(at: i)) after \(what) on the same line") }
    }
}
