import ConformCore

extension Synthesizer {
    /// An array: `prefixItems` first, then `items`; between `minItems` and `maxItems` (one or two items when
    /// free, fewer deep down); distinct under `uniqueItems`; at least `minContains` (default one) and at most
    /// `maxContains` items matching `contains`.
    func array(_ view: SchemaView, key: SeededRandom, member: String?, depth: Int, trace: inout SynthesisTrace) -> JSONValue {
        let s = view.schema
        let minItems = Int(s["minItems"]?.numberValue?.int64Value ?? 0)
        let maxItems = s["maxItems"]?.numberValue?.int64Value.map { Int($0) } ?? Int.max
        let prefixCount = s["prefixItems"]?.arrayValue?.count ?? 0
        let closedTail = s["items"]?.boolValue == false
        let contains = s["contains"] != nil ? SchemaView.resolve((view.origins["contains"] ?? view.pointer).appending("contains"), in: document) : nil
        let minContains = contains == nil ? 0 : Int(s["minContains"]?.numberValue?.int64Value ?? 1)
        let maxContains = s["maxContains"]?.numberValue?.int64Value.map { Int($0) }
        var count = max(minItems, depth < 6 ? 1 + key.child("#").below(2) : minItems, minContains)
        count = min(count, maxItems, max(20, minItems))
        if closedTail { count = min(count, prefixCount) }
        let unique = s["uniqueItems"]?.boolValue == true
        let itemMember = member.map { Self.singular($0) }

        // Drifts on counts change how many items are built, before they are built.
        if minItems >= 1, site(.tooFewItems(at: view.pointer), "minItems", view, trace: &trace) { count = minItems - 1 }
        if maxItems < 64, !closedTail || prefixCount > maxItems, site(.tooManyItems(at: view.pointer), "maxItems", view, trace: &trace) {
            count = maxItems + 1
        }
        let duplicate = unique && maxItems >= 2 && site(.duplicateItem(at: view.pointer), "uniqueItems", view, trace: &trace)
        var dropContained = false, extraContained = false
        if contains != nil, minContains >= 1 {
            dropContained = site(.missingContained(at: view.pointer), s["minContains"] != nil ? "minContains" : "contains", view, trace: &trace)
        }
        if contains != nil, let m = maxContains, m + 1 <= maxItems {
            extraContained = site(.tooManyContained(at: view.pointer), "maxContains", view, trace: &trace)
        }
        var contained = min(max(minContains, 0), count)
        if dropContained { contained = max(0, minContains - 1) }
        if extraContained, let m = maxContains { contained = m + 1; count = max(count, contained) }

        var items: [JSONValue] = []
        var attempt = 0
        let validator = contains == nil ? nil : oracle.validator
        func matchesContains(_ v: JSONValue) -> Bool {
            guard let contains, let validator else { return false }
            return validator.isValid(v, schemaAt: contains.pointer)
        }
        while items.count < count, attempt < count * 4 + 8 {
            let index = items.count
            let k = key.child(attempt)
            attempt += 1
            var v: JSONValue
            if index < prefixCount {
                v = value((view.origins["prefixItems"] ?? view.pointer).appending("prefixItems").appending(index), key: k, member: itemMember,
                          depth: depth + 1, trace: &trace)
            } else if let contains, items.filter(matchesContains).count < contained {
                // An item of both `items` and `contains`. Its merged keywords are not the items' own: drifts of
                // the items' schema are recorded (and applied) on the other items only.
                var both = SchemaView.resolve(itemsPointer(view), in: document) ?? contains
                if both.pointer != contains.pointer { both.merge(contains) }
                var calm = self
                calm.armed = false
                var scratch = SynthesisTrace()
                v = calm.value(both, key: k, member: itemMember, depth: depth + 1, trace: &scratch)
                trace.visited.formUnion(scratch.visited)
            } else if s["items"] != nil {
                v = value(itemsPointer(view), key: k, member: itemMember, depth: depth + 1, trace: &trace)
            } else {
                v = .string(Self.word(itemMember ?? "item", k))
            }
            if unique, items.contains(v) { continue }
            // Beyond the contained quota, an item matching `contains` would exceed maxContains or hide a drift.
            if contains != nil, index >= prefixCount, items.filter(matchesContains).count >= contained, matchesContains(v),
               maxContains != nil || dropContained { continue }
            items.append(v)
        }
        if duplicate, let first = items.first {
            if items.count >= 2 { items[items.count - 1] = first } else { items.append(first) }
        }
        return .array(items)
    }

    /// Where the schema of the items after `prefixItems` lives.
    private func itemsPointer(_ view: SchemaView) -> JSONPointer { (view.origins["items"] ?? view.pointer).appending("items") }
}
