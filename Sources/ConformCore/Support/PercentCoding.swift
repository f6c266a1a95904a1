import Foundation

/// RFC 3986 percent-encoding and decoding: the one implementation for request paths and queries, URI
/// fragments, `file://` paths and pagination links.
public enum PercentCoding {
    /// Keeps only unreserved characters (`A-Z a-z 0-9 - . _ ~`); every other UTF-8 byte becomes `%XX`.
    public static func encode<S: StringProtocol>(_ text: S) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `%XX` decoded; a `%` not followed by two hex digits stays as it is; `+` becomes a space when
    /// `plusIsSpace` (form encoding). Bytes that are not UTF-8 become U+FFFD.
    public static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool = false) -> String {
        decode(text, plusIsSpace: plusIsSpace, strict: false) ?? String(text)
    }

    /// `%XX` decoded, or nil when a `%` is not followed by two hex digits or the bytes are not UTF-8.
    public static func decodeStrictly<S: StringProtocol>(_ text: S) -> String? {
        decode(text, plusIsSpace: false, strict: true)
    }

    private static func decode<S: StringProtocol>(_ text: S, plusIsSpace: Bool, strict: Bool) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                if i + 2 < bytes.count, let h = HexDigit.value(bytes[i + 1]), let l = HexDigit.value(bytes[i + 2]) {
                    out.append(h << 4 | l); i += 3; continue
                }
                if strict { return nil }
            }
            out.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
            i += 1
        }
        if strict { return String(bytes: out, encoding: .utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}
