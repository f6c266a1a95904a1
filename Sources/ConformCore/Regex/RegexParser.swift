/// Parses the ECMA-262 pattern subset that API schemas use into a `RegexNode` tree with positions.
///
/// Matching is done by `RegexProgram` in time linear in the input, so constructs that need
/// backtracking — backreferences `\1 \k<name>`, lookaround `(?= (?! (?<= (?<!` — are refused here, at
/// load time, with the offset of the culprit, as is anything outside the subset (`\u{…}`, flags,
/// scripts in `\p{…}`). Semantics are ECMA-262's without the `u` flag (Annex B for a lone `]`, `}` or a `{` that
/// does not start a quantifier), applied to Unicode scalars.
public struct RegexParser {
    /// The largest count `{n}` / `{n,m}` accepts: larger counts would make the program (and so the
    /// per-character work) huge.
    public static let maxCount = 1_000

    private let scalars: [UInt32]
    private let offsets: [Int]
    private var i = 0
    private var groupCount = 0

    /// Parses `pattern` into its tree, or throws the first refusal with its position.
    public static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.disjunction()
        if parser.i < parser.scalars.count {
            // Only an unmatched `)` stops a top-level disjunction.
            throw RegexSyntaxError("unmatched ')'", at: parser.offset(parser.i))
        }
        return node
    }

    private init(_ pattern: String) {
        var scalars: [UInt32] = [], offsets: [Int] = []
        var o = 0
        for s in pattern.unicodeScalars {
            scalars.append(s.value); offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)
        self.scalars = scalars; self.offsets = offsets
    }

    private func offset(_ index: Int) -> Int { offsets[min(index, offsets.count - 1)] }
    private func span(from start: Int) -> Range<Int> { offset(start)..<offset(i) }
    private var atEnd: Bool { i >= scalars.count }
    private func peek(_ ahead: Int = 0) -> UInt32? { i + ahead < scalars.count ? scalars[i + ahead] : nil }
    private func peekIs(_ c: Character, _ ahead: Int = 0) -> Bool { peek(ahead) == c.unicodeScalars.first!.value }

    private mutating func disjunction() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        var alternatives = [try alternative()]
        while peekIs("|") {
            i += 1
            alternatives.append(try alternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives, span: span(from: start))
    }

    private mutating func alternative() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        var terms: [RegexNode] = []
        while let c = peek(), c != ascii("|"), c != ascii(")") {
            terms.append(try term())
        }
        switch terms.count {
        case 0: return .empty(span: span(from: start))
        case 1: return terms[0]
        default: return .concatenation(terms, span: span(from: start))
        }
    }

    private mutating func term() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        let atom = try self.atom()
        guard let (min, max) = try quantifier() else { return atom }
        if case .assertion = atom { throw RegexSyntaxError("nothing to repeat: a quantifier after an assertion", at: offset(start)) }
        var lazy = false
        if peekIs("?") { lazy = true; i += 1 }
        return .repetition(atom, min: min, max: max, lazy: lazy, span: span(from: start))
    }

    /// `* + ? {n} {n,} {n,m}` at the cursor (consumed), or nil. A `{` that is not a quantifier is left
    /// for the caller to read as a literal (Annex B).
    private mutating func quantifier() throws(RegexSyntaxError) -> (Int, Int?)? {
        guard let c = peek() else { return nil }
        switch c {
        case ascii("*"): i += 1; return (0, nil)
        case ascii("+"): i += 1; return (1, nil)
        case ascii("?"): i += 1; return (0, 1)
        case ascii("{"):
            let start = i
            guard let bounds = try braces() else { return nil }
            if let max = bounds.1, max < bounds.0 {
                throw RegexSyntaxError("numbers out of order in {\(bounds.0),\(max)}", at: offset(start))
            }
            return bounds
        default: return nil
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` (consumed), or nil with the cursor unchanged when the brace does not
    /// start one.
    private mutating func braces() throws(RegexSyntaxError) -> (Int, Int?)? {
        let start = i
        i += 1
        guard let min = try count(braceAt: start) else { i = start; return nil }
        var max: Int? = min
        if peekIs(",") {
            i += 1
            max = peekIs("}") ? nil : try count(braceAt: start)
            if max == nil && !peekIs("}") { i = start; return nil }
        }
        guard peekIs("}") else { i = start; return nil }
        i += 1
        return (min, max)
    }

    private mutating func count(braceAt brace: Int) throws(RegexSyntaxError) -> Int? {
        let start = i
        var n = 0
        while let c = peek(), c >= ascii("0"), c <= ascii("9") {
            n = Swift.min(n * 10 + Int(c - ascii("0")), Self.maxCount + 1)
            i += 1
        }
        guard i > start else { return nil }
        if n > Self.maxCount {
            throw RegexSyntaxError("repetition count over \(Self.maxCount) (bounded so that matching stays fast)", at: offset(brace))
        }
        return n
    }

    private mutating func atom() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        let c = scalars[i]
        switch c {
        case ascii("^"): i += 1; return .assertion(.start, span: span(from: start))
        case ascii("$"): i += 1; return .assertion(.end, span: span(from: start))
        case ascii("."): i += 1; return .anyExceptNewline(span: span(from: start))
        case ascii("("): return try group()
        case ascii("["): return try characterClass()
        case ascii("\\"): return try atomEscape()
        case ascii("*"), ascii("+"), ascii("?"):
            throw RegexSyntaxError("nothing to repeat before '\(Character(Unicode.Scalar(c)!))'", at: offset(start))
        case ascii("{"):
            if try braces() != nil { i = start; throw RegexSyntaxError("nothing to repeat before '{'", at: offset(start)) }
            i += 1
            return .literal(c, span: span(from: start))
        default:
            i += 1
            return .literal(c, span: span(from: start))
        }
    }

    private mutating func group() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        i += 1
        var capturing = true
        var name: String?
        if peekIs("?") {
            switch peek(1) {
            case ascii(":"):
                capturing = false; i += 2
            case ascii("="), ascii("!"):
                throw RegexSyntaxError("lookahead cannot be matched in linear time", at: offset(start))
            case ascii("<") where peekIs("=", 2) || peekIs("!", 2):
                throw RegexSyntaxError("lookbehind cannot be matched in linear time", at: offset(start))
            case ascii("<"):
                i += 2
                name = try groupName(groupAt: start)
            default:
                throw RegexSyntaxError("unsupported group syntax '(?' (flags and other extensions are not ECMA-262)", at: offset(start))
            }
        }
        if capturing { groupCount += 1 }
        let inner = try disjunction()
        guard peekIs(")") else { throw RegexSyntaxError("unterminated group: '(' has no ')'", at: offset(start)) }
        i += 1
        return .group(inner, capturing: capturing, name: name, span: span(from: start))
    }

    private mutating func groupName(groupAt start: Int) throws(RegexSyntaxError) -> String {
        var name = ""
        while let c = peek(), c != ascii(">") {
            guard let s = Unicode.Scalar(c), s.properties.isXIDContinue || c == ascii("$") else {
                throw RegexSyntaxError("invalid character in group name", at: offset(i))
            }
            name.unicodeScalars.append(s)
            i += 1
        }
        guard peekIs(">"), !name.isEmpty else { throw RegexSyntaxError("group name must be '(?<name>…)'", at: offset(start)) }
        i += 1
        return name
    }

    private mutating func atomEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        i += 1
        guard let c = peek() else { throw RegexSyntaxError("pattern ends with a lone backslash", at: offset(start)) }
        switch c {
        case ascii("b"): i += 1; return .assertion(.wordBoundary, span: span(from: start))
        case ascii("B"): i += 1; return .assertion(.notWordBoundary, span: span(from: start))
        case ascii("1")...ascii("9"):
            throw RegexSyntaxError("backreference \\\(Character(Unicode.Scalar(c)!)) cannot be matched in linear time", at: offset(start))
        case ascii("k"):
            throw RegexSyntaxError("named backreference \\k cannot be matched in linear time", at: offset(start))
        case ascii("p"), ascii("P"):
            return .characterClass(try property(escapeAt: start), span: span(from: start))
        default:
            if let set = classEscape(c) { i += 1; return .characterClass(set, span: span(from: start)) }
            let value = try characterEscape(escapeAt: start, inClass: false)
            return .literal(value, span: span(from: start))
        }
    }

    /// `\d \D \w \W \s \S` as a class, or nil for other letters.
    private func classEscape(_ c: UInt32) -> RegexCharacterClass? {
        switch c {
        case ascii("d"): return .digit
        case ascii("D"): return RegexCharacterClass(RegexCharacterClass.digit.ranges, negated: true)
        case ascii("w"): return .word
        case ascii("W"): return RegexCharacterClass(RegexCharacterClass.word.ranges, negated: true)
        case ascii("s"): return .space
        case ascii("S"): return RegexCharacterClass(RegexCharacterClass.space.ranges, negated: true)
        default: return nil
        }
    }

    /// The code point of a character escape whose letter is at the cursor (consumed).
    private mutating func characterEscape(escapeAt start: Int, inClass: Bool) throws(RegexSyntaxError) -> UInt32 {
        let c = scalars[i]
        i += 1
        switch c {
        case ascii("t"): return 0x09
        case ascii("n"): return 0x0A
        case ascii("v"): return 0x0B
        case ascii("f"): return 0x0C
        case ascii("r"): return 0x0D
        case ascii("b") where inClass: return 0x08
        case ascii("0"):
            if let d = peek(), d >= ascii("0"), d <= ascii("9") {
                throw RegexSyntaxError("octal escapes are not supported", at: offset(start))
            }
            return 0
        case ascii("c"):
            guard let l = peek(), (ascii("a")...ascii("z")).contains(l) || (ascii("A")...ascii("Z")).contains(l) else {
                throw RegexSyntaxError("\\c must be followed by a letter (\\cA … \\cZ)", at: offset(start))
            }
            i += 1
            return l % 32
        case ascii("x"): return try hex(digits: 2, escapeAt: start, form: "\\xHH")
        case ascii("u"):
            if peekIs("{") { throw RegexSyntaxError("\\u{…} needs the 'u' flag, which JSON Schema patterns do not have; write \\uHHHH", at: offset(start)) }
            let unit = try hex(digits: 4, escapeAt: start, form: "\\uHHHH")
            // A surrogate pair written as two escapes is one code point.
            if (0xD800...0xDBFF).contains(unit), peekIs("\\"), peekIs("u", 1) {
                let save = i
                i += 2
                if let low = try? hex(digits: 4, escapeAt: start, form: "\\uHHHH"), (0xDC00...0xDFFF).contains(low) {
                    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                i = save
            }
            return unit
        default:
            if c < 0x80, let s = Unicode.Scalar(c), s.properties.isAlphabetic || (ascii("0")...ascii("9")).contains(c) {
                throw RegexSyntaxError("unknown escape \\\(Character(s))", at: offset(start))
            }
            return c
        }
    }

    /// `\p{Name}` / `\P{Name}` with the `p` at the cursor (consumed through the `}`).
    private mutating func property(escapeAt start: Int) throws(RegexSyntaxError) -> RegexCharacterClass {
        let negated = scalars[i] == ascii("P")
        i += 1
        guard peekIs("{") else { throw RegexSyntaxError("\\p must be followed by {Name}", at: offset(start)) }
        i += 1
        var name = ""
        while let c = peek(), c != ascii("}"), let s = Unicode.Scalar(c) { name.unicodeScalars.append(s); i += 1 }
        guard peekIs("}") else { throw RegexSyntaxError("unterminated \\p{…}", at: offset(start)) }
        i += 1
        guard let ranges = RegexUnicodeProperty.ranges(named: name) else {
            throw RegexSyntaxError("unsupported Unicode property \(JSONWriter.quote(name)) (supported: \(RegexUnicodeProperty.summary))", at: offset(start))
        }
        return RegexCharacterClass(ranges, negated: negated)
    }

    private mutating func hex(digits: Int, escapeAt start: Int, form: String) throws(RegexSyntaxError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<digits {
            guard let c = peek(), let d = Self.hexValue(c) else {
                throw RegexSyntaxError("escape must be \(form) with \(digits) hex digits", at: offset(start))
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }

    private static func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    private mutating func characterClass() throws(RegexSyntaxError) -> RegexNode {
        let start = i
        i += 1
        var negated = false
        if peekIs("^") { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        while !peekIs("]") {
            guard !atEnd else { throw RegexSyntaxError("unterminated character class: '[' has no ']'", at: offset(start)) }
            let lowAt = i
            let low = try classAtom()
            if peekIs("-"), let next = peek(1), next != ascii("]") {
                i += 1
                let high = try classAtom()
                switch (low, high) {
                case (.single(let a), .single(let b)):
                    guard a <= b else { throw RegexSyntaxError("range out of order in character class", at: offset(lowAt)) }
                    ranges.append(a...b)
                default:
                    // Annex B: a class escape at either end makes the '-' literal (`[\w-.]`).
                    ranges += low.ranges + high.ranges + [0x2D...0x2D]
                }
            } else {
                ranges += low.ranges
            }
        }
        i += 1
        return .characterClass(RegexCharacterClass(ranges, negated: negated), span: span(from: start))
    }

    private enum ClassAtom {
        case single(UInt32)
        case set([ClosedRange<UInt32>])
        var ranges: [ClosedRange<UInt32>] {
            switch self {
            case .single(let c): return [c...c]
            case .set(let r): return r
            }
        }
    }

    private mutating func classAtom() throws(RegexSyntaxError) -> ClassAtom {
        let c = scalars[i]
        guard c == ascii("\\") else { i += 1; return .single(c) }
        let start = i
        i += 1
        guard let e = peek() else { throw RegexSyntaxError("pattern ends with a lone backslash", at: offset(start)) }
        if let set = classEscape(e) { i += 1; return .set(set.effectiveRanges) }
        if e == ascii("p") || e == ascii("P") { return .set(try property(escapeAt: start).effectiveRanges) }
        if e == ascii("-") { i += 1; return .single(e) }
        if (ascii("1")...ascii("9")).contains(e) { throw RegexSyntaxError("octal escapes are not supported", at: offset(start)) }
        if e == ascii("B") || e == ascii("k") { throw RegexSyntaxError("unknown escape \\\(Character(Unicode.Scalar(e)!)) in a character class", at: offset(start)) }
        return .single(try characterEscape(escapeAt: start, inClass: true))
    }
}

/// The code point of an ASCII character literal.
@inline(__always) private func ascii(_ c: Unicode.Scalar) -> UInt32 { c.value }
