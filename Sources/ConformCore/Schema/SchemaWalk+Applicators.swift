/// In-place applicators: `$ref`, `$dynamicRef`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`,
/// and OpenAPI's `discriminator` (which picks the one `oneOf`/`anyOf` branch to report on).
extension SchemaWalk {
    mutating func checkApplicators(_ node: SchemaNode, _ value: JSONValue, _ local: inout Evaluated?) -> Bool {
        var ok = true
        for (keyword, message) in node.unresolved {
            ok = false
            guard fail(node, keyword, "unresolved reference", message, expected: "a resolvable reference",
                       actual: "unresolved") else { return false }
        }
        if let target = node.ref, !check(target, value, &local) {
            ok = false; if !collecting { return false }
        }
        if node.dynamicRef != nil, !check(dynamicTarget(node), value, &local) {
            ok = false; if !collecting { return false }
        }
        for schema in node.allOf where !check(schema, value, &local) {
            ok = false; if !collecting { return false }
        }
        var discriminated = false
        if let d = node.discriminator, case .object(let o) = value {
            discriminated = true
            if !checkDiscriminator(node, d, o, value, &local) { ok = false; if !collecting { return false } }
        }
        if !discriminated && !node.anyOf.isEmpty {
            if !checkAnyOf(node, value, &local) { ok = false; if !collecting { return false } }
        }
        if !discriminated && !node.oneOf.isEmpty {
            if !checkOneOf(node, value, &local) { ok = false; if !collecting { return false } }
        }
        if let not = node.not {
            var none: Evaluated? = nil
            if quietly(not, value, &none) {
                ok = false
                guard fail(node, "not", "not", "expected a value that does not match the schema at \(not.pointer), got \(value.typedDescription())",
                           expected: "no match", actual: value.typedDescription()) else { return false }
            }
        }
        if let condition = node.ifNode {
            var seen: Evaluated? = local == nil ? nil : Evaluated()
            if quietly(condition, value, &seen) {
                if let seen { local!.merge(seen) }
                if let then = node.thenNode, !check(then, value, &local) { ok = false }
            } else if let otherwise = node.elseNode, !check(otherwise, value, &local) {
                ok = false
            }
        }
        return ok
    }

    /// The `$dynamicRef` target: the outermost resource in the dynamic scope with a matching `$dynamicAnchor`,
    /// or the static target when the reference is not dynamic.
    private func dynamicTarget(_ node: SchemaNode) -> SchemaNode {
        guard let initial = node.dynamicRef else { return node }
        guard let name = node.dynamicAnchor else { return initial }
        validator.lock.lock()
        defer { validator.lock.unlock() }
        guard let targets = validator.dynamicTargets[name] else { return initial }
        for resource in scope { if let n = targets[resource] { return n } }
        return initial
    }

    private mutating func checkAnyOf(_ node: SchemaNode, _ value: JSONValue, _ local: inout Evaluated?) -> Bool {
        var matched = false
        for branch in node.anyOf {
            var seen: Evaluated? = local == nil ? nil : Evaluated()
            if quietly(branch, value, &seen) {
                matched = true
                // Annotations come from every matching branch, so only a plain yes/no may stop early.
                guard let seen else { break }
                local!.merge(seen)
            }
        }
        if !matched { reportAlternatives(node, "anyOf", "any of", node.anyOf, value) }
        return matched
    }

    private mutating func checkOneOf(_ node: SchemaNode, _ value: JSONValue, _ local: inout Evaluated?) -> Bool {
        var first: Int?
        var second: Int?
        var firstSeen: Evaluated?
        for (i, branch) in node.oneOf.enumerated() {
            var seen: Evaluated? = local == nil ? nil : Evaluated()
            guard quietly(branch, value, &seen) else { continue }
            if first == nil { first = i; firstSeen = seen } else { second = i; break }
        }
        guard let first else {
            reportAlternatives(node, "oneOf", "one of", node.oneOf, value)
            return false
        }
        if let second {
            _ = fail(node, "oneOf", "one of", "matched alternatives \(first) and \(second) of \(node.oneOf.count); expected exactly one",
                     expected: "exactly one match", actual: "alternatives \(first) and \(second) match")
            return false
        }
        if let firstSeen { local!.merge(firstSeen) }
        return true
    }

    /// No alternative matched: one summary error, then the errors of the closest branch (the one that failed
    /// deepest: not on the value's own type, and with the fewest errors).
    private mutating func reportAlternatives(_ node: SchemaNode, _ keyword: String, _ title: String, _ branches: [SchemaNode], _ value: JSONValue) {
        guard collecting else { return }
        let here = instancePointer
        var best: (rank: Int, index: Int, errors: [SchemaError], tally: FindingTally<SchemaProblem>)?
        for (i, branch) in branches.enumerated() {
            let run = separately(branch, value)
            let shallow = run.errors.contains { $0.instancePointer == here && ["type", "const", "enum", "false"].contains($0.keyword) }
            let rank = (shallow ? 1_000_000 : 0) + run.tally.total
            if best == nil || rank < best!.rank { best = (rank, i, run.errors, run.tally) }
        }
        let actual = value.typedDescription()
        var detail = "\(actual) matches none of the \(branches.count) alternatives"
        if let best, best.tally.total > 0 {
            detail += "; closest is \(keyword)/\(best.index) (\(Self.plural(best.tally.total, "error")) follow)"
        }
        _ = fail(node, keyword, title, detail, expected: "a match for \(keyword == "oneOf" ? "exactly" : "at least") one of \(branches.count) alternatives", actual: actual)
        if let best { merge(best.errors, best.tally) }
    }

    private mutating func checkDiscriminator(_ node: SchemaNode, _ d: Discriminator, _ o: JSONObject, _ value: JSONValue, _ local: inout Evaluated?) -> Bool {
        let allowed = "one of " + Self.quoted(d.mapping.map(\.value))
        let property = JSONWriter.quote(d.propertyName)
        guard let tagValue = o[d.propertyName] else {
            return fail(node, "discriminator", "discriminator", "missing discriminator property \(property); expected \(allowed)",
                        expected: allowed, actual: "missing") && false
        }
        guard case .string(let tag) = tagValue, let target = d.target(for: tag) else {
            return fail(node, "discriminator", "discriminator", "actual \(tagValue.typedDescription()); expected \(allowed) (discriminator \(property))",
                        expected: allowed, actual: tagValue.typedDescription(), below: .key(d.propertyName)) && false
        }
        return check(target, value, &local)
    }
}
