import ConformCore

/// A schema as the synthesizer sees it: `$ref`s followed and `allOf` merged, with the document pointer of
/// the schema object it came from (drifts and the drift catalog name places by that pointer).
struct SchemaView {
    /// The merged keywords.
    var schema: JSONObject
    /// Where the (first) schema object lives in the suite document.
    var pointer: JSONPointer
    /// Pointer of the schema that holds `required` (for rule pointers); the same as `pointer` unless merged.
    var requiredPointer: JSONPointer?
    /// Each property's schema pointer, in order (merged `allOf` parts keep their own locations).
    var propertyPointers: [(String, JSONPointer)] = []

    /// Resolves the schema at `pointer` in `document`; nil for an unresolvable reference or a non-schema.
    static func resolve(_ pointer: JSONPointer, in document: JSONValue, depth: Int = 0) -> SchemaView? {
        guard depth < 32, let value = pointer.resolve(in: document) else { return nil }
        switch value {
        case .bool(true): return SchemaView(schema: JSONObject(), pointer: pointer, requiredPointer: nil)
        case .object(let o):
            if case .string(let ref)? = o["$ref"] {
                guard ref.hasPrefix("#"), let target = JSONPointer(String(ref.dropFirst())) else { return nil }
                return resolve(target, in: document, depth: depth + 1)
            }
            var view = SchemaView(schema: o, pointer: pointer, requiredPointer: o["required"] == nil ? nil : pointer)
            view.propertyPointers = (o["properties"]?.objectValue?.keys ?? []).map { ($0, pointer.appending("properties").appending($0)) }
            if case .array(let parts)? = o["allOf"] {
                for k in parts.indices {
                    guard let part = resolve(pointer.appending("allOf").appending(k), in: document, depth: depth + 1) else { continue }
                    view.merge(part)
                }
            }
            return view
        default: return nil
        }
    }

    /// Folds an `allOf` part in: properties and required lists are united, other keywords kept first-come.
    private mutating func merge(_ part: SchemaView) {
        var merged = schema
        for key in part.schema.keys {
            guard let v = part.schema[key] else { continue }
            switch key {
            case "properties":
                var props = merged["properties"]?.objectValue ?? JSONObject()
                for (name, p) in part.propertyPointers where props[name] == nil {
                    props[name] = part.schema["properties"]?[name] ?? true
                    propertyPointers.append((name, p))
                }
                merged["properties"] = .object(props)
            case "required":
                let existing = merged["required"]?.arrayValue ?? []
                merged["required"] = .array(existing + (v.arrayValue ?? []).filter { !existing.contains($0) })
                if requiredPointer == nil { requiredPointer = part.requiredPointer }
            case "allOf", "$ref":
                continue
            default:
                if merged[key] == nil { merged[key] = v }
            }
        }
        merged["allOf"] = nil
        schema = merged
    }

    /// Where `keyword` is written for the schema at `pointer`: in the schema itself, or in the `allOf` part or
    /// `$ref` target it was merged from.
    static func keywordPointer(_ keyword: String, in pointer: JSONPointer, document: JSONValue, depth: Int = 0) -> JSONPointer? {
        guard depth < 32, case .object(let o)? = pointer.resolve(in: document) else { return nil }
        if o[keyword] != nil { return pointer.appending(keyword) }
        if case .string(let ref)? = o["$ref"], ref.hasPrefix("#"), let target = JSONPointer(String(ref.dropFirst())),
           let found = keywordPointer(keyword, in: target, document: document, depth: depth + 1) { return found }
        for k in (o["allOf"]?.arrayValue ?? []).indices {
            if let found = keywordPointer(keyword, in: pointer.appending("allOf").appending(k), document: document, depth: depth + 1) { return found }
        }
        return nil
    }

    /// `type` as a list (`"string"` → `["string"]`), without `null` unless it is the only one.
    var types: [String] {
        let all: [String]
        switch schema["type"] {
        case .string(let t)?: all = [t]
        case .array(let a)?: all = a.compactMap(\.stringValue)
        default: all = []
        }
        let nonNull = all.filter { $0 != "null" }
        return nonNull.isEmpty ? all : nonNull
    }

    var required: [String] { (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) }
    func propertyPointer(_ name: String) -> JSONPointer? { propertyPointers.first { $0.0 == name }?.1 }
}
