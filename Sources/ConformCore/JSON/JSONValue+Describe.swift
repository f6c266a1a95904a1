extension JSONValue {
    /// A short, typed rendering for messages: `string "3"`, `integer 42`, `object with 3 members`,
    /// trimmed to about `limit` characters so a 7 MB body never lands in a report line.
    public func typedDescription(limit: Int = 80) -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "boolean \(b)"
        case .number(let n): return "\(typeName) \(Self.trim(n.text, limit))"
        case .string(let s): return "string \(Self.trim(JSONWriter.quote(s), limit))"
        case .array(let a): return "array of \(a.count) item\(a.count == 1 ? "" : "s") \(Self.trim(JSONWriter.write(self), limit))"
        case .object: return "object \(Self.trim(JSONWriter.write(self), limit))"
        }
    }

    /// Compact JSON text, trimmed to about `limit` characters with a trailing `…`.
    public func compactText(limit: Int = 80) -> String { Self.trim(JSONWriter.write(self), limit) }

    public static func trim(_ s: String, _ limit: Int) -> String {
        // Counts at most `limit` + 1 characters, not the whole text (a catalog trims every member of 2,000 items).
        guard s.utf8.count > limit, s.index(s.startIndex, offsetBy: max(limit, 0), limitedBy: s.endIndex).map({ $0 < s.endIndex }) ?? false
        else { return s }
        return String(s.prefix(max(1, limit - 1))) + "…"
    }
}
