import ConformCore

/// What a schema says about a value, read through `$ref`, `allOf` and the `anyOf`/`oneOf` "or null" idiom,
/// with OpenAPI 3.0's `nullable` and boolean `exclusiveMinimum` read as 2020-12 would: the one reading of a
/// schema that diff, check and import share.
public struct SchemaFacts {
    /// The schema node after following `$ref` (where its keywords sit).
    public let node: SpecNode
    /// Types other than `null` (`["integer", "string"]`); empty when the schema states none.
    public var types: Set<String> = []
    /// Whether `null` is allowed (`nullable: true`, `type: [X, "null"]`, `anyOf: [X, {type: "null"}]`).
    public var nullable = false
    /// `enum` values (or the one `const`), in order; nil when the schema does not close the set.
    public var enumValues: [JSONValue]?
    public var enumNode: SpecNode?
    public var format: String?
    /// `properties`, in order, merged over `allOf`.
    public var properties: [(name: String, node: SpecNode)] = []
    public var required: Set<String> = []
    /// `items` (for arrays).
    public var items: SpecNode?
    /// `additionalProperties` as written: nil (absent), `true`, `false` or a schema.
    public var additionalProperties: SpecNode?
    /// Numeric and size bounds by keyword (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`,
    /// `minLength`, `maxLength`, `minItems`, `maxItems`), each with the node that states it.
    public var bounds: [String: (value: JSONNumber, node: SpecNode)] = [:]
    /// Several non-null alternatives (`oneOf`/`anyOf` of objects): compared branch by branch.
    public var alternatives: [SpecNode] = []

    public static let boundKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems"]

    public func property(_ name: String) -> SpecNode? { properties.first { $0.name == name }?.node }

    /// Reads `node` (following `$ref`s through `documents`).
    public init(_ node: SpecNode, documents: SpecDocuments, depth: Int = 0) throws(SpecError) {
        let resolved = try documents.resolve(node)
        self.node = resolved
        let v = resolved.value
        guard v.objectValue != nil, depth < 32 else { return }
        switch v["type"] {
        case .string(let t)?: if t == "null" { nullable = true } else { types.insert(t) }
        case .array(let list)?:
            for t in list.compactMap(\.stringValue) { if t == "null" { nullable = true } else { types.insert(t) } }
        default: break
        }
        if v["nullable"]?.boolValue == true { nullable = true }
        if let e = resolved.member("enum"), let list = e.value.arrayValue {
            enumValues = list.filter { !$0.isNull }
            if list.contains(where: \.isNull) { nullable = true }
            enumNode = e
        } else if let c = resolved.member("const") {
            enumValues = [c.value]; enumNode = c
        }
        format = v["format"]?.stringValue
        if let map = resolved.member("properties") {
            // `properties: {$ref: …}` (a reference in place of the whole map, as DigitalOcean writes it).
            let members = map.value["$ref"] != nil ? try documents.resolve(map) : map
            for (name, p) in members.members { properties.append((name, p)) }
        }
        for r in v["required"]?.arrayValue ?? [] { if let s = r.stringValue { required.insert(s) } }
        items = resolved.member("items")
        additionalProperties = resolved.member("additionalProperties")
        for k in Self.boundKeywords {
            guard let b = resolved.member(k) else { continue }
            if let n = b.value.numberValue { bounds[k] = (n, b) }
        }
        // OpenAPI 3.0: `exclusiveMinimum: true` makes `minimum` exclusive.
        for (flag, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            if v[flag]?.boolValue == true, let b = bounds[bound] { bounds[flag] = b; bounds[bound] = nil }
        }
        for part in resolved.member("allOf")?.elements ?? [] {
            merge(try SchemaFacts(part, documents: documents, depth: depth + 1))
        }
        for keyword in ["anyOf", "oneOf"] {
            guard let list = resolved.member(keyword)?.elements, !list.isEmpty else { continue }
            var others: [SpecNode] = []
            for branch in list {
                let b = try documents.resolve(branch)
                if b.value["type"]?.stringValue == "null", b.value.objectValue?.count == 1 { nullable = true } else { others.append(branch) }
            }
            if others.count == 1 {
                merge(try SchemaFacts(others[0], documents: documents, depth: depth + 1))
            } else {
                // Several simple type alternatives (`integer | string`) read as a type list.
                var simple = Set<String>()
                var allSimple = true
                for branch in others {
                    let f = try SchemaFacts(branch, documents: documents, depth: depth + 1)
                    if f.properties.isEmpty, f.enumValues == nil, f.items == nil, !f.types.isEmpty { simple.formUnion(f.types) } else { allSimple = false }
                    if f.nullable { nullable = true }
                }
                if allSimple { types.formUnion(simple) } else { alternatives += others }
            }
        }
    }

    private mutating func merge(_ other: SchemaFacts) {
        types.formUnion(other.types)
        if other.nullable { nullable = true }
        if enumValues == nil { enumValues = other.enumValues; enumNode = other.enumNode }
        if format == nil { format = other.format }
        for p in other.properties where property(p.name) == nil { properties.append(p) }
        required.formUnion(other.required)
        if items == nil { items = other.items }
        if additionalProperties == nil { additionalProperties = other.additionalProperties }
        for (k, b) in other.bounds where bounds[k] == nil { bounds[k] = b }
        alternatives += other.alternatives
    }

    /// `additionalProperties: false`.
    public var closed: Bool { additionalProperties?.value.boolValue == false }

    /// The type list as text (`integer`, `integer|string`, `any`).
    public var typeText: String { types.isEmpty ? "any" : types.sorted().joined(separator: "|") }
}
