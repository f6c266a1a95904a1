import Foundation

/// A byte-level JSON parser (RFC 8259), strict, with byte offsets for every error.
///
/// Foundation's parsers lose key order, conflate `true` with `1`, and report no usable position
/// (see FACTS.md); this one keeps order and exact number text, validates UTF-8, bounds nesting depth
/// (an error, never a stack overflow), and accepts a leading UTF-8 byte-order mark.
public struct JSONParser {
    public struct Options: Sendable {
        /// Deepest nesting of arrays and objects accepted.
        public var maxDepth: Int = 512
        /// Reject an object that names the same key twice (suite files); responses keep the last.
        public var rejectDuplicateKeys: Bool = false
        /// Record the offset of every value and key (for positioned errors in suite files).
        public var recordLocations: Bool = false
        public init(maxDepth: Int = 512, rejectDuplicateKeys: Bool = false, recordLocations: Bool = false) {
            self.maxDepth = maxDepth; self.rejectDuplicateKeys = rejectDuplicateKeys; self.recordLocations = recordLocations
        }
    }

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(JSONParseError) -> JSONValue {
        try parseWithLocations(bytes, options: options).value
    }

    public static func parse(_ text: String, options: Options = Options()) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }

    /// Parses a whole document and returns the offsets recorded (empty unless `recordLocations`).
    public static func parseWithLocations(_ bytes: [UInt8], options: Options = Options()) throws(JSONParseError) -> (value: JSONValue, locations: JSONLocations) {
        let result: Result<(JSONValue, JSONLocations), JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var state = ParserState(buffer: buffer, options: options)
            do throws(JSONParseError) {
                let v = try state.parseDocument()
                return .success((v, state.locations))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let pair): return (pair.0, pair.1)
        case .failure(let error): throw error
        }
    }
}

private struct ParserState {
    let b: UnsafeBufferPointer<UInt8>
    let options: Options
    var i = 0
    var depth = 0
    var locations = JSONLocations()
    var path: [String] = []
    /// Members and elements of the containers being parsed, innermost on top; each container copies its
    /// slice out at its end, so its arrays are allocated once at their exact size instead of growing.
    let keyStack = JSONScratchStack<String>()
    /// The key table's id of each key on `keyStack` (-1 when not in the table), for cheap duplicate checks.
    let keyIDStack = JSONScratchStack<Int32>()
    let valueStack = JSONScratchStack<JSONValue>()
    var keys = JSONKeyTable()
    /// The last object shape seen per first-key id: its key ids and the shared keys array.
    var shapes = [KeyShape?](repeating: nil, count: JSONKeyTable.size)
    /// An object's key ids and its keys array (a struct, not a tuple: a tuple element type is looked up in
    /// the runtime's metadata cache on every copy, which showed at 1 % of a self-test).
    struct KeyShape {
        let ids: [Int32]
        let keys: [String]
    }
    typealias Options = JSONParser.Options

