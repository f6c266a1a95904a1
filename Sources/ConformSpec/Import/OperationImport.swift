import ConformCore

/// One operation of a document turned into a suite operation, its default case and (when obvious) its walk.
struct OperationImport {
    let operation: SpecOperation
    let id: String
    let collector: SchemaCollector
    let documents: SpecDocuments

    struct Built {
        var operation: JSONValue
        /// The default case, then one case per documented value of each small query enum.
        var cases: [JSONValue]
        var walk: JSONValue?
        /// Why there is a walk of this style, or why there is none.
        var paginationNote: String
        var notes: [String]
    }

    func cite(_ node: SpecNode) -> String { collector.cite(node) }

    func build() throws(SpecError) -> Built {
        let op = operation
        var notes: [String] = []
        var parameters: [(String, JSONValue)] = []
        var probeQuery: [(String, JSONValue)] = []
        var probePath: [(String, JSONValue)] = []
        for p in op.parameters {
            guard p.location != "cookie" else {
                notes.append("\(op.key): cookie parameter \(p.name) (\(cite(p.node))) is not encoded (suites send query, path and header parameters).")
                continue
            }
            // A query string cannot carry null: "or null" in a parameter schema means "may be left out".
            let schema = Self.withoutNull(try p.schema.map { s throws(SpecError) in try collector.convert(s) } ?? .object(JSONObject()))
            var pairs: [(String, JSONValue)] = [("in", .string(p.location))]
            if p.required { pairs.append(("required", true)) }
            pairs.append(("schema", schema))
            let facts = try p.schema.map { s throws(SpecError) in try SchemaFacts(s, documents: documents) }
            if facts?.types == ["array"], p.location == "query", p.node.value["explode"]?.boolValue == false {
                pairs.append(("style", "comma"))
            }
            pairs.append(("description", .string("\(cite(p.node)): parameters[\(p.name)]" + (SchemaCollector.summary(p.description).map { " — " + $0 } ?? ""))))
            parameters.append((p.name, .object(JSONObject(pairs))))
            if p.location == "path" { probePath.append((p.name, try sampleValue(p, facts: facts))) }
            if p.location == "query", p.required { probeQuery.append((p.name, try sampleValue(p, facts: facts))) }
        }
        for name in pathNames(op.key.path) where !op.parameters.contains(where: { $0.name == name && $0.location == "path" }) {
            throw documents.error("path template \(op.key.path) names {\(name)}, but the operation declares no path parameter \(name)", at: op.node)
        }

        var responses: [(String, JSONValue)] = []
        var skipped: [String] = []
        for r in op.responses {
            guard let code = r.code, (100...599).contains(code) else {
                skipped.append("\(r.status) (\(cite(r.node)), not a status code)")
                continue
            }
            let success = (200..<300).contains(code)
            guard success || r.schema != nil || code == 401 || code == 403 else {
                skipped.append("\(r.status) (\(cite(r.node)), no body documented)")
                continue
            }
            var pairs: [(String, JSONValue)] = [("description", .string("\(cite(r.node)): responses[\(r.status)]" + (SchemaCollector.summary(r.node.value["description"]?.stringValue).map { " — " + $0 } ?? "")))]
            if let ct = r.contentType, ct != "application/json" { pairs.append(("contentType", .string(ct))) }
            if let s = r.schema { pairs.append(("schema", try collector.convert(s))) }
            responses.append((r.status, .object(JSONObject(pairs))))
        }
        guard let success = op.success, let successCode = success.code else {
            throw documents.error("\(op.key) documents no 2xx response, so there is nothing to check a success against", at: op.node.member("responses") ?? op.node)
        }
        if !skipped.isEmpty { notes.append("\(op.key): responses not encoded: " + skipped.joined(separator: ", ") + ".") }

        var pairs: [(String, JSONValue)] = [
            ("id", .string(id)), ("method", .string(op.key.method)), ("path", .string(op.key.path)),
            ("description", .string("\(cite(op.node)): \(op.key)" + ((op.summary ?? SchemaCollector.summary(op.node.value["description"]?.stringValue)).map { " — " + $0 } ?? ""))),
        ]
        if !parameters.isEmpty { pairs.append(("parameters", .object(JSONObject(parameters)))) }
        if let error = [422, 400].lazy.compactMap({ c in op.response(String(c)) }).first {
            var e: [(String, JSONValue)] = [("status", JSONValue(error.code!))]
            if let s = error.schema { e.append(("schema", try collector.convert(s))) }
            e.append(("description", .string("\(cite(error.node)): responses[\(error.status)] — the answer to a parameter outside its schema")))
            pairs.append(("parameterError", .object(JSONObject(e))))
        } else {
            notes.append("\(op.key): the document lists no 400 or 422 response, so no rejection probe is generated (values outside a bound are not sent).")
        }
        pairs.append(("responses", .object(JSONObject(responses))))
        if !probeQuery.isEmpty { pairs.append(("probeQuery", .object(JSONObject(probeQuery)))) }
        if !probePath.isEmpty { pairs.append(("probePath", .object(JSONObject(probePath)))) }

        let pagination = try Pagination.detect(op, documents: documents)
        var walk: JSONValue?
        if let p = pagination.walk {
            walk = p.json(operation: id)
        } else if op.key.method == "GET", !op.key.path.hasSuffix("}"), let list = try SuiteImporter.listMember(of: op, documents: documents), list.items.property("id") != nil {
            pairs.append(("catalog", .object(JSONObject([("items", .string(list.name)), ("itemId", "id")]))))
        }

        var casePairs: [(String, JSONValue)] = [
            ("id", .string("\(id).default")), ("name", .string("\(op.key) with only the required parameters")),
            ("description", .string("\(cite(op.node)): \(op.key) as documented; responses[\(success.status)] at \(cite(success.node)).")),
            ("operation", .string(id)),
        ]
        if !probeQuery.isEmpty { casePairs.append(("query", .object(JSONObject(probeQuery)))) }
        if !probePath.isEmpty { casePairs.append(("path", .object(JSONObject(probePath)))) }
        casePairs.append(("expect", .object(JSONObject([("status", .array([JSONValue(successCode)]))]))))
        let valueCases = try enumValueCases(successCode: successCode, probeQuery: probeQuery, probePath: probePath)
        return Built(operation: .object(JSONObject(pairs)), cases: [.object(JSONObject(casePairs))] + valueCases, walk: walk,
                     paginationNote: "\(op.key): \(pagination.note)", notes: notes)
    }

