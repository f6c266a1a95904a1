/// Serialises a `JSONValue` back to JSON text: key order and number text exactly as held.
public struct JSONWriter {
    /// Compact (`{"a":1}`) or pretty-printed with two-space indentation.
    public static func write(_ value: JSONValue, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(value, to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Compact text, copying the known text of any object `known` has already written (byte for byte what
    /// writing the object would give: the known text is its compact text).
    public static func bytes(_ value: JSONValue, reusing known: any JSONWrittenObjects) -> [UInt8] {
        var out: [UInt8] = []
        appendCompact(value, to: &out, known: known)
        return out
    }

    /// Appends a JSON string literal with the escapes RFC 8259 requires.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        // Most strings need no escaping: scan the UTF-8 storage directly and copy it in one go (the generic
        // `contains(where:)` on `String.UTF8View` and byte-by-byte appends dominate otherwise).
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for c in bytes where c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true { appendEscaped(s, to: &out) }
        out.append(0x22)
    }

    /// The string's bytes with `"`, `\\` and control characters escaped.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        for c in s.utf8 {
            switch c {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 0xF)])
            default: out.append(c)
            }
        }
    }

    /// A JSON string literal as text.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Compact text (`{"a":1}`), walking arrays and members through their buffers (no per-element copies).
    static func appendCompact(_ value: JSONValue, to out: inout [UInt8], known: (any JSONWrittenObjects)?) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.text.utf8)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { buffer in
                for k in buffer.indices {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    appendCompact(buffer[k], to: &out, known: known)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if let known, let text = known.bytes(of: o) { out.append(contentsOf: text); return }
            out.append(UInt8(ascii: "{"))
            o.keys.withUnsafeBufferPointer { keys in
                o.values.withUnsafeBufferPointer { values in
                    for k in keys.indices {
                        if k > 0 { out.append(UInt8(ascii: ",")) }
                        appendString(keys[k], to: &out)
                        out.append(UInt8(ascii: ":"))
                        appendCompact(values[k], to: &out, known: known)
                    }
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A value as `write` spells it, at nesting depth `indent`: also for writers that produce part of a document
    /// themselves (`appendArray`, `appendObject`).
    public static func append(_ value: JSONValue, to out: inout [UInt8], pretty: Bool, indent: Int) {
        guard pretty else { return appendCompact(value, to: &out, known: nil) }
        switch value {
        case .null, .bool, .number, .string: appendCompact(value, to: &out, known: nil)
        case .array(let items):
            appendArray(count: items.count, to: &out, pretty: true, indent: indent) { k, out, inner in
                append(items[k], to: &out, pretty: true, indent: inner)
            }
        case .object(let o):
            appendObject(keys: o.keys, to: &out, pretty: true, indent: indent) { k, out, inner in
                append(o.values[k], to: &out, pretty: true, indent: inner)
            }
        }
    }

    /// An array of `count` elements laid out as `write` lays one out, each written by `element(index, &out, depth)`:
    /// a writer streams a long array this way instead of building it as one tree (a results file's catalog items).
    public static func appendArray(count: Int, to out: inout [UInt8], pretty: Bool, indent: Int,
                                   element: (Int, inout [UInt8], Int) throws -> Void) rethrows {
        if count == 0 { out.append(contentsOf: "[]".utf8); return }
        out.append(UInt8(ascii: "["))
        for k in 0..<count {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(&out, indent + 1) }
            try element(k, &out, indent + 1)
        }
        if pretty { newline(&out, indent) }
        out.append(UInt8(ascii: "]"))
    }

    /// An object with these keys laid out as `write` lays one out, each value written by `value(index, &out, depth)`.
    public static func appendObject(keys: [String], to out: inout [UInt8], pretty: Bool, indent: Int,
                                    value: (Int, inout [UInt8], Int) throws -> Void) rethrows {
        if keys.isEmpty { out.append(contentsOf: "{}".utf8); return }
        out.append(UInt8(ascii: "{"))
        for k in 0..<keys.count {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            if pretty { newline(&out, indent + 1) }
            appendString(keys[k], to: &out)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(0x20) }
            try value(k, &out, indent + 1)
        }
        if pretty { newline(&out, indent) }
        out.append(UInt8(ascii: "}"))
    }

    static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 2))
    }
}
