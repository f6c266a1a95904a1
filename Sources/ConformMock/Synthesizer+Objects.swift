import ConformCore

extension Synthesizer {
    /// An object: required members always, optional ones mostly; `patternProperties` and
    /// `additionalProperties` members when the schema declares none or `minProperties` asks for more;
    /// `dependentRequired`/`dependentSchemas` members beside their trigger; trimmed to `maxProperties`;
    /// generated member names obey `propertyNames`.
    func object(_ view: SchemaView, key: SeededRandom, force: Set<String>, skip: Set<String> = [], depth: Int,
                trace: inout SynthesisTrace) -> JSONValue {
        let s = view.schema
        var out = JSONObject()
        let required = Set(view.required)
        for (name, pointer) in view.propertyPointers where !skip.contains(name) {
            let needed = required.contains(name) || force.contains(name)
            if !needed {
                // Optional members: always present at the top two levels (real clients, like the vendors' SDKs,
                // expect complete objects), then in most objects, thinning out with depth so the output stays small.
                guard depth < 8, depth < 2 || key.child("?" + name).chance(60) else { continue }
            }
            out[name] = value(pointer, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
        }
        for name in view.required where out[name] == nil && !skip.contains(name) {
            out[name] = undeclared(view, name, key: key, depth: depth, trace: &trace)
        }
        let closed = s["additionalProperties"]?.boolValue == false
        let minProperties = Int(s["minProperties"]?.numberValue?.int64Value ?? 0)
        let maxProperties = s["maxProperties"]?.numberValue?.int64Value.map { Int($0) }
        // A map (no declared members) gets a few entries; any object gets as many as minProperties asks.
        let isMap = view.propertyPointers.isEmpty && (s["additionalProperties"]?.objectValue != nil || s["patternProperties"] != nil)
        var wanted = max(minProperties, isMap ? min(4, max(1, minProperties) + key.below(2)) : 0)
        if let m = maxProperties { wanted = min(wanted, m) }
        for (name, pointer) in view.propertyPointers where out.count < wanted && out[name] == nil && !skip.contains(name) {
            out[name] = value(pointer, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
        }
        var k = 0
        while out.count < wanted, k < wanted + 8 {
            k += 1
            guard let (name, v) = extraMember(view, index: k, key: key, closed: closed, depth: depth, trace: &trace) else { break }
            if out[name] == nil { out[name] = v }
        }
        dependents(view, &out, key: key, depth: depth, trace: &trace)
        // `not: {required: [a, b]}` (members that exclude each other): leave one of them out.
        if let not = SchemaView.resolve((view.origins["not"] ?? view.pointer).appending("not"), in: document),
           Set(not.schema.keys).isSubset(of: ["required", "type"]), !not.required.isEmpty, not.required.allSatisfy({ out[$0] != nil }),
           let drop = not.required.last(where: { !required.contains($0) && !force.contains($0) }) {
            out[drop] = nil
        }
        if let m = maxProperties, out.count > m {
            let keep = required.union(force)
            for name in out.keys.reversed() where out.count > m && !keep.contains(name) { out[name] = nil }
        }
        objectDrifts(view, &out, key: key, closed: closed, depth: depth, trace: &trace)
        return .object(out)
    }

    /// A required member the schema does not describe: from `patternProperties` when a pattern names it,
    /// else from `additionalProperties`, else any word.
    private func undeclared(_ view: SchemaView, _ name: String, key: SeededRandom, depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        if let pointer = patternPropertyPointer(view, name) {
            return value(pointer, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
        }
        if view.schema["additionalProperties"]?.objectValue != nil {
            return value(view.pointer.appending("additionalProperties"), key: key.child(name), member: name, depth: depth + 1, trace: &trace)
        }
        return .string(Self.word(name, key.child(name)))
    }

    /// The `patternProperties` schema whose pattern matches `name`.
    func patternPropertyPointer(_ view: SchemaView, _ name: String) -> JSONPointer? {
        guard let patterns = view.schema["patternProperties"]?.objectValue else { return nil }
        for p in patterns.keys where (try? RegexProgram(p))?.matches(name) == true {
            return (view.origins["patternProperties"] ?? view.pointer).appending("patternProperties").appending(p)
        }
        return nil
    }

    /// The `index`th member beyond the declared ones: named from a `patternProperties` pattern (or `key_N`,
    /// obeying `propertyNames`), valued from its schema. Nil when the object is closed and no pattern helps.
    private func extraMember(_ view: SchemaView, index: Int, key: SeededRandom, closed: Bool, depth: Int,
                             trace: inout SynthesisTrace) -> (String, JSONValue)? {
        let s = view.schema
        let childKey = key.child("key_\(index)")
        if let patterns = s["patternProperties"]?.objectValue, !patterns.isEmpty {
            let p = patterns.keys[childKey.below(patterns.count)]
            if let program = try? RegexProgram(p) {
                var name = RegexGenerator.generate(program.tree, key: childKey, window: nil)
                if !program.matches(name) { name = "key_\(index)" }
                if program.matches(name) {
                    let pointer = (view.origins["patternProperties"] ?? view.pointer).appending("patternProperties").appending(p)
                    return (name, value(pointer, key: childKey, member: "value", depth: depth + 1, trace: &trace))
                }
            }
        }
        if closed { return nil }
        var name = "key_\(index)"
        if s["propertyNames"] != nil {
            // A name is not a value: its keywords' drifts would be reported as `propertyNames`, so none are recorded.
            var calm = self
            calm.armed = false
            var scratch = SynthesisTrace()
            if case .string(let n) = calm.value((view.origins["propertyNames"] ?? view.pointer).appending("propertyNames"),
                                                key: childKey, member: "key", depth: depth + 1, trace: &scratch) {
                name = n
            }
        }
        if s["additionalProperties"]?.objectValue != nil {
            let pointer = (view.origins["additionalProperties"] ?? view.pointer).appending("additionalProperties")
            return (name, value(pointer, key: childKey, member: "value", depth: depth + 1, trace: &trace))
        }
        return (name, .string(Self.word("value", childKey)))
    }

    /// `dependentRequired` and `dependentSchemas`: a present trigger brings its dependents.
    private func dependents(_ view: SchemaView, _ out: inout JSONObject, key: SeededRandom, depth: Int, trace: inout SynthesisTrace) {
        if let deps = view.schema["dependentRequired"]?.objectValue {
            for (trigger, list) in zip(deps.keys, deps.values) where out[trigger] != nil {
                for name in (list.arrayValue ?? []).compactMap(\.stringValue) where out[name] == nil {
                    out[name] = member(view, name, key: key, depth: depth, trace: &trace)
                }
            }
        }
        if let deps = view.schema["dependentSchemas"]?.objectValue {
            for trigger in deps.keys where out[trigger] != nil {
                let pointer = (view.origins["dependentSchemas"] ?? view.pointer).appending("dependentSchemas").appending(trigger)
                guard let dep = SchemaView.resolve(pointer, in: document) else { continue }
                for name in dep.required where out[name] == nil {
                    if let p = dep.propertyPointer(name) {
                        out[name] = value(p, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
                    } else {
                        out[name] = member(view, name, key: key, depth: depth, trace: &trace)
                    }
                }
            }
        }
    }

    /// A value for member `name` of the object schema, declared or not.
    private func member(_ view: SchemaView, _ name: String, key: SeededRandom, depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        if let p = view.propertyPointer(name) { return value(p, key: key.child(name), member: name, depth: depth + 1, trace: &trace) }
        return undeclared(view, name, key: key, depth: depth, trace: &trace)
    }

    /// Records the object's drift sites and applies an armed one.
    private func objectDrifts(_ view: SchemaView, _ out: inout JSONObject, key: SeededRandom, closed: Bool, depth: Int,
                              trace: inout SynthesisTrace) {
        let s = view.schema
        let required = Set(view.required)
        for name in view.required {
            guard let rp = view.requiredPointer else { break }
            trace.add(DriftSite(drift: .dropRequired(object: view.pointer, member: name), rulePointer: rp.appending("required"), check: "schema.required"))
            if armed, drift == .dropRequired(object: view.pointer, member: name) { out[name] = nil }
        }
        if closed, site(.extraMember(object: view.pointer), "additionalProperties", view, trace: &trace) {
            var name = "unexpected_member"
            while view.propertyPointer(name) != nil || patternPropertyPointer(view, name) != nil { name += "_x" }
            // Make room under maxProperties, so only additionalProperties breaks.
            if let m = s["maxProperties"]?.numberValue?.int64Value, out.count >= Int(m),
               let optional = out.keys.last(where: { !required.contains($0) }) { out[optional] = nil }
            out[name] = .string(Self.word(name, key))
        }
        if let deps = s["dependentRequired"]?.objectValue {
            for (trigger, list) in zip(deps.keys, deps.values) {
                for name in (list.arrayValue ?? []).compactMap(\.stringValue) where !required.contains(name) && name != trigger {
                    guard site(.dropDependent(object: view.pointer, member: name), "dependentRequired", view, trace: &trace) else { continue }
                    if out[trigger] == nil { out[trigger] = member(view, trigger, key: key, depth: depth, trace: &trace) }
                    out[name] = nil
                }
            }
        }
        if let m = s["minProperties"]?.numberValue?.int64Value.map({ Int($0) }), m >= 1, required.count <= m - 1,
           site(.tooFewMembers(object: view.pointer), "minProperties", view, trace: &trace) {
            for name in out.keys.reversed() where out.count > m - 1 && !required.contains(name) { out[name] = nil }
        }
        if let m = s["maxProperties"]?.numberValue?.int64Value.map({ Int($0) }), m < 64,
           !closed || s["patternProperties"] != nil || view.propertyPointers.count > m,
           site(.tooManyMembers(object: view.pointer), "maxProperties", view, trace: &trace) {
            for (name, pointer) in view.propertyPointers where out.count <= m && out[name] == nil {
                out[name] = value(pointer, key: key.child(name), member: name, depth: depth + 1, trace: &trace)
            }
            var k = 100
            while out.count <= m, k < 100 + m + 8 {
                k += 1
                guard let (name, v) = extraMember(view, index: k, key: key, closed: closed, depth: depth, trace: &trace) else { break }
                if out[name] == nil { out[name] = v }
            }
        }
    }
}
