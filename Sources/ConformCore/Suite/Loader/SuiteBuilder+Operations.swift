extension SuiteBuilder {
    static let operationKeys = ["id", "method", "path", "description", "parameters", "parameterError", "responses",
                                "probeQuery", "probePath", "catalog"]
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func readOperations(_ top: Members) -> [Operation] {
        guard let items = top.elements("operations", required: true) else { return [] }
        if items.isEmpty { reader.error("\"operations\" must hold at least one operation", at: top.at("operations")) }
        var seen: [String: JSONPointer] = [:]
        var out: [Operation] = []
        for (value, pointer) in items {
            guard let op = readOperation(value, at: pointer) else { continue }
            if let first = seen[op.id] {
                reader.error("operation id \(JSONWriter.quote(op.id)) is already used at line \(file.location(of: first).line)", at: pointer.appending("id"))
                continue
            }
            seen[op.id] = pointer.appending("id")
            out.append(op)
        }
        return out
    }

    private func readOperation(_ value: JSONValue, at pointer: JSONPointer) -> Operation? {
        guard let m = reader.members(value, at: pointer, what: "operation") else { return nil }
        m.allowOnly(Self.operationKeys)
        let id = m.id("id", required: true)
        let method = m.word("method", among: Self.methods, required: true)
        let path = m.string("path", required: true)
        let description = m.string("description")
        let parameters = (m.entries("parameters", what: "parameters") ?? []).compactMap { readParameter(name: $0, $1, at: $2) }
        if let path { checkTemplate(path, at: m.at("path"), parameters: parameters, operation: m) }
        let parameterError = m.members("parameterError", what: "parameterError").flatMap(readParameterError)
        let responses = readResponses(m)
        let scratch = Operation(id: id ?? "", method: method ?? "GET", path: path ?? "/", parameters: parameters, pointer: pointer)
        let probeQuery = m.members("probeQuery", what: "probeQuery").map { parameterValues($0, of: scratch, in: .query) } ?? []
        let probePath = m.members("probePath", what: "probePath").map { parameterValues($0, of: scratch, in: .path) } ?? []
        let catalog = m.members("catalog", what: "catalog").flatMap { readCatalog($0, responses: responses) }
        guard let id, let method, let path else { return nil }
        return Operation(id: id, method: method, path: path, description: description, parameters: parameters,
                         parameterError: parameterError, responses: responses, probeQuery: probeQuery, probePath: probePath,
                         catalog: catalog, pointer: pointer)
    }

    /// Path must start with `/`; `{name}`s and `in: path` parameters must match one to one.
    private func checkTemplate(_ path: String, at pointer: JSONPointer, parameters: [Parameter], operation m: Members) {
        guard path.hasPrefix("/") else {
            reader.error("\"path\" must start with '/', got \(JSONWriter.quote(path))", at: pointer)
            return
        }
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                reader.error("\"path\" has a '{' without a matching '}'", at: pointer)
                return
            }
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        let declared = parameters.filter { $0.location == .path }.map(\.name)
        for name in names where !declared.contains(name) {
            reader.error("\"path\" names {\(name)}, which is not a parameter with \"in\": \"path\"\(NearestName.hint(name, in: declared))", at: pointer)
        }
        for p in parameters where p.location == .path && !names.contains(p.name) {
            reader.error("path parameter \(JSONWriter.quote(p.name)) does not appear in \"path\" \(JSONWriter.quote(path))", at: p.pointer, key: true)
        }
    }

    private func readParameter(name: String, _ value: JSONValue, at pointer: JSONPointer) -> Parameter? {
        guard let m = reader.members(value, at: pointer, what: "parameter \(JSONWriter.quote(name))") else { return nil }
        m.allowOnly(["in", "required", "schema", "style", "probe", "description"])
        let location = m.word("in", among: ["query", "path", "header"], required: true).flatMap(Parameter.Location.init(rawValue:))
        var required = m.bool("required") ?? (location == .path)
        if location == .path, m.bool("required") == false {
            reader.error("a path parameter is always required; remove \"required\": false", at: m.at("required"))
            required = true
        }
        let schemaPointer = m.value("schema", required: true).flatMap { schema($0, at: m.at("schema"), what: "parameter \"schema\"") }
        let style = m.word("style", among: ["form", "comma"]).flatMap(Parameter.ArrayStyle.init(rawValue:)) ?? .form
        let probe = m.bool("probe") ?? true
        let description = m.string("description")
        guard let location, let schemaPointer else { return nil }
        return Parameter(name: name, location: location, required: required, schemaPointer: schemaPointer, arrayStyle: style,
                         probe: probe, description: description, pointer: pointer)
    }

    private func readParameterError(_ m: Members) -> ParameterError? {
        m.allowOnly(["status", "schema", "description"])
        let status = m.value("status", required: true).flatMap { statusCode($0, at: m.at("status")) }
        let schemaPointer = m.value("schema").flatMap { schema($0, at: m.at("schema"), what: "parameterError \"schema\"") }
        let description = m.string("description")
        guard let status else { return nil }
        return ParameterError(status: status, schemaPointer: schemaPointer, description: description, pointer: m.pointer)
    }

    private func readResponses(_ op: Members) -> [ResponseSpec] {
        guard op.value("responses", required: true) != nil, let entries = op.entries("responses", what: "responses") else { return [] }
        var out: [ResponseSpec] = []
        for (key, value, pointer) in entries {
            guard key.utf8.count == 3, let status = Int(key), (100...599).contains(status) else {
                reader.error("response key must be a status code from \"100\" to \"599\", got \(JSONWriter.quote(key))", at: pointer, key: true)
                continue
            }
            guard let m = reader.members(value, at: pointer, what: "response \(key)") else { continue }
            m.allowOnly(["description", "contentType", "schema", "invariants"])
            let description = m.string("description")
            let contentType = m.string("contentType") ?? "application/json"
            if contentType.split(separator: "/").count != 2 || contentType.contains(" ") {
                reader.error("\"contentType\" must be a media type like application/json, got \(JSONWriter.quote(contentType))", at: m.at("contentType"))
            }
            let schemaPointer = m.value("schema").flatMap { schema($0, at: m.at("schema"), what: "response \"schema\"") }
            let invariants = invariants(m, key: "invariants", schemas: unique([schemaPointer]), scope: "response \(key)")
            out.append(ResponseSpec(status: status, description: description, contentType: contentType,
                                    schemaPointer: schemaPointer, invariants: invariants, pointer: pointer))
        }
        if entries.isEmpty {
            reader.error("\"responses\" must hold at least one response", at: op.at("responses"))
        } else if out.count == entries.count, !out.contains(where: { (200..<300).contains($0.status) }) {
            reader.error("operation has no 2xx response; the lowest 2xx is the success response that probes and cases expect", at: op.at("responses"))
        }
        return out
    }

    /// One status code, 100–599.
    func statusCode(_ value: JSONValue, at pointer: JSONPointer) -> Int? {
        guard let code = reader.integer(value, at: pointer, what: "status") else { return nil }
        guard (100...599).contains(code) else {
            reader.error("status must be from 100 to 599, got \(code)", at: pointer)
            return nil
        }
        return code
    }

    /// A status code or a non-empty list of them.
    func statusCodes(_ value: JSONValue, at pointer: JSONPointer) -> [Int]? {
        guard case .array(let items) = value else { return statusCode(value, at: pointer).map { [$0] } }
        guard !items.isEmpty else {
            reader.error("\"status\" must list at least one status code", at: pointer)
            return nil
        }
        let codes = items.enumerated().compactMap { statusCode($0.element, at: pointer.appending($0.offset)) }
        return codes.count == items.count ? codes : nil
    }
}