    /// "accepts view=ModelGroup": every documented value of a query enum of at most 8 values but the first
    /// (the generated `enum-first` probe sends that one) must be accepted; views and filters that add members
    /// to the answer are exercised this way.
    private func enumValueCases(successCode: Int, probeQuery: [(String, JSONValue)], probePath: [(String, JSONValue)]) throws(SpecError) -> [JSONValue] {
        var out: [JSONValue] = []
        for p in operation.parameters where p.location == "query" {
            guard let s = p.schema else { continue }
            var f = try SchemaFacts(s, documents: documents)
            let isArray = f.types == ["array"]
            if isArray, let items = f.items { f = try SchemaFacts(items, documents: documents) }
            guard let values = f.enumValues, values.count >= 2, values.count <= 8 else { continue }
            for v in values.dropFirst() {
                let text = v.stringValue ?? JSONWriter.write(v)
                let token = String(text.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
                var pairs: [(String, JSONValue)] = [
                    ("id", .string("\(id).\(p.name).\(token)")), ("name", .string("accepts \(p.name)=\(text)")),
                    ("description", .string("\(cite(f.enumNode ?? f.node)): \(p.name) value \(JSONWriter.write(v)) is documented, so it is accepted")),
                    ("operation", .string(id)),
                ]
                var query = probeQuery.filter { $0.0 != p.name }
                query.append((p.name, isArray ? .array([v]) : v))
                pairs.append(("query", .object(JSONObject(query))))
                if !probePath.isEmpty { pairs.append(("path", .object(JSONObject(probePath)))) }
                pairs.append(("expect", .object(JSONObject([("status", .array([JSONValue(successCode)]))]))))
                out.append(.object(JSONObject(pairs)))
            }
        }
        return out
    }

    /// The schema with its "or null" removed: `null` out of `type` lists, `{type: null}` out of `anyOf`/`oneOf`
    /// (a single remaining branch replaces the combinator, keeping the other keywords).
    static func withoutNull(_ schema: JSONValue) -> JSONValue {
        guard var o = schema.objectValue else { return schema }
        if case .array(let types)? = o["type"] {
            let kept = types.filter { $0 != "null" }
            o["type"] = kept.count == 1 ? kept[0] : .array(kept)
        }
        for key in ["anyOf", "oneOf"] {
            guard case .array(let branches)? = o[key] else { continue }
            let kept = branches.filter { $0 != .object(JSONObject([("type", "null")])) }
            if kept.count == 1, let only = kept[0].objectValue {
                o[key] = JSONValue?.none
                var merged = only
                for (k, v) in o where merged[k] == nil { merged[k] = v }
                o = merged
            } else {
                o[key] = .array(kept)
            }
        }
        return .object(o)
    }

    private func pathNames(_ path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for c in path {
            if c == "{" { current = "" } else if c == "}" { if let n = current { names.append(n) }; current = nil } else if current != nil { current!.append(c) }
        }
        return names
    }

    /// A value the document gives for a parameter (its example, its schema's default, example or first enum
    /// value), else the smallest one its schema allows.
    private func sampleValue(_ p: SpecParameter, facts: SchemaFacts?) throws(SpecError) -> JSONValue {
        if let e = p.node.value["example"], !e.isNull, e.arrayValue == nil { return e }
        if let f = facts {
            for key in ["default", "example"] { if let v = f.node.value[key], !v.isNull, v.arrayValue == nil { return v } }
            if let first = f.enumValues?.first { return first }
            if f.types.contains("integer") || f.types.contains("number") {
                if let m = f.bounds["minimum"]?.value { return .number(m) }
                return 1
            }
            if f.types.contains("boolean") { return true }
        }
        return p.location == "path" ? "conform-probe-id" : "conform-probe"
    }
}

extension SuiteImporter {
    /// The first top-level array member of the success body whose name an expression can read bare
    /// (`items`, `data`, `models`; not `1_clicks`).
    static func listMember(of op: SpecOperation, documents: SpecDocuments) throws(SpecError) -> (name: String, items: SchemaFacts)? {
        guard let schema = op.success?.schema else { return nil }
        let facts = try SchemaFacts(schema, documents: documents)
        for (name, p) in facts.properties where isPlainName(name) {
            let f = try SchemaFacts(p, documents: documents)
            if f.types == ["array"], let items = f.items { return (name, try SchemaFacts(items, documents: documents)) }
        }
        return nil
    }

    /// A name an expression reads bare: a letter or `_`, then letters, digits and `_`.
    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