    init(buffer: UnsafeBufferPointer<UInt8>, options: Options) { self.b = buffer; self.options = options }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i >= b.count { throw JSONParseError(b.isEmpty ? "empty input: expected a JSON value" : "expected a JSON value, found only whitespace", at: i) }
        let v = try parseValue()
        skipWhitespace()
        if i < b.count { throw JSONParseError("unexpected \(describe(i)) after the JSON value (trailing garbage)", at: i) }
        return v
    }

    @inline(__always) mutating func skipWhitespace() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
    }

    func describe(_ at: Int) -> String {
        guard at < b.count else { return "end of input" }
        let c = b[at]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        if c == 0x20 { return "' '" }
        return "byte \(hexByte(c))"
    }

    mutating func record() {
        guard options.recordLocations else { return }
        locations.values[JSONPointer(tokens: path)] = i
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard i < b.count else { throw JSONParseError("unexpected end of input: expected a value", at: i) }
        record()
        switch b[i] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal(Self.trueBytes, "true"); return .bool(true)
        case UInt8(ascii: "f"): try literal(Self.falseBytes, "false"); return .bool(false)
        case UInt8(ascii: "n"): try literal(Self.nullBytes, "null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "/"): throw JSONParseError("comments are not allowed in JSON", at: i)
        case UInt8(ascii: "N"): throw JSONParseError("NaN is not a JSON value", at: i)
        case UInt8(ascii: "I"): throw JSONParseError("Infinity is not a JSON value", at: i)
        case UInt8(ascii: "'"): throw JSONParseError("strings must use double quotes", at: i)
        case UInt8(ascii: "]"), UInt8(ascii: "}"): throw JSONParseError("unexpected \(describe(i)): expected a value", at: i)
        default: throw JSONParseError("unexpected \(describe(i)): expected a value", at: i)
        }
    }

    /// Members an object may have before duplicate keys are found through a dictionary instead of a scan.
    static let linearKeyLimit = 32

    static let trueBytes: [UInt8] = Array("true".utf8)
    static let falseBytes: [UInt8] = Array("false".utf8)
    static let nullBytes: [UInt8] = Array("null".utf8)

    mutating func literal(_ p: [UInt8], _ word: String) throws(JSONParseError) {
        let start = i
        let n = p.count
        for k in 0..<n {
            guard start + k < b.count, b[start + k] == p[k] else {
                throw JSONParseError("invalid literal: expected '\(word)'", at: start)
            }
        }
        i += n
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > options.maxDepth {
            throw JSONParseError("nesting deeper than \(options.maxDepth) levels", at: i)
        }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(JSONObject()) }
        let base = keyStack.count, valueBase = valueStack.count
        var large: [String: Int]?
        while true {
            skipWhitespace()
            guard i < b.count else { throw JSONParseError("unexpected end of input inside an object", at: i) }
            guard b[i] == UInt8(ascii: "\"") else {
                if b[i] == UInt8(ascii: "}") { throw JSONParseError("trailing comma before '}'", at: i) }
                if b[i] == UInt8(ascii: "/") { throw JSONParseError("comments are not allowed in JSON", at: i) }
                throw JSONParseError("expected a string key, found \(describe(i))", at: i)
            }
            let keyOffset = i
            let (key, keyID) = try parseKey()
            skipWhitespace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else {
                throw JSONParseError("expected ':' after object key, found \(describe(i))", at: i)
            }
            i += 1
            skipWhitespace()
            if options.recordLocations { path.append(key); locations.keys[JSONPointer(tokens: path)] = keyOffset }
            let value = try parseValue()
            if options.recordLocations { path.removeLast() }
            if let existing = large?[key] ?? (large == nil ? duplicate(of: key, id: keyID, from: base) : nil) {
                if options.rejectDuplicateKeys {
                    throw JSONParseError("duplicate key \"\(key)\" in object", at: keyOffset)
                }
                valueStack.replace(at: valueBase + (existing - base), with: value)
            } else {
                keyStack.push(key); keyIDStack.push(keyID); valueStack.push(value)
                if large != nil {
                    large?[key] = keyStack.count - 1
                } else if keyStack.count - base >= Self.linearKeyLimit {
                    // A scan per member is quadratic: past a few dozen members, look duplicates up by hash.
                    var index: [String: Int] = [:]
                    for j in base..<keyStack.count { index[keyStack.element(at: j)] = j }
                    large = index
                }
            }
            skipWhitespace()
            guard i < b.count else { throw JSONParseError("unexpected end of input inside an object: expected ',' or '}'", at: i) }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONParseError("expected ',' or '}' in object, found \(describe(i))", at: i)
        }
        depth -= 1
        let values = valueStack.popArray(from: valueBase)
        return .object(JSONObject(uncheckedKeys: objectKeys(from: base), values: values))
    }

    /// The keys of the object just parsed, popped off the stack. Objects with the same keys in the same
    /// order (every item of a list) share one keys array instead of allocating their own.
    mutating func objectKeys(from base: Int) -> [String] {
        let n = keyStack.count - base
        let first = keyIDStack.element(at: base)
        if first >= 0, let shared = shapes[Int(first)], shared.ids.count == n {
            var same = true
            for k in 0..<n where shared.ids[k] != keyIDStack.element(at: base + k) { same = false; break }
            if same {
                keyStack.drop(from: base); keyIDStack.drop(from: base)
                return shared.keys
            }
        }
        let ids = keyIDStack.popArray(from: base)
        let keys = keyStack.popArray(from: base)
        if first >= 0, ids.allSatisfy({ $0 >= 0 }) { shapes[Int(first)] = KeyShape(ids: ids, keys: keys) }
        return keys
    }

    /// Index on the key stack of an earlier member with the same key. Keys from the table compare by id;
    /// a key outside it (escaped, or the table was full) compares by text.
    func duplicate(of key: String, id: Int32, from base: Int) -> Int? {
        var j = base
        while j < keyStack.count {
            let other = keyIDStack.element(at: j)
            if id >= 0 && other >= 0 {
                if id == other { return j }
            } else if keyStack.element(at: j) == key {
                return j
            }
            j += 1
        }
        return nil
    }

    /// A key and its id in the key table: keys repeat in every item of a list, so unescaped ones are
    /// shared through the table.
    mutating func parseKey() throws(JSONParseError) -> (String, Int32) {
        let start = i + 1
        var k = start
        var hash: UInt32 = 2_166_136_261
        while k < b.count {
            let c = b[k]
            if c == UInt8(ascii: "\"") {
                if let known = keys.lookup(b, start, k, hash) { i = k + 1; return known }
                let key = try parseString()
                return (key, keys.insert(b, start, k, hash, key))
            }
            if c == UInt8(ascii: "\\") || c < 0x20 || c >= 0x80 { break }
            hash = (hash ^ UInt32(c)) &* 16_777_619
            k += 1
        }
        return (try parseString(), -1)
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        skipWhitespace()
        if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array([]) }
        let base = valueStack.count
        while true {
            skipWhitespace()
            if i < b.count && b[i] == UInt8(ascii: "]") { throw JSONParseError("trailing comma before ']'", at: i) }
            if options.recordLocations { path.append(String(valueStack.count - base)) }
            let value = try parseValue()
            valueStack.push(value)
            if options.recordLocations { path.removeLast() }
            skipWhitespace()
            guard i < b.count else { throw JSONParseError("unexpected end of input inside an array: expected ',' or ']'", at: i) }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { i += 1; break }
            throw JSONParseError("expected ',' or ']' in array, found \(describe(i))", at: i)
        }
        depth -= 1
        return .array(valueStack.popArray(from: base))
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = i
        if b[i] == UInt8(ascii: "-") {
            i += 1
            if i < b.count && b[i] == UInt8(ascii: "I") { throw JSONParseError("Infinity is not a JSON value", at: start) }
        }
        guard i < b.count, isDigit(b[i]) else { throw JSONParseError("expected a digit in number", at: i) }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if i < b.count && isDigit(b[i]) { throw JSONParseError("leading zeros are not allowed in numbers", at: start) }
        } else {
            while i < b.count && isDigit(b[i]) { i += 1 }
        }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < b.count, isDigit(b[i]) else { throw JSONParseError("expected a digit after the decimal point", at: i) }
            while i < b.count && isDigit(b[i]) { i += 1 }
        }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < b.count, isDigit(b[i]) else { throw JSONParseError("expected a digit in the exponent", at: i) }
            while i < b.count && isDigit(b[i]) { i += 1 }
        }
        return JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes. Validate UTF-8 and control characters while scanning.
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try parseEscapedString(from: start, open: open) }
            if c < 0x20 { throw JSONParseError(controlMessage(c), at: i) }
            if c < 0x80 { i += 1 } else { try skipUTF8Scalar() }
        }
        throw JSONParseError("unterminated string", at: open)
    }

    func controlMessage(_ c: UInt8) -> String {
        c == 0x0A ? "unterminated string (a newline inside a string must be escaped as \\n)"
            : "control character \(hexByte(c)) must be escaped inside a string"
    }

    /// Validates one multi-byte UTF-8 scalar at `i` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    @inline(__always) mutating func skipUTF8Scalar() throws(JSONParseError) {
        let c = b[i]
        var need = 0
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: throw JSONParseError("invalid UTF-8 byte \(hexByte(c))", at: i)
        }
        guard i + need < b.count else { throw JSONParseError("invalid UTF-8: truncated sequence", at: i) }
        let second = b[i + 1]
        guard second >= lo && second <= hi else { throw JSONParseError("invalid UTF-8 sequence", at: i) }
        for k in 2..<(need + 1) where k <= need {
            guard b[i + k] & 0xC0 == 0x80 else { throw JSONParseError("invalid UTF-8 sequence", at: i) }
        }
        i += need + 1
    }

    mutating func parseEscapedString(from start: Int, open: Int) throws(JSONParseError) -> String {
        var bytes = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c < 0x20 { throw JSONParseError(controlMessage(c), at: i) }
            if c == UInt8(ascii: "\\") {
                let escAt = i
                i += 1
                guard i < b.count else { throw JSONParseError("unterminated string", at: open) }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(at: escAt)
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                            throw JSONParseError("lone high surrogate \\u\(String(scalar, radix: 16, uppercase: true)) (expected a low surrogate to follow)", at: escAt)
                        }
                        let lowAt = i
                        i += 2
                        let low = try hex4(at: lowAt)
                        guard low >= 0xDC00 && low <= 0xDFFF else {
                            throw JSONParseError("high surrogate not followed by a low surrogate", at: lowAt)
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw JSONParseError("lone low surrogate \\u\(String(scalar, radix: 16, uppercase: true))", at: escAt)
                    }
                    appendUTF8(scalar, to: &bytes)
                default:
                    throw JSONParseError("invalid escape '\\\(Character(Unicode.Scalar(e)))' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: escAt)
                }
                continue
            }
            if c < 0x80 { bytes.append(c); i += 1 } else {
                let s = i
                try skipUTF8Scalar()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<i]))
            }
        }
        throw JSONParseError("unterminated string", at: open)
    }

    mutating func hex4(at escAt: Int) throws(JSONParseError) -> UInt32 {
        // `i` points just past "\u".
        guard i + 4 <= b.count else { throw JSONParseError("incomplete \\u escape (expected 4 hex digits)", at: escAt) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            guard let digit = HexDigit.value(c) else { throw JSONParseError("invalid \\u escape (expected 4 hex digits)", at: escAt) }
            let d = UInt32(digit)
            v = v * 16 + d
            i += 1
        }
        return v
    }

    func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        switch s {
        case 0..<0x80: out.append(UInt8(s))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (s >> 6))); out.append(UInt8(0x80 | (s & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (s >> 12))); out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (s >> 18))); out.append(UInt8(0x80 | ((s >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((s >> 6) & 0x3F))); out.append(UInt8(0x80 | (s & 0x3F)))
        }
    }
}

/// `0x1B`: a byte as two upper-case hex digits, for messages.
func hexByte(_ c: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 0xF)])
}
