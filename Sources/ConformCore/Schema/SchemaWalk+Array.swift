/// Array keywords: sizes, `uniqueItems`, `prefixItems`, `items`, `contains`.
extension SchemaWalk {
    mutating func checkArray(_ node: SchemaNode, _ a: [JSONValue], _ local: inout Evaluated?) -> Bool {
        var ok = true
        if let m = node.minItems, a.count < m {
            ok = false
            guard fail(node, "minItems", "minItems", "expected at least \(Self.plural(m, "item")), got \(JSONValue.array(a).typedDescription())",
                       expected: "at least \(Self.plural(m, "item"))", actual: JSONValue.array(a).typedDescription()) else { return false }
        }
        if let m = node.maxItems, a.count > m {
            ok = false
            guard fail(node, "maxItems", "maxItems", "expected at most \(Self.plural(m, "item")), got \(JSONValue.array(a).typedDescription())",
                       expected: "at most \(Self.plural(m, "item"))", actual: JSONValue.array(a).typedDescription()) else { return false }
        }
        if node.uniqueItems, let (first, second) = Self.duplicate(in: a) {
            ok = false
            guard fail(node, "uniqueItems", "uniqueItems", "items \(first) and \(second) are equal: \(a[second].typedDescription())",
                       expected: "unique items", actual: "items \(first) and \(second) equal") else { return false }
        }
        var none: Evaluated? = nil
        let prefix = min(node.prefixItems.count, a.count)
        for i in 0..<prefix {
            enter(.index(i))
            let valid = checkItem(node.prefixItems[i], a[i], &none)
            leave()
            if !valid { ok = false; if !collecting { return false } }
        }
        if local != nil { local!.itemPrefix = max(local!.itemPrefix, prefix) }
        if let items = node.items {
            for i in prefix..<a.count {
                enter(.index(i))
                let valid = checkItem(items, a[i], &none)
                leave()
                if !valid { ok = false; if !collecting { return false } }
            }
            if local != nil { local!.allItems = true }
        }
        if let contains = node.contains {
            ok = checkContains(node, contains, a, &local) && ok
        }
        return ok
    }

    /// One item. While collecting, the item is first checked as a yes/no question: a valid item (most items of
    /// a failing page) reports nothing either way, and the quiet walk keeps no path; only an invalid item is
    /// walked again to collect its errors.
    @inline(__always)
    private mutating func checkItem(_ schema: SchemaNode, _ item: JSONValue, _ none: inout Evaluated?) -> Bool {
        if collecting, quietly(schema, item, &none) { return true }
        return check(schema, item, &none)
    }

    private mutating func checkContains(_ node: SchemaNode, _ contains: SchemaNode, _ a: [JSONValue], _ local: inout Evaluated?) -> Bool {
        var matches = 0
        var none: Evaluated? = nil
        for i in a.indices {
            enter(.index(i))
            let valid = quietly(contains, a[i], &none)
            leave()
            if valid { matches += 1; if local != nil { local!.items.insert(i) } }
        }
        let least = node.minContains ?? 1
        let actual = JSONValue.array(a).typedDescription()
        if matches < least {
            let keyword = node.minContains == nil ? "contains" : "minContains"
            return fail(node, keyword, keyword, "expected at least \(Self.plural(least, "item")) matching \(contains.pointer), found \(matches) in \(actual)",
                        expected: "at least \(least) matching", actual: "\(matches) matching") && false
        }
        if let most = node.maxContains, matches > most {
            return fail(node, "maxContains", "maxContains", "expected at most \(Self.plural(most, "item")) matching \(contains.pointer), found \(matches) in \(actual)",
                        expected: "at most \(most) matching", actual: "\(matches) matching") && false
        }
        return true
    }

    /// The first pair of equal items (JSON equality: `1 == 1.0`, objects regardless of key order).
    static func duplicate(in a: [JSONValue]) -> (Int, Int)? {
        guard a.count > 1 else { return nil }
        if a.count <= 16 {
            for i in 1..<a.count { for j in 0..<i where equal(a[i], a[j]) { return (j, i) } }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (i, v) in a.enumerated() {
            if let j = seen[v] {
                if equal(a[j], v) { return (j, i) }
                // Canonically equivalent but not equal: settle this item by comparing with every earlier one.
                if let k = (0..<i).first(where: { equal(a[$0], v) }) { return (k, i) }
                continue
            }
            seen[v] = i
        }
        return nil
    }
}
