/// Object keywords: sizes, `required`, `dependentRequired`, member subschemas, `dependentSchemas`.
extension SchemaWalk {
    mutating func checkObject(_ node: SchemaNode, _ o: JSONObject, _ local: inout Evaluated?) -> Bool {
        var ok = true
        if let m = node.minProperties, o.count < m {
            ok = false
            guard fail(node, "minProperties", "minProperties", "expected at least \(Self.plural(m, "property")), got \(o.count): \(JSONValue.object(o).typedDescription())",
                       expected: "at least \(Self.plural(m, "property"))", actual: JSONValue.object(o).typedDescription()) else { return false }
        }
        if let m = node.maxProperties, o.count > m {
            ok = false
            guard fail(node, "maxProperties", "maxProperties", "expected at most \(Self.plural(m, "property")), got \(o.count): \(JSONValue.object(o).typedDescription())",
                       expected: "at most \(Self.plural(m, "property"))", actual: JSONValue.object(o).typedDescription()) else { return false }
        }
        var hint = 0
        for name in node.required where !Self.hasMember(o, name, &hint) {
            ok = false
            guard fail(node, "required", "required property", "missing required property \(JSONWriter.quote(name))",
                       expected: "property \(JSONWriter.quote(name))", actual: "missing", argument: name) else { return false }
        }
        for (property, requires) in node.dependentRequired where o.index(forKey: property) != nil {
            for name in requires where o.index(forKey: name) == nil {
                ok = false
                guard fail(node, "dependentRequired", "required property",
                           "missing property \(JSONWriter.quote(name)), required when \(JSONWriter.quote(property)) is present",
                           expected: "property \(JSONWriter.quote(name))", actual: "missing", argument: name) else { return false }
            }
        }
        if !node.propertyList.isEmpty || !node.patternProperties.isEmpty || node.additionalProperties != nil || node.propertyNames != nil {
            ok = checkMembers(node, o, &local) && ok
            if !ok && !collecting { return false }
        }
        for (property, schema) in node.dependentSchemas where o.index(forKey: property) != nil {
            if !check(schema, .object(o), &local) { ok = false; if !collecting { return false } }
        }
        return ok
    }

    private mutating func checkMembers(_ node: SchemaNode, _ o: JSONObject, _ local: inout Evaluated?) -> Bool {
        var ok = true
        var none: Evaluated? = nil
        // Read the node's fields once, not once per member (each read of a class field retains).
        let list = node.propertyList, patterns = node.patternProperties
        let names = node.propertyNames, additional = node.additionalProperties
        let tracking = local != nil, distinct = node.propertyNamesDistinct, lengths = node.propertyNameLengths
        if !collecting, !tracking, distinct, patterns.isEmpty, names == nil {
            return quietMembers(node, o, list, lengths, additional)
        }
        var cursor = 0
        for i in 0..<o.count {
            let key = o.keys[i], value = o.values[i]
            enter(.key(key))
            defer { leave() }
            if let names, !checkName(node, names, key) {
                ok = false; if !collecting { return false }
            }
            var matched = false
            var schema: SchemaNode?
            if distinct {
                if let j = Self.position(of: key, in: list, lengths: lengths, from: cursor, node) { schema = list[j].node; cursor = j + 1 }
            } else if cursor < list.count, list[cursor].name == key {
                schema = list[cursor].node; cursor += 1
            } else if let j = node.propertyIndex[key] {
                schema = list[j].node; cursor = j + 1
            }
            if let schema {
                matched = true
                if !check(schema, value, &none) { ok = false; if !collecting { return false } }
            }
            for (pattern, schema) in patterns where pattern.matches(key) {
                matched = true
                if !check(schema, value, &none) { ok = false; if !collecting { return false } }
            }
            if !matched, let additional {
                matched = true
                if additional.boolean == false {
                    ok = false
                    guard collecting else { return false }
                    path.removeLast()
                    _ = fail(node, "additionalProperties", "additional property",
                             "property \(JSONWriter.quote(key)) is not allowed\(list.isEmpty ? "" : " (known: \(Self.quoted(list.map(\.name), limit: 60)))")",
                             expected: "no other properties", actual: "property \(JSONWriter.quote(key)): \(value.typedDescription(limit: 40))",
                             below: .key(key))
                    path.append(.key(key))
                } else if !check(additional, value, &none) {
                    ok = false; if !collecting { return false }
                }
            }
            if matched, tracking { local!.properties.insert(key) }
        }
        return ok
    }

