extension SuiteBuilder {
    /// Reports every unknown keyword and every unknown `format` name in a schema and all its subschemas.
    ///
    /// A misspelt keyword (`"requierd"`, `"minLenght"`) is not an error to a JSON Schema validator — it is an
    /// annotation, and the check it meant silently vanishes. Keys are keywords only where a schema object is:
    /// under `properties`, `$defs`, … they are names, and `enum`, `const`, `default`, `examples` hold data.
    func checkKeywords(in value: JSONValue, at pointer: JSONPointer) {
        guard keywordCheckedSchemas.insert(pointer).inserted else { return }
        var stack: [(JSONValue, JSONPointer)] = [(value, pointer)]
        while let (schema, at) = stack.popLast() {
            guard case .object(let object) = schema else { continue }
            for (key, child) in zip(object.keys, object.values) {
                let childAt = at.appending(key)
                guard SchemaKeyword.isKnown(key) else {
                    reportUnknownKeyword(key, at: childAt)
                    continue
                }
                if key == "format", case .string(let name) = child { checkFormat(name, at: childAt) }
                switch SchemaKeyword.value(of: key) {
                case .schema: stack.append((child, childAt))
                case .schemaList:
                    if case .array(let items) = child { for (i, item) in items.enumerated() { stack.append((item, childAt.appending(i))) } }
                case .schemaMap:
                    if case .object(let members) = child { for (name, item) in members { stack.append((item, childAt.appending(name))) } }
                case .other: break
                }
            }
        }
    }

    private func reportUnknownKeyword(_ key: String, at pointer: JSONPointer) {
        let hint = NearestName.hint(key, in: SchemaKeyword.names)
        let advice = hint.isEmpty ? "; a vendor extension must start with \"x-\"" : hint
        reader.error("unknown schema keyword \(JSONValue.string(key).compactText(limit: 60))\(advice)", at: pointer, key: true)
    }

    /// A `format` must be one Conform checks, a standard annotation, or one the suite lists in
    /// `formats.annotations`: otherwise `"datetime"` would silently stop checking dates.
    private func checkFormat(_ name: String, at pointer: JSONPointer) {
        if FormatChecker.standardNames.contains(name) || annotationFormats.contains(name) { return }
        let hint = NearestName.hint(name, in: FormatChecker.standardNames + annotationFormats.sorted())
        let advice = hint.isEmpty ? "; to use a format of your own as an annotation, list it in \"formats\": {\"annotations\": […]}" : hint
        reader.error("unknown format \(JSONValue.string(name).compactText(limit: 60))\(advice)", at: pointer)
    }
}
