extension SuiteBuilder {
    /// Parses an expression string; a parse error points at the character inside the string.
    func expression(_ value: JSONValue, at pointer: JSONPointer, what: String) -> Expression? {
        guard let text = reader.string(value, at: pointer, what: what) else { return nil }
        do {
            return try Expression.parse(text)
        } catch {
            let message = "\(what) does not parse: \(error.message) at column \(error.column) of \(JSONWriter.quote(text))"
            if let offset = offsetInside(stringAt: pointer, text: text, utf8Offset: error.offset) {
                reader.error(message, at: pointer, offset: offset)
            } else {
                reader.error(message, at: pointer)
            }
            return nil
        }
    }

    /// The file offset of a byte inside a string value (or, with `key`, inside the member key the
    /// pointer names), through any escapes the string is written with.
    func offsetInside(stringAt pointer: JSONPointer, text: String, utf8Offset: Int, key: Bool = false) -> Int? {
        guard let start = key ? file.locations.keys[pointer] : file.locations.values[pointer] else { return nil }
        return JSONStringOffsets.fileOffset(stringAt: start, in: file.source.bytes, decodedOffset: max(0, min(utf8Offset, text.utf8.count)))
    }

    /// An invariant: a string, or `{"expr", "name", "description"}`.
    func invariant(_ value: JSONValue, at pointer: JSONPointer) -> Invariant? {
        if case .string = value {
            return expression(value, at: pointer, what: "invariant").map { Invariant(expression: $0, pointer: pointer) }
        }
        guard case .object = value, let m = reader.members(value, at: pointer, what: "invariant") else {
            reader.error("invariant must be a string or an object with \"expr\", got \(value.typedDescription(limit: 40))", at: pointer)
            return nil
        }
        m.allowOnly(["expr", "name", "description"])
        let name = m.string("name")
        let description = m.string("description")
        guard let exprValue = m.value("expr", required: true),
              let expr = expression(exprValue, at: m.at("expr"), what: "invariant") else { return nil }
        return Invariant(expression: expr, name: name, description: description, pointer: m.at("expr"))
    }

    /// The invariants under `key`, each checked to read only fields the given schemas mention.
    func invariants(_ m: Members, key: String, schemas: [JSONPointer]?, scope: String, variables: Set<String> = []) -> [Invariant] {
        (m.elements(key) ?? []).compactMap { value, pointer in
            guard let inv = invariant(value, at: pointer) else { return nil }
            checkBodyPaths(inv.expression, at: inv.pointer, what: "invariant", schemas: schemas, scope: scope, variables: variables)
            return inv
        }
    }

    /// Reports every body path of an expression that no schema in `schemas` mentions. `schemas` is nil when
    /// the operation they would come from did not load (that is reported already; guessing would mislead).
    func checkBodyPaths(_ expression: Expression, at pointer: JSONPointer, what: String, schemas: [JSONPointer]?,
                        scope: String, variables: Set<String> = []) {
        guard let schemas else { return }
        let mentions = self.mentions
        var reported = Set<[String]>()
        // Only the variables bound where this expression runs are not body fields (`page` in a walk).
        for path in expression.bodyPaths(variables: variables) {
            guard !path.isEmpty, !reported.contains(path) else { continue }
            if schemas.contains(where: { mentions.mentions(path, schemaAt: $0) }) { continue }
            reported.insert(path)
            let shown = Self.display(path)
            if schemas.isEmpty {
                reader.error("\(what) reads body field \(JSONWriter.quote(shown)), but \(scope) has no schema to mention it", at: pointer)
                continue
            }
            let names = schemas.reduce(into: Set<String>()) { $0.formUnion(mentions.memberNames(schemaAt: $1)) }
            let missingStep = path.first { !$0.isEmpty && $0 != "*" && JSONPointer.arrayIndex($0) == nil && !names.contains($0) }
            let hint = missingStep.map { NearestName.hint($0, in: names.sorted()) } ?? ""
            let message = "\(what) reads body field \(JSONWriter.quote(shown)), which no schema of \(scope) mentions\(hint)"
            if let step = missingStep, let inside = Self.wordOffset(step, in: expression.source),
               let offset = offsetInside(stringAt: pointer, text: expression.source, utf8Offset: inside) {
                reader.error(message, at: pointer, offset: offset)
            } else {
                reader.error(message, at: pointer)
            }
        }
    }

    /// UTF-8 offset of the first whole-word occurrence of `word` in `text` (not inside a longer name).
    static func wordOffset(_ word: String, in text: String) -> Int? {
        let t = Array(text.utf8), w = Array(word.utf8)
        guard !w.isEmpty, t.count >= w.count else { return nil }
        func isName(_ c: UInt8) -> Bool { c == 95 || (c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) || c >= 0x80 }
        for start in 0...(t.count - w.count) where Array(t[start..<(start + w.count)]) == w {
            let before = start == 0 || !isName(t[start - 1])
            let after = start + w.count == t.count || !isName(t[start + w.count])
            if before && after { return start }
        }
        return nil
    }

    /// `items[*].model_vendor` for `["items", "*", "model_vendor"]`.
    static func display(_ path: [String]) -> String {
        var out = ""
        for step in path {
            if step == "*" || JSONPointer.arrayIndex(step) != nil { out += "[\(step)]" } else { out += out.isEmpty ? step : ".\(step)" }
        }
        return out
    }
}
