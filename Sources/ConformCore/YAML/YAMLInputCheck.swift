/// What YAML refuses before any syntax: bytes that are not UTF-8 and control characters (YAML's
/// character set is printable Unicode plus tab, LF and CR).
enum YAMLInputCheck {
    static func check(_ b: [UInt8]) throws(YAMLParseError) {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) || c == 0x7F {
                    throw YAMLParseError("control character \(hexByte(c)) is not allowed in YAML (write it as an escape in a double-quoted string)", at: i)
                }
                i += 1
                continue
            }
            let length: Int
            var scalar: UInt32
            if c & 0xE0 == 0xC0 { length = 2; scalar = UInt32(c & 0x1F) }
            else if c & 0xF0 == 0xE0 { length = 3; scalar = UInt32(c & 0x0F) }
            else if c & 0xF8 == 0xF0 { length = 4; scalar = UInt32(c & 0x07) }
            else { throw YAMLParseError("invalid UTF-8 byte \(hexByte(c))", at: i) }
            guard i + length <= n else { throw YAMLParseError("truncated UTF-8 sequence at the end of the file", at: i) }
            for k in 1..<length {
                let d = b[i + k]
                guard d & 0xC0 == 0x80 else { throw YAMLParseError("invalid UTF-8 sequence", at: i) }
                scalar = scalar << 6 | UInt32(d & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : (length == 3 ? 0x800 : 0x10000)
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) {
                throw YAMLParseError("invalid UTF-8 sequence", at: i)
            }
            // C1 controls other than NEL, and the non-characters U+FFFE/U+FFFF, are outside YAML's set.
            if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                throw YAMLParseError("character U+\(String(scalar, radix: 16, uppercase: true)) is not allowed in YAML", at: i)
            }
            i += length
        }
    }
}
