import Foundation

/// One spelling per JSON value, so that a content hash changes only when the content does.
///
/// Object keys sorted by their UTF-8 bytes, no whitespace, strings escaped as `JSONWriter` escapes them,
/// numbers by value (`1`, `1.0` and `1e0` are all written `1`, `0.50` is `0.5`) — the same equality as
/// `JSONValue ==`. Key order, whitespace and number spelling are therefore never a change; anything else is.
public enum CanonicalJSON {
    /// The canonical text of a value.
    public static func text(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// The canonical text of a value as UTF-8 bytes.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: number(n).utf8)
        case .string(let s): JSONWriter.appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            // Through the buffers, as `JSONWriter` writes compact text: no copy (retain and release) of each element.
            items.withUnsafeBufferPointer { items in
                for k in items.indices {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    append(items[k], to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let keys = object.keys
            // Sorted by the keys' first eight bytes as one number, the full bytes only where those tie: one look
            // at each key's storage instead of one per comparison.
            withUnsafeTemporaryAllocation(of: (prefix: UInt64, index: Int).self, capacity: keys.count) { buffer in
                keys.withUnsafeBufferPointer { keys in
                    object.values.withUnsafeBufferPointer { values in
                        var order = buffer
                        for i in keys.indices { order.initializeElement(at: i, to: (prefix8(keys[i]), i)) }
                        order.sort { $0.prefix != $1.prefix ? $0.prefix < $1.prefix : utf8Precedes(keys[$0.index], keys[$1.index]) }
                        for k in 0..<order.count {
                            if k > 0 { out.append(UInt8(ascii: ",")) }
                            let index = order[k].index
                            JSONWriter.appendString(keys[index], to: &out)
                            out.append(UInt8(ascii: ":"))
                            append(values[index], to: &out)
                        }
                    }
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The first eight UTF-8 bytes of `key`, big-endian, zero-padded: numbers ordered as the bytes are, except
    /// that a tie says nothing (`ab` and `ab\0`), so ties are compared in full.
    static func prefix8(_ key: String) -> UInt64 {
        func load(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<8 { v = v << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
            return v
        }
        if let v = key.utf8.withContiguousStorageIfAvailable(load) { return v }
        return Array(key.utf8).withUnsafeBufferPointer(load)
    }

    /// Byte order of the UTF-8 (Swift's `<` on strings orders by Unicode canonical equivalence, not bytes),
    /// compared in place: the generic comparison of two `String.UTF8View`s, or copying keys out, is many times slower.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let c = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }

    /// A number by value: plain decimal notation while it stays within 30 digits of the point, else `DIGITSeEXP`.
    public static func number(_ n: JSONNumber) -> String {
        let d = n.decimal
        guard !d.digits.isEmpty else { return "0" }
        let digits = String(decoding: d.digits, as: UTF8.self)
        let sign = d.negative ? "-" : ""
        if d.exponent >= 0 {
            guard d.exponent <= 30 else { return sign + digits + "e" + String(d.exponent) }
            return sign + digits + String(repeating: "0", count: d.exponent)
        }
        let fraction = -d.exponent
        guard fraction <= d.digits.count + 30 else { return sign + digits + "e" + String(d.exponent) }
        if fraction < d.digits.count {
            return sign + String(digits.dropLast(fraction)) + "." + String(digits.suffix(fraction))
        }
        return sign + "0." + String(repeating: "0", count: fraction - d.digits.count) + digits
    }
}
