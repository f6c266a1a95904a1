extension SuiteBuilder {
    /// `definitions`: each value must be a schema whose `$ref`s resolve.
    func readDefinitions(_ top: Members) {
        guard let entries = top.entries("definitions", what: "definitions") else { return }
        for (name, value, pointer) in entries {
            _ = schema(value, at: pointer, what: "definition \(JSONWriter.quote(name))")
        }
    }

    /// A position that holds a schema: checks it is one (object or boolean) and that it compiles with
    /// every reachable `$ref` resolved. Returns its pointer.
    func schema(_ value: JSONValue, at pointer: JSONPointer, what: String) -> JSONPointer? {
        switch value {
        case .object, .bool: break
        default:
            reader.error("\(what) must be a JSON Schema (an object or a boolean), got \(value.typedDescription(limit: 40))", at: pointer)
            return nil
        }
        checkKeywords(in: value, at: pointer)
        if checkReferences(in: value, at: pointer) { compile(at: pointer) }
        return pointer
    }

    /// Reports each `$ref` under a schema whose JSON Pointer target does not exist; true when all that
    /// can be decided here resolve (anchors and remote references are left to the validator).
    private func checkReferences(in value: JSONValue, at pointer: JSONPointer) -> Bool {
        var ok = true
        switch value {
        case .object(let o):
            if case .string(let ref)? = o["$ref"], case .missing(let reason) = documents.resolve(ref, from: documentURI) {
                reader.error("unresolved $ref \(JSONWriter.quote(ref)): \(reason)", at: pointer.appending("$ref"))
                reportedRefs.append(pointer.appending("$ref"))
                ok = false
            }
            // Values of these keywords are data, not schemas: a "$ref" member inside them is not a reference.
            for (key, child) in o where !["enum", "const", "default", "examples", "example", "$ref"].contains(key) {
                if !checkReferences(in: child, at: pointer.appending(key)) { ok = false }
            }
        case .array(let a):
            for (i, child) in a.enumerated() where !checkReferences(in: child, at: pointer.appending(i)) { ok = false }
        default:
            break
        }
        return ok
    }

    /// Asks the validator whether the schema compiles; its problems are reported where they are.
    private func compile(at pointer: JSONPointer) {
        do {
            try validator.compile(at: pointer)
        } catch {
            if error.documentURI == documentURI || error.documentURI.isEmpty {
                let at = error.pointer.tokens.isEmpty ? pointer : error.pointer
                if reportedRefs.contains(where: { at.tokens.starts(with: $0.tokens) }) { return }
                reader.error(error.message, at: at)
            } else {
                reader.error("\(error.message) (in \(error.documentURI)#\(error.pointer))", at: pointer)
            }
        }
    }

    /// The schemas an invariant may draw field names from, de-duplicated, in order.
    func unique(_ pointers: [JSONPointer?]) -> [JSONPointer] {
        var seen = Set<JSONPointer>()
        return pointers.compactMap { $0 }.filter { seen.insert($0).inserted }
    }
}
