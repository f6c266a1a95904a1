import Foundation
import ConformCore

extension Synthesizer {
    /// A string honouring `format` (the formatted value first), `pattern` (the realistic text when it
    /// matches, else one generated from the regex) and `minLength`/`maxLength` together where the pattern
    /// allows; the pattern is checked with Conform's own engine, as the validator does.
    func string(_ view: SchemaView, key: SeededRandom, member: String?, trace: inout SynthesisTrace) -> JSONValue {
        let s = view.schema
        let name = member ?? "value"
        var text: String
        if let format = s["format"]?.stringValue {
            if site(.formatBreak(at: view.pointer), "format", view, trace: &trace) { return .string(Self.brokenFormat(format)) }
            text = Self.formatted(format, key) ?? Self.word(name, key)
        } else {
            let lower = name.lowercased()
            if lower.contains("url") || lower.hasSuffix("uri") || lower == "href" {
                text = "https://example.com/\(lower)/\(Self.hex(key, 6))"
            } else if lower.contains("email") {
                text = "user-\(Self.hex(key, 4))@example.com"
            } else {
                text = Self.word(name, key)
            }
        }
        let minLength = min(10_000, Int(s["minLength"]?.numberValue?.int64Value ?? 0))
        let maxLength = s["maxLength"]?.numberValue?.int64Value.map { Int(min($0, 10_000)) }
        let window = minLength...max(minLength, maxLength ?? max(minLength, 10_000))
        let bounded = s["minLength"] != nil || maxLength != nil
        let program = s["pattern"]?.stringValue.flatMap { try? RegexProgram($0) }
        if let program, let format = s["format"]?.stringValue, !program.matches(text) {
            // A format and a pattern: another formatted value may meet both (`date` and `^2024-`).
            for k in 0..<24 {
                guard let f = Self.formatted(format, key.child("format-\(k)")), program.matches(f), window.contains(f.unicodeScalars.count) else { continue }
                text = f
                break
            }
        }
        if let program {
            text = Self.matching(program, preferred: text, window: bounded ? window : nil, key: key)
        } else if bounded {
            text = Self.fitted(text, window)
        }
        return .string(stringDrifts(view, text, program: program, window: window, key: key, trace: &trace))
    }

    /// Records the string's drift sites (pattern, lengths) and returns the broken text when one is armed.
    private func stringDrifts(_ view: SchemaView, _ valid: String, program: RegexProgram?, window: ClosedRange<Int>, key: SeededRandom,
                              trace: inout SynthesisTrace) -> String {
        let s = view.schema
        if let program, site(.patternMismatch(at: view.pointer), "pattern", view, trace: &trace) {
            return Self.mismatching(program, valid: valid, window: window)
        }
        if let m = s["minLength"]?.numberValue?.int64Value, m >= 1, m <= 10_000, site(.tooShort(at: view.pointer), "minLength", view, trace: &trace) {
            let target = Int(m) - 1
            return Self.lengthBreak(program, valid: valid, length: target, key: key)
        }
        if let m = s["maxLength"]?.numberValue?.int64Value, m < 10_000, site(.tooLong(at: view.pointer), "maxLength", view, trace: &trace) {
            return Self.lengthBreak(program, valid: valid, length: Int(m) + 1, key: key)
        }
        return valid
    }

    /// Text of exactly `length` scalars, matching the pattern when one can.
    static func lengthBreak(_ program: RegexProgram?, valid: String, length: Int, key: SeededRandom) -> String {
        if let program {
            for k in 0..<6 {
                let g = RegexGenerator.generate(program.tree, key: key.child("break-\(k)"), window: length...length)
                if g.unicodeScalars.count == length, program.matches(g) { return g }
            }
        }
        return fitted(valid, length...length)
    }

