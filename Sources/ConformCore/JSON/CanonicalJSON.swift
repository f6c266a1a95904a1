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
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            // Compared as byte arrays: the generic comparison of two `String.UTF8View`s is many times slower.
            let bytes = object.keys.map { Array($0.utf8) }
            let order = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
            for (k, index) in order.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(object.keys[index], to: &out)
                out.append(UInt8(ascii: ":"))
                append(object.values[index], to: &out)
            }
            out.append(UInt8(ascii: "}"))
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
