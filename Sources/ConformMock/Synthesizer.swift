import ConformCore

/// Builds JSON values that are valid by construction against the JSON Schemas of a suite document:
/// `$ref`, `allOf` (merged), `anyOf`/`oneOf` (one branch, deterministically, honouring `discriminator`),
/// `enum`, `const`, `type` lists, `format`, bounds, `minItems`, `additionalProperties` maps; every
/// required member always, optional members for most objects. Values depend only on the `SeededRandom`
/// key, so the same key yields the same value. An armed `SchemaDrift` breaks its one rule wherever its
/// schema location is met.
struct Synthesizer {
    let document: JSONValue
    var drift: SchemaDrift?
    var armed = false

    init(document: JSONValue, drift: SchemaDrift? = nil) {
        self.document = document
        self.drift = drift
    }

    /// A value for the schema at `pointer`. `member` is the object member being filled (for realistic
    /// strings); `force` names members of this object to include even when optional.
    func value(_ pointer: JSONPointer, key: SeededRandom, member: String? = nil, force: Set<String> = [],
               skip: Set<String> = [], depth: Int = 0, trace: inout SynthesisTrace) -> JSONValue {
        guard depth < 24, let view = SchemaView.resolve(pointer, in: document) else { return .null }
        trace.visited.insert(view.pointer)
        let s = view.schema
        if let c = s["const"] {
            trace.add(DriftSite(drift: .constBreak(at: view.pointer), rulePointer: view.pointer.appending("const"), check: "schema.const"))
            if armed, drift == .constBreak(at: view.pointer) { return Self.breakConst(c) }
            return c
        }
        if case .array(let options)? = s["enum"], !options.isEmpty {
            trace.add(DriftSite(drift: .enumOutside(at: view.pointer), rulePointer: view.pointer.appending("enum"), check: "schema.enum"))
            if armed, drift == .enumOutside(at: view.pointer) { return Self.outside(options) }
            let usable = options.filter { !$0.isNull }
            let pool = usable.isEmpty ? options : usable
            return pool[key.below(pool.count)]
        }
        for keyword in ["oneOf", "anyOf"] {
            if case .array(let branches)? = s[keyword], !branches.isEmpty {
                return branch(view, keyword: keyword, count: branches.count, key: key, member: member, force: force, depth: depth, trace: &trace)
            }
        }
        let types = view.types
        let type = types.isEmpty ? Self.impliedType(s) : types[key.child("type").below(types.count)]
        var result: JSONValue
        switch type {
        case "object": result = object(view, key: key, force: force, skip: skip, depth: depth, trace: &trace)
        case "array": result = array(view, key: key, member: member, depth: depth, trace: &trace)
        case "string": result = string(view, key: key, member: member, trace: &trace)
        case "integer": result = integer(view, key: key, member: member)
        case "number": result = number(view, key: key, member: member)
        case "boolean": result = .bool(key.chance(50))
        case "null": result = .null
        default: result = .string(Self.word(member ?? "value", key))
        }
        if types.count == 1, ["string", "integer", "number", "boolean", "object", "array"].contains(type), s["format"] == nil {
            trace.add(DriftSite(drift: .typeChange(at: view.pointer), rulePointer: view.pointer.appending("type"), check: "schema.type"))
            if armed, drift == .typeChange(at: view.pointer) { result = Self.otherType(type) }
        }
        return result
    }

    private func branch(_ view: SchemaView, keyword: String, count: Int, key: SeededRandom, member: String?, force: Set<String>,
                        depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        var index = key.child(keyword).below(count)
        let branchPointer = { (k: Int) in view.pointer.appending(keyword).appending(k) }
        // Prefer a branch that is not just `null`.
        for step in 0..<count {
            let k = (index + step) % count
            if SchemaView.resolve(branchPointer(k), in: document)?.types != ["null"] { index = k; break }
        }
        var result = value(branchPointer(index), key: key, member: member, force: force, depth: depth + 1, trace: &trace)
        // OpenAPI discriminator: name the chosen branch in its property.
        if case .object(let d)? = view.schema["discriminator"], let property = d["propertyName"]?.stringValue,
           case .object(var o) = result,
           !(armed && SchemaPath.isTouched([property], from: branchPointer(index), in: document, by: drift)) {
            let ref = branchPointer(index).resolve(in: document)?["$ref"]?.stringValue
            if let mapping = d["mapping"]?.objectValue, let ref,
               let name = zip(mapping.keys, mapping.values).first(where: { $0.1.stringValue == ref })?.0 {
                o[property] = .string(name)
            } else if o[property] == nil, let ref, let last = ref.split(separator: "/").last {
                o[property] = .string(String(last))
            }
            result = .object(o)
        }
        // The members of the surrounding schema (properties beside oneOf) still apply.
        if view.schema["properties"] != nil, case .object(let inner) = result,
           case .object(let outer) = object(view, key: key, force: force, depth: depth, trace: &trace) {
            var merged = outer
            for (k, v) in zip(inner.keys, inner.values) { merged[k] = v }
            result = .object(merged)
        }
        return result
    }

