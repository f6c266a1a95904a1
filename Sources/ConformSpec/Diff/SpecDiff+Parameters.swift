import ConformCore

extension SpecDiff {
    /// Parameters matched by location and name: added, removed, required, type, enum and bounds.
    mutating func compareParameters(_ o: SpecOperation, _ n: SpecOperation) throws(SpecError) {
        let op = n.key.description
        for p in o.parameters {
            let subject = "\(p.location) \(p.name)"
            guard let q = n.parameters.first(where: { $0.name == p.name && $0.location == p.location }) else {
                add(.parameterRemoved, op, subject, "the \(p.location) parameter \(p.name) was removed",
                    old: old.documents.location(of: p.node), new: new.documents.location(of: n.node))
                continue
            }
            let ol = old.documents.location(of: p.node), nl = new.documents.location(of: q.node)
            if !p.required && q.required { add(.parameterBecameRequired, op, subject, "the parameter became required", old: ol, new: nl) }
            if p.required && !q.required { add(.parameterBecameOptional, op, subject, "the parameter became optional", old: ol, new: nl) }
            guard let ps = p.schema, let qs = q.schema else { continue }
            var a = try SchemaFacts(ps, documents: old.documents)
            var b = try SchemaFacts(qs, documents: new.documents)
            if !a.types.isEmpty, !b.types.isEmpty, a.types != b.types {
                add(.parameterTypeChanged, op, subject, "the type changed from \(a.typeText) to \(b.typeText)",
                    old: old.documents.location(of: a.node), new: new.documents.location(of: b.node))
            }
            try compareBounds(a, b, op: op, subject: subject)
            // An array parameter's values are its items'.
            if a.types == ["array"], let ai = a.items, b.types == ["array"], let bi = b.items {
                a = try SchemaFacts(ai, documents: old.documents)
                b = try SchemaFacts(bi, documents: new.documents)
                try compareBounds(a, b, op: op, subject: subject)
            }
            compareParameterEnum(a, b, op: op, subject: subject)
        }
        for q in n.parameters where !o.parameters.contains(where: { $0.name == q.name && $0.location == q.location }) {
            add(q.required ? .newRequiredParameter : .newOptionalParameter, op, "\(q.location) \(q.name)",
                "the \(q.required ? "required" : "optional") \(q.location) parameter \(q.name) was added",
                old: old.documents.location(of: o.node), new: new.documents.location(of: q.node))
        }
    }

    private mutating func compareParameterEnum(_ a: SchemaFacts, _ b: SchemaFacts, op: String, subject: String) {
        let ol = old.documents.location(of: a.enumNode ?? a.node), nl = new.documents.location(of: b.enumNode ?? b.node)
        switch (a.enumValues, b.enumValues) {
        case (let x?, let y?):
            for v in x where !y.contains(v) { add(.parameterEnumValueRemoved, op, subject, "the enum value \(JSONWriter.write(v)) was removed", old: ol, new: nl) }
            for v in y where !x.contains(v) { add(.parameterEnumValueAdded, op, subject, "the enum value \(JSONWriter.write(v)) was added", old: ol, new: nl) }
        case (nil, let y?):
            add(.parameterBecameEnum, op, subject, "the parameter was restricted to \(y.count) enum value\(y.count == 1 ? "" : "s")", old: ol, new: nl)
        default: break
        }
    }

    /// Lower bounds that rise and upper bounds that fall reject values the old document accepted.
    private mutating func compareBounds(_ a: SchemaFacts, _ b: SchemaFacts, op: String, subject: String) throws(SpecError) {
        typealias Rules = (tightened: SpecRule, loosened: SpecRule, set: SpecRule?)
        let table: [(String, Bool, Rules)] = [
            ("minimum", true, (.parameterMinIncreased, .parameterMinDecreased, .parameterMinSet)),
            ("maximum", false, (.parameterMaxDecreased, .parameterMaxIncreased, .parameterMaxSet)),
            ("exclusiveMinimum", true, (.parameterExclusiveMinIncreased, .parameterExclusiveMinDecreased, .parameterExclusiveMinSet)),
            ("exclusiveMaximum", false, (.parameterExclusiveMaxDecreased, .parameterExclusiveMaxIncreased, .parameterExclusiveMaxSet)),
            ("minLength", true, (.parameterMinLengthIncreased, .parameterMinLengthDecreased, nil)),
            ("maxLength", false, (.parameterMaxLengthDecreased, .parameterMaxLengthIncreased, .parameterMaxLengthSet)),
            ("minItems", true, (.parameterMinItemsIncreased, .parameterMinItemsDecreased, .parameterMinItemsSet)),
            ("maxItems", false, (.parameterMaxItemsDecreased, .parameterMaxItemsIncreased, nil)),
        ]
        for (keyword, isLower, rules) in table {
            let x = a.bounds[keyword], y = b.bounds[keyword]
            let ol = old.documents.location(of: x?.node ?? a.node), nl = new.documents.location(of: y?.node ?? b.node)
            switch (x, y) {
            case (let x?, let y?) where x.value != y.value:
                let tighter = isLower ? y.value > x.value : y.value < x.value
                add(tighter ? rules.tightened : rules.loosened, op, subject, "\(keyword) changed from \(x.value) to \(y.value)", old: ol, new: nl)
            case (nil, let y?):
                add(rules.set ?? rules.tightened, op, subject, "\(keyword) was set to \(y.value)", old: ol, new: nl)
            case (let x?, nil):
                add(rules.loosened, op, subject, "\(keyword) \(x.value) was removed", old: ol, new: nl)
            default: break
            }
        }
    }
}