    /// `checkMembers` for a yes/no walk over `properties` and `additionalProperties` alone (the common case):
    /// members are read in place from the object's storage, sparing a retain and release of each key and value.
    private mutating func quietMembers(_ node: SchemaNode, _ o: JSONObject, _ list: [(name: String, node: SchemaNode)],
                                       _ lengths: [Int], _ additional: SchemaNode?) -> Bool {
        var none: Evaluated? = nil
        var cursor = 0
        return o.keys.withUnsafeBufferPointer { keys in
            o.values.withUnsafeBufferPointer { values in
                for i in 0..<min(keys.count, values.count) {
                    pathDepth += 1
                    defer { pathDepth -= 1 }
                    if let j = Self.position(of: keys[i], in: list, lengths: lengths, from: cursor, node) {
                        cursor = j + 1
                        if !check(list[j].node, values[i], &none) { return false }
                    } else if let additional {
                        if additional.boolean == false || !check(additional, values[i], &none) { return false }
                    }
                }
                return true
            }
        }
    }

    /// Where `key` is in a `properties` list of distinct names (instances mostly list members in schema
    /// order, so the entry at `cursor` is tried first). With distinct names the first `==` hit is the only
    /// one, so short lists are scanned with a length pre-test (cheaper than hashing); the index settles the rest.
    @inline(__always)
    private static func position(of key: String, in list: [(name: String, node: SchemaNode)], lengths: [Int], from cursor: Int,
                                 _ node: SchemaNode) -> Int? {
        let count = min(list.count, lengths.count), length = key.utf8.count
        if cursor < count, lengths[cursor] == length, list[cursor].name == key { return cursor }
        if count <= 24 {
            var j = cursor + 1
            while j < count { if lengths[j] == length, list[j].name == key { return j }; j += 1 }
            j = 0
            while j < min(cursor, count) { if lengths[j] == length, list[j].name == key { return j }; j += 1 }
        }
        return node.propertyIndex[key]
    }

    /// Whether `o` has a member `name` (by `==`, as `index(forKey:)`): a length pre-test skips most keys,
    /// and the scan starts after the last hit since `required` usually follows member order.
    @inline(__always)
    private static func hasMember(_ o: JSONObject, _ name: String, _ hint: inout Int) -> Bool {
        let keys = o.keys, count = keys.count
        var i = hint < count ? hint : 0
        for _ in 0..<count {
            if sameLengthEqual(keys[i], name) { hint = i + 1; return true }
            i = i + 1 == count ? 0 : i + 1
        }
        return o.index(forKey: name) != nil
    }

    /// `propertyNames`: one error naming the property (the name is not a value a pointer could point at).
    private mutating func checkName(_ node: SchemaNode, _ names: SchemaNode, _ key: String) -> Bool {
        var none: Evaluated? = nil
        guard collecting else { return quietly(names, .string(key), &none) }
        let run = separately(names, .string(key))
        if run.valid { return true }
        let why = run.errors.first.map { "\($0.title): \($0.detail)" } ?? "does not match"
        path.removeLast()
        _ = fail(node, "propertyNames", "property name", "property name \(JSONWriter.quote(key)) is not allowed: \(why)",
                 expected: "a name matching \(names.pointer)", actual: JSONWriter.quote(key), below: .key(key))
        path.append(.key(key))
        return false
    }

    /// `unevaluatedProperties` / `unevaluatedItems`, once every other keyword here has said what it evaluated.
    mutating func checkUnevaluated(_ node: SchemaNode, _ value: JSONValue, _ local: inout Evaluated?) -> Bool {
        guard let seen = local else { return true }
        var ok = true
        var none: Evaluated? = nil
        switch value {
        case .object(let o):
            guard let schema = node.unevaluatedProperties, !seen.allProperties else { return true }
            for (key, member) in zip(o.keys, o.values) where !seen.properties.contains(key) {
                if schema.boolean == false {
                    ok = false
                    guard fail(node, "unevaluatedProperties", "unevaluated property", "property \(JSONWriter.quote(key)) is not allowed here",
                               expected: "no other properties", actual: "property \(JSONWriter.quote(key)): \(member.typedDescription(limit: 40))",
                               below: .key(key)) else { return false }
                } else {
                    enter(.key(key))
                    let valid = check(schema, member, &none)
                    leave()
                    if !valid { ok = false; if !collecting { return false } }
                }
            }
            local!.allProperties = true
        case .array(let a):
            guard let schema = node.unevaluatedItems, !seen.allItems else { return true }
            for i in seen.itemPrefix..<max(seen.itemPrefix, a.count) where !seen.items.contains(i) {
                if schema.boolean == false {
                    ok = false
                    guard fail(node, "unevaluatedItems", "unevaluated item", "item \(i) is not allowed here: \(a[i].typedDescription(limit: 40))",
                               expected: "no further items", actual: a[i].typedDescription(), below: .index(i)) else { return false }
                } else {
                    enter(.index(i))
                    let valid = check(schema, a[i], &none)
                    leave()
                    if !valid { ok = false; if !collecting { return false } }
                }
            }
            local!.allItems = true
        default: break
        }
        return ok
    }
}
