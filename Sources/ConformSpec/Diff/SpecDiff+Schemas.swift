import ConformCore

extension SpecDiff {
    /// A response body schema, member by member: type, format, nullability, enum, required and present
    /// members, `additionalProperties`; into items, properties and matching alternatives.
    mutating func compareSchema(_ os: SpecNode, _ ns: SpecNode, operation op: String, status: String, path: String) throws(SpecError) {
        let a = try SchemaFacts(os, documents: old.documents)
        let b = try SchemaFacts(ns, documents: new.documents)
        // A schema that contains itself (through `$ref`) is compared once per path down to it.
        let pair = a.node.identity + "|" + b.node.identity
        guard !visited.contains(pair) else { return }
        visited.insert(pair)
        reached.insert(a.node.identity)
        defer { visited.remove(pair) }
        let subject = path.isEmpty ? status : "\(status) \(path)"
        let ol = old.documents.location(of: os), nl = new.documents.location(of: ns)
        let body = path.isEmpty
        if !a.types.isEmpty, !b.types.isEmpty, a.types != b.types {
            add(body ? .bodyTypeChanged : .propertyTypeChanged, op, subject, "the type changed from \(a.typeText) to \(b.typeText)", old: ol, new: nl)
        }
        if a.format != b.format, a.format != nil || b.format != nil {
            add(body ? .bodyTypeChanged : .propertyTypeChanged, op, subject,
                "the format changed from \(a.format ?? "none") to \(b.format ?? "none")", old: ol, new: nl)
        }
        if !a.nullable && b.nullable {
            add(body ? .bodyBecameNullable : .propertyBecameNullable, op, subject, "null became a possible value", old: ol, new: nl)
        } else if a.nullable && !b.nullable && !body {
            add(.propertyBecameNotNullable, op, subject, "null is no longer a possible value", old: ol, new: nl)
        }
        if let x = a.enumValues, let y = b.enumValues {
            let el = old.documents.location(of: a.enumNode ?? os), enl = new.documents.location(of: b.enumNode ?? ns)
            for v in y where !x.contains(v) { add(.propertyEnumValueAdded, op, subject, "the enum value \(JSONWriter.write(v)) was added", old: el, new: enl) }
            for v in x where !y.contains(v) { add(.propertyEnumValueRemoved, op, subject, "the enum value \(JSONWriter.write(v)) was removed", old: el, new: enl) }
        }
        if !a.closed, let bap = b.additionalProperties, bap.value.boolValue != true,
           a.additionalProperties == nil || a.additionalProperties?.value.boolValue == true {
            add(.additionalPropertiesTightened, op, subject,
                bap.value.boolValue == false ? "additionalProperties became false: undeclared members are no longer allowed" : "additionalProperties became a schema: undeclared members are now constrained",
                old: ol, new: new.documents.location(of: bap))
        }
        for (name, p) in a.properties {
            let member = path.isEmpty ? name : path + "." + name
            let subject = "\(status) \(member)"
            guard let q = b.property(name) else {
                let req = a.required.contains(name)
                add(req ? .requiredPropertyRemoved : .optionalPropertyRemoved, op, subject,
                    "the \(req ? "required" : "optional") member \(name) was removed",
                    old: old.documents.location(of: p), new: new.documents.location(of: b.node.member("properties") ?? ns))
                continue
            }
            let pl = old.documents.location(of: p), ql = new.documents.location(of: q)
            if a.required.contains(name) && !b.required.contains(name) {
                add(.propertyBecameOptional, op, subject, "the member became optional", old: pl, new: ql)
            } else if !a.required.contains(name) && b.required.contains(name) {
                add(.propertyBecameRequired, op, subject, "the member became required", old: pl, new: ql)
            }
            try compareSchema(p, q, operation: op, status: status, path: member)
        }
        for (name, q) in b.properties where a.property(name) == nil {
            let member = path.isEmpty ? name : path + "." + name
            let req = b.required.contains(name)
            add(req ? .requiredPropertyAdded : .optionalPropertyAdded, op, "\(status) \(member)",
                "the \(req ? "required" : "optional") member \(name) was added",
                old: old.documents.location(of: a.node.member("properties") ?? os), new: new.documents.location(of: q))
        }
        if let ai = a.items, let bi = b.items {
            try compareSchema(ai, bi, operation: op, status: status, path: path + "[*]")
        }
        if a.alternatives.count == b.alternatives.count {
            for (k, (x, y)) in zip(a.alternatives, b.alternatives).enumerated() {
                try compareSchema(x, y, operation: op, status: status, path: path + "<\(k)>")
            }
        }
    }
}
