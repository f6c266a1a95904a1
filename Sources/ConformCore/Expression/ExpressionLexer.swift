/// Splits expression text into tokens; rejects anything outside the language with a positioned error.
struct ExpressionLexer {
    static let keywords: Set<String> = ["true", "false", "null", "in"]
    /// Longest first, so `<=` wins over `<`.
    static let symbols = ["=>", "??", "||", "&&", "==", "!=", "<=", ">=", "(", ")", "[", "]", ",", ".", "!", "<", ">",
                          "+", "-", "*", "/", "%"].map { Array($0.utf8) }

    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func tokenize(_ bytes: [UInt8]) throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(bytes)
        var out: [ExpressionToken] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        let start = i
        guard i < bytes.count else { return ExpressionToken(kind: .end, start: i, end: i) }
        let c = bytes[i]
        if isIdentifierStart(c) {
            while i < bytes.count, isIdentifierStart(bytes[i]) || isDigit(bytes[i]) { i += 1 }
            let word = String(decoding: bytes[start..<i], as: UTF8.self)
            let kind: ExpressionToken.Kind = Self.keywords.contains(word) ? .keyword(word) : .identifier(word)
            return ExpressionToken(kind: kind, start: start, end: i)
        }
        if isDigit(c) { return try number() }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { return try string(quote: c) }
        for s in Self.symbols where bytes.count - i >= s.count && bytes[i..<(i + s.count)].elementsEqual(s) {
            i += s.count
            return ExpressionToken(kind: .symbol(String(decoding: s, as: UTF8.self)), start: start, end: i)
        }
        switch c {
        case UInt8(ascii: "="): throw ExpressionSyntaxError("'=' is not an operator; use '==' to compare", at: start)
        case UInt8(ascii: "&"): throw ExpressionSyntaxError("'&' is not an operator; use '&&'", at: start)
        case UInt8(ascii: "|"): throw ExpressionSyntaxError("'|' is not an operator; use '||'", at: start)
        default:
            let scalar = String(decoding: bytes[start...].prefix(4), as: UTF8.self).unicodeScalars.first.map { String($0) } ?? "?"
            throw ExpressionSyntaxError("unexpected character '\(scalar)'", at: start)
        }
    }

    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
    }

    /// A JSON number (no leading zeros, digits after the point) so its text is a valid `JSONNumber`.
    mutating func number() throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = i
        if bytes[i] == UInt8(ascii: "0"), i + 1 < bytes.count, isDigit(bytes[i + 1]) {
            throw ExpressionSyntaxError("leading zeros are not allowed in numbers", at: start)
        }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            guard i + 1 < bytes.count, isDigit(bytes[i + 1]) else {
                throw ExpressionSyntaxError("expected a digit after the decimal point", at: i + 1)
            }
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw ExpressionSyntaxError("expected a digit in the exponent", at: i) }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, isIdentifierStart(bytes[i]) {
            throw ExpressionSyntaxError("unexpected letter after number", at: i)
        }
        return ExpressionToken(kind: .number(String(decoding: bytes[start..<i], as: UTF8.self)), start: start, end: i)
    }

    mutating func string(quote: UInt8) throws(ExpressionSyntaxError) -> ExpressionToken {
        let open = i
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == quote {
                i += 1
                return ExpressionToken(kind: .string(String(decoding: out, as: UTF8.self)), start: open, end: i)
            }
            if c == 0x0A || c == 0x0D { throw ExpressionSyntaxError("unterminated string", at: open) }
            guard c == UInt8(ascii: "\\") else { out.append(c); i += 1; continue }
            let escAt = i
            guard i + 1 < bytes.count else { throw ExpressionSyntaxError("unterminated string", at: open) }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(escapeAt: escAt)
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw ExpressionSyntaxError("lone high surrogate in \\u escape", at: escAt)
                    }
                    let lowAt = i
                    i += 2
                    let low = try hex4(escapeAt: lowAt)
                    guard low >= 0xDC00 && low <= 0xDFFF else { throw ExpressionSyntaxError("high surrogate not followed by a low surrogate", at: lowAt) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw ExpressionSyntaxError("lone low surrogate in \\u escape", at: escAt)
                }
                guard let u = Unicode.Scalar(scalar) else { throw ExpressionSyntaxError("invalid \\u escape", at: escAt) }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                let shown = String(decoding: [e], as: UTF8.self)
                throw ExpressionSyntaxError("invalid escape '\\\(shown)' (valid: \\\" \\' \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: escAt)
            }
        }
        throw ExpressionSyntaxError("unterminated string", at: open)
    }

    mutating func hex4(escapeAt: Int) throws(ExpressionSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw ExpressionSyntaxError("incomplete \\u escape (expected 4 hex digits)", at: escapeAt) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            guard let digit = HexDigit.value(c) else { throw ExpressionSyntaxError("invalid \\u escape (expected 4 hex digits)", at: escapeAt) }
            let d = UInt32(digit)
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

/// A parse error before it is turned into the public `ExpressionParseError` (which adds the column).
struct ExpressionSyntaxError: Error {
    var message: String
    var offset: Int
    init(_ message: String, at offset: Int) { self.message = message; self.offset = offset }
}