    private func object(_ view: SchemaView, key: SeededRandom, force: Set<String>, skip: Set<String> = [], depth: Int,
                        trace: inout SynthesisTrace) -> JSONValue {
        var out = JSONObject()
        let required = Set(view.required)
        for (name, pointer) in view.propertyPointers where !skip.contains(name) {
            let needed = required.contains(name) || force.contains(name)
            if !needed {
                // Optional members: present in most objects, thinning out with depth so the output stays small.
                guard depth < 8, key.child("?" + name).chance(depth < 2 ? 85 : 60) else { continue }
            }
            out[name] = value(pointer, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
        }
        for name in view.required where out[name] == nil && !skip.contains(name) {
            // Required but not described: any value is allowed.
            out[name] = .string(Self.word(name, key.child(name)))
        }
        if view.propertyPointers.isEmpty, case .object? = view.schema["additionalProperties"] {
            let count = min(4, max(1, Int(view.schema["minProperties"]?.numberValue?.int64Value ?? 1)))
            for k in 0..<min(count + key.below(2), 4) {
                out["key_\(k + 1)"] = value(view.pointer.appending("additionalProperties"), key: key.child("key_\(k + 1)"),
                                            member: "value", depth: depth + 1, trace: &trace)
            }
        }
        for name in view.required {
            guard let rp = view.requiredPointer else { break }
            trace.add(DriftSite(drift: .dropRequired(object: view.pointer, member: name), rulePointer: rp.appending("required"), check: "schema.required"))
            if armed, drift == .dropRequired(object: view.pointer, member: name) { out[name] = nil }
        }
        return .object(out)
    }

    private func array(_ view: SchemaView, key: SeededRandom, member: String?, depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        let minItems = Int(view.schema["minItems"]?.numberValue?.int64Value ?? 0)
        let maxItems = view.schema["maxItems"]?.numberValue?.int64Value.map { Int($0) } ?? Int.max
        var count = max(minItems, depth < 6 ? 1 + key.child("#").below(2) : minItems)
        count = min(count, maxItems, 20)
        let itemsPointer = view.pointer.appending("items")
        guard view.schema["items"] != nil else { return .array((0..<count).map { .string(Self.word(member ?? "item", key.child($0))) }) }
        var items: [JSONValue] = []
        let unique = view.schema["uniqueItems"]?.boolValue == true
        var attempt = 0
        while items.count < count, attempt < count * 4 {
            let v = value(itemsPointer, key: key.child(attempt), member: member.map { Self.singular($0) }, depth: depth + 1, trace: &trace)
            attempt += 1
            if unique, items.contains(v) { continue }
            items.append(v)
        }
        return .array(items)
    }

    private func integer(_ view: SchemaView, key: SeededRandom, member: String?) -> JSONValue {
        let (lo, hi) = bounds(view, member: member, integer: true)
        return .number(JSONNumber(Int(key.within(Int64(lo)...Int64(max(lo, hi))))))
    }

    private func number(_ view: SchemaView, key: SeededRandom, member: String?) -> JSONValue {
        let (lo, hi) = bounds(view, member: member, integer: false)
        let whole = Double(key.within(Int64(lo)...Int64(max(lo, hi))))
        let candidate = whole + 0.5
        return .number(JSONNumber(candidate <= hi && candidate >= lo ? candidate : whole))
    }

    /// Inclusive bounds from minimum/maximum/exclusive*, with a sensible default span (Unix times for `*_at`).
    private func bounds(_ view: SchemaView, member: String?, integer: Bool) -> (Double, Double) {
        let s = view.schema
        var lo = s["minimum"]?.numberValue?.doubleValue
        var hi = s["maximum"]?.numberValue?.doubleValue
        if let e = s["exclusiveMinimum"]?.numberValue?.doubleValue { lo = max(lo ?? -.infinity, integer ? (e + 1).rounded(.down) : e + 0.25) }
        if let e = s["exclusiveMaximum"]?.numberValue?.doubleValue { hi = min(hi ?? .infinity, integer ? (e - 1).rounded(.up) : e - 0.25) }
        if let l = lo { lo = integer ? l.rounded(.up) : l }
        if let h = hi { hi = integer ? h.rounded(.down) : h }
        // Keep within what Int64 and Double hold exactly; documents state int64 limits as bounds.
        lo = lo.map { min(max($0, -1e15), 1e15) }
        hi = hi.map { min(max($0, -1e15), 1e15) }
        let name = member?.lowercased() ?? ""
        let isTime = name.hasSuffix("_at") || name == "created" || name.contains("timestamp") || name.hasSuffix("time")
        let span: ClosedRange<Double> = isTime ? 1_600_000_000...1_760_000_000 : 0...1000
        switch (lo, hi) {
        case let (l?, h?): return (l, max(l, h))
        case let (l?, nil): return (l, l + (span.upperBound - span.lowerBound > 1000 ? span.upperBound : 1000))
        case let (nil, h?): return (min(h, span.lowerBound), h)
        default: return (span.lowerBound, span.upperBound)
        }
    }

    private static func impliedType(_ s: JSONObject) -> String {
        if s["properties"] != nil || s["additionalProperties"] != nil || s["required"] != nil { return "object" }
        if s["items"] != nil { return "array" }
        if s["format"] != nil || s["pattern"] != nil || s["minLength"] != nil { return "string" }
        if s["minimum"] != nil || s["maximum"] != nil { return "integer" }
        return "string"
    }

    static func singular(_ name: String) -> String { name.hasSuffix("s") ? String(name.dropLast()) : name }
}
