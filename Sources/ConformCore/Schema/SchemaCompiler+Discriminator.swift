extension SchemaCompiler {
    /// OpenAPI `discriminator`: explicit `mapping` entries first, then each `oneOf`/`anyOf` branch that is a
    /// `$ref`, under the last token of its target (the schema name, as OpenAPI's implicit mapping says).
    func discriminator(_ value: JSONValue) {
        guard case .object(let d) = value, case .string(let property)? = d["propertyName"] else {
            return problem("discriminator", "discriminator needs a string propertyName")
        }
        var named: [(name: String, node: SchemaNode)] = []
        for branch in node.oneOf.isEmpty ? node.anyOf : node.oneOf {
            guard let target = branch.ref, let name = target.pointer.last else { continue }
            named.append((name, branch))
        }
        var mapping: [(value: String, node: SchemaNode)] = []
        if case .object(let m)? = d["mapping"] {
            for (key, target) in zip(m.keys, m.values) {
                guard case .string(let text) = target else { problem("discriminator", "mapping \"\(key)\" must be a string"); continue }
                if let n = mappingTarget(text, named: named) { mapping.append((key, n)) }
            }
        }
        for (name, branch) in named where !mapping.contains(where: { $0.value == name }) {
            // A branch already reached through an explicit value is not also reachable under its schema name.
            if mapping.contains(where: { $0.node === branch || $0.node === branch.ref }) { continue }
            mapping.append((name, branch))
        }
        node.discriminator = Discriminator(propertyName: property, mapping: mapping)
    }

    /// A mapping value is a reference (`#/components/schemas/Cat`, `other.json#/X`) or a bare schema name.
    private func mappingTarget(_ text: String, named: [(name: String, node: SchemaNode)]) -> SchemaNode? {
        if text.contains("/") || text.contains("#") || text.contains(".") { return reference("discriminator", text) }
        if let branch = named.first(where: { $0.name == text }) { return branch.node }
        for prefix in ["#/components/schemas/", "#/definitions/", "#/$defs/"] {
            if case .found(let location) = validator.resolve(prefix + JSONPointer.escape(text), base: node.base) {
                return validator.build(location)
            }
        }
        problem("discriminator", "mapping names \"\(text)\", which is neither a branch nor a schema under components/schemas, definitions or $defs")
        return nil
    }
}
