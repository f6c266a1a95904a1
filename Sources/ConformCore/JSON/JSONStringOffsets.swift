/// Maps a UTF-8 byte offset inside a decoded JSON string back to the file, through its escapes
/// (`\\d` in the file is `\d` in the string), so a caret can point at one character of a pattern or an
/// expression written in a suite.
enum JSONStringOffsets {
    /// The file offset of the source character that produced decoded byte `decodedOffset` of the string
    /// whose opening quote is at `quote` (the closing quote for an offset at or past the end); nil when
    /// `quote` is not a string.
    static func fileOffset(stringAt quote: Int, in bytes: [UInt8], decodedOffset: Int) -> Int? {
        guard quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") else { return nil }
        var pos = quote + 1, decoded = 0
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") || decoded >= decodedOffset { return pos }
            var source = 1, width = 1
            if b == UInt8(ascii: "\\"), pos + 1 < bytes.count {
                source = 2
                if bytes[pos + 1] == UInt8(ascii: "u"), let unit = hex4(bytes, pos + 2) {
                    source = 6
                    if (0xD800...0xDBFF).contains(unit), pos + 11 < bytes.count, bytes[pos + 6] == UInt8(ascii: "\\"),
                       bytes[pos + 7] == UInt8(ascii: "u"), let low = hex4(bytes, pos + 8), (0xDC00...0xDFFF).contains(low) {
                        source = 12; width = 4
                    } else {
                        width = unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3
                    }
                }
            }
            if decoded + width > decodedOffset { return pos }
            decoded += width
            pos += source
        }
        return nil
    }

    private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for b in bytes[at..<(at + 4)] {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = v * 16 + UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = v * 16 + UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = v * 16 + UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        return v
    }
}