    /// `text` padded with `x` or cut to fit the length window (lengths in Unicode scalars, as the validator counts).
    static func fitted(_ text: String, _ window: ClosedRange<Int>) -> String {
        var scalars = Array(text.unicodeScalars)
        if scalars.count < window.lowerBound { scalars += Array(repeating: "x", count: window.lowerBound - scalars.count) }
        if scalars.count > window.upperBound { scalars = Array(scalars.prefix(window.upperBound)) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// `registry-3fa2c1`: readable, lower case (so case-insensitive and exact sorts agree).
    static func word(_ member: String, _ key: SeededRandom) -> String {
        let base = member.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return "\(base.isEmpty ? "value" : base)-\(hex(key, 6))"
    }

    static func hex(_ key: SeededRandom, _ digits: Int) -> String {
        let v = SeededRandom.mix(key.state ^ 0x0123_4567_89ab_cdef)
        let text = String(v, radix: 16)
        return String(String(repeating: "0", count: max(0, 16 - text.count)) + text).suffix(digits).description
    }

    /// A value in the given format, by grammar (RFC 3339, RFC 4122, …); nil for a format we do not know.
    static func formatted(_ format: String, _ key: SeededRandom) -> String? {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = 2023 + key.child("y").below(3), month = 1 + key.child("m").below(12), day = 1 + key.child("d").below(28)
        let hour = key.child("h").below(24), minute = key.child("n").below(60), second = key.child("s").below(60)
        switch format {
        case "date-time": return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
        case "date": return "\(year)-\(two(month))-\(two(day))"
        case "time": return "\(two(hour)):\(two(minute)):\(two(second))Z"
        case "uuid":
            let h = hex(key.child("a"), 16) + hex(key.child("b"), 16)
            let c = Array(h)
            return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
        case "email", "idn-email": return "user-\(hex(key, 4))@example.com"
        case "uri", "url", "iri", "uri-reference", "iri-reference": return "https://example.com/r/\(hex(key, 6))"
        case "hostname", "idn-hostname": return "host-\(hex(key, 4)).example.com"
        case "ipv4": return "10.\(key.child("1").below(256)).\(key.child("2").below(256)).\(1 + key.child("3").below(254))"
        case "ipv6": return "fd00::\(hex(key, 4))"
        case "duration": return "PT\(1 + key.below(59))M"
        case "int32", "int64": return "\(key.below(1000))"
        default: return nil
        }
    }

    /// A value the format's grammar rejects.
    static func brokenFormat(_ format: String) -> String {
        switch format {
        case "date-time": return "2024-02-30 25:61"
        case "date": return "2024-13-45"
        case "time": return "25:61:00"
        case "uuid": return "not-a-uuid"
        case "email", "idn-email": return "not-an-email"
        case "uri", "url", "iri": return "not a uri"
        case "ipv4": return "999.1.1.1"
        case "ipv6": return "not:an:ipv6::address::"
        case "hostname", "idn-hostname": return "-bad-.host-"
        default: return "not-a-\(format)"
        }
    }

    /// The preferred text if the pattern matches it within the window; else text generated from the
    /// pattern's tree; else the first of a few common shapes that matches.
    static func matching(_ program: RegexProgram, preferred: String, window: ClosedRange<Int>?, key: SeededRandom) -> String {
        func fits(_ s: String) -> Bool { window?.contains(s.unicodeScalars.count) ?? true }
        if program.matches(preferred), fits(preferred) { return preferred }
        for k in 0..<6 {
            let g = RegexGenerator.generate(program.tree, key: key.child("regex-\(k)"), window: window)
            if program.matches(g), fits(g) { return g }
        }
        let candidates = [hex(key, 8), "abc", "a", "A", "1", "abc-123", "ABC_123", formatted("uuid", key) ?? "",
                          formatted("date-time", key) ?? "", formatted("date", key) ?? "", "user@example.com", "https://example.com"]
        for c in candidates where program.matches(c) && fits(c) { return c }
        return preferred
    }

    /// A string the pattern does not match, of a length in the window when one is found.
    static func mismatching(_ program: RegexProgram, valid: String, window: ClosedRange<Int>) -> String {
        let length = max(window.lowerBound, min(valid.unicodeScalars.count, window.upperBound))
        var candidates: [String] = []
        for c in ["!", "~", " ", "0", "a", "A", "-", "\u{e9}"] { candidates.append(String(repeating: c, count: max(length, 1))) }
        candidates += [valid + "!", "!" + valid, String(valid.dropLast()) + "!", "!" + String(valid.dropFirst()), "", "!"]
        let inWindow = candidates.filter { window.contains($0.unicodeScalars.count) }
        return (inWindow + candidates).first { !program.matches($0) } ?? "!"
    }

    /// A value different from `c` of the same type.
    static func breakConst(_ c: JSONValue) -> JSONValue {
        switch c {
        case .string(let s): return .string(s + "-drift")
        case .number(let n): return JSONValue(Int(n.int64Value ?? 0) &+ 1)
        case .bool(let b): return .bool(!b)
        case .null: return "drift"
        default: return .null
        }
    }

    /// A value of the enum's type that is not one of its options.
    static func outside(_ options: [JSONValue]) -> JSONValue {
        if options.allSatisfy({ $0.numberValue != nil || $0.isNull }) {
            let top = options.compactMap { $0.numberValue?.int64Value }.max() ?? 0
            return JSONValue(Int(top) &+ 1)
        }
        var candidate = "not-in-enum"
        while options.contains(.string(candidate)) { candidate += "-x" }
        return .string(candidate)
    }

    /// A value of a JSON type other than `type`.
    static func otherType(_ type: String) -> JSONValue {
        switch type {
        case "string": return 12345
        case "integer", "number": return "12345"
        case "boolean": return "true"
        case "array": return .object(JSONObject())
        default: return .array([])
        }
    }
}
