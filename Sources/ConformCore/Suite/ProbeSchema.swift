import Foundation

/// The parts of a parameter schema probes are generated from — type, bounds, enum — after looking
/// through local `$ref`s, `allOf`, and an `anyOf`/`oneOf` whose only non-null branch is the real schema
/// (OpenAPI 3.1's way of saying "nullable"). Each keyword keeps the pointer where it was written, so a
/// generated probe can cite it.
struct ProbeSchema {
    enum Kind { case integer, number, array, other }

    typealias Keyword = (value: JSONValue, pointer: JSONPointer)

    private(set) var keywords: [String: Keyword] = [:]
    /// For arrays: the item schema, looked through the same way.
    private(set) var items: [String: Keyword] = [:]

    init(at pointer: JSONPointer, in document: JSONValue) {
        keywords = Self.flatten(pointer, in: document, depth: 0)
        if let (value, itemsPointer) = keywords["items"], case .object = value {
            items = Self.flatten(itemsPointer, in: document, depth: 0)
        }
    }

    var kind: Kind {
        switch Self.types(keywords) {
        case ["integer"]: return .integer
        case ["number"]: return .number
        case ["array"]: return .array
        default: return .other
        }
    }

    func number(_ key: String) -> (JSONNumber, JSONPointer)? {
        guard let (value, pointer) = keywords[key], case .number(let n) = value else { return nil }
        return (n, pointer)
    }

    /// The enum of the schema, or of its items when it is an array; null values left out.
    var enumeration: (values: [JSONValue], pointer: JSONPointer, ofItems: Bool)? {
        let source = kind == .array ? items : keywords
        guard let (value, pointer) = source["enum"], case .array(let values) = value else { return nil }
        let nonNull = values.filter { !$0.isNull }
        return nonNull.isEmpty ? nil : (nonNull, pointer, kind == .array)
    }

    /// Non-null type names (`["integer", "null"]` → `["integer"]`).
    private static func types(_ k: [String: Keyword]) -> [String] {
        switch k["type"]?.value {
        case .string(let t)?: return t == "null" ? [] : [t]
        case .array(let a)?: return a.compactMap(\.stringValue).filter { $0 != "null" }
        default: return []
        }
    }

    /// The keywords that apply at `pointer`: its own, then those of what it references or combines,
    /// never overriding one already found (the nearer keyword wins).
    private static func flatten(_ pointer: JSONPointer, in document: JSONValue, depth: Int) -> [String: Keyword] {
        guard depth < 16, case .object(let o)? = pointer.resolve(in: document) else { return [:] }
        var out: [String: Keyword] = [:]
        for (key, value) in o where !["$ref", "allOf", "anyOf", "oneOf"].contains(key) { out[key] = (value, pointer.appending(key)) }
        func merge(_ other: [String: Keyword]) { for (k, v) in other where out[k] == nil { out[k] = v } }
        if case .string(let ref)? = o["$ref"], ref.hasPrefix("#"),
           let target = JSONPointer(String(ref.dropFirst()).removingPercentEncodingIfPossible) {
            merge(flatten(target, in: document, depth: depth + 1))
        }
        for (i, _) in (o["allOf"]?.arrayValue ?? []).enumerated() {
            merge(flatten(pointer.appending("allOf").appending(i), in: document, depth: depth + 1))
        }
        for key in ["anyOf", "oneOf"] {
            let branches = (o[key]?.arrayValue ?? []).indices.map { flatten(pointer.appending(key).appending($0), in: document, depth: depth + 1) }
            let real = branches.filter { !(types($0).isEmpty && $0["type"] != nil) }
            if real.count == 1 { merge(real[0]) } else if real.count > 1 { out["type"] = out["type"] ?? (.string("mixed"), pointer.appending(key)) }
        }
        return out
    }
}

private extension String {
    /// `%`-decoding for `$ref` fragments, leaving text that is not valid percent-encoding as it is.
    var removingPercentEncodingIfPossible: String { PercentCoding.decodeStrictly(self) ?? self }
}
