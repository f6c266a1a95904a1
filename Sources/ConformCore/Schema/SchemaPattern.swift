import Foundation

/// A compiled `pattern`: ECMA-262 source, matched unanchored (a search, as JSON Schema says).
///
/// ICU (behind `NSRegularExpression`) gives `\d`, `\w` and `\s` their Unicode meaning; ECMA-262, which
/// JSON Schema and API specs follow, means ASCII digits and word characters and its own whitespace set.
/// Those escapes are rewritten to explicit classes before compiling.
final class SchemaPattern: @unchecked Sendable {
    let source: String
    private let regex: NSRegularExpression

    init?(_ source: String) {
        guard let r = try? NSRegularExpression(pattern: Self.icuPattern(fromECMA: source), options: []) else { return nil }
        self.source = source; self.regex = r
    }

    func matches(_ s: String) -> Bool {
        regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..<s.endIndex, in: s)) != nil
    }

    private static let whitespace = #"\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#

    static func icuPattern(fromECMA source: String) -> String {
        var out = ""
        var chars = source.makeIterator()
        while let c = chars.next() {
            guard c == "\\", let next = chars.next() else { out.append(c); continue }
            switch next {
            case "d": out += "[0-9]"
            case "D": out += "[^0-9]"
            case "w": out += "[A-Za-z0-9_]"
            case "W": out += "[^A-Za-z0-9_]"
            case "s": out += "[\(whitespace)]"
            case "S": out += "[^\(whitespace)]"
            default: out.append(c); out.append(next)
            }
        }
        return out
    }
}
