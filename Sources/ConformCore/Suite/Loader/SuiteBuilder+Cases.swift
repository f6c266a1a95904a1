extension SuiteBuilder {
    static let caseKeys = ["id", "name", "description", "operation", "query", "path", "headers", "auth", "expect"]

    /// `cases[]`: an explicit request and what must hold of its answer.
    func readCase(_ value: JSONValue, at pointer: JSONPointer) -> Case? {
        guard let m = reader.members(value, at: pointer, what: "case") else { return nil }
        m.allowOnly(Self.caseKeys)
        let id = m.id("id", required: true)
        if let id { claim(id, at: m.at("id")) }
        let name = m.string("name")
        let description = m.string("description")
        let opName = m.string("operation", required: true)
        let op = opName.flatMap { operation(named: $0, at: m.at("operation")) }
        let query = m.members("query", what: "query").map { parameterValues($0, of: op, in: .query) } ?? []
        let pathParams = m.members("path", what: "path").map { parameterValues($0, of: op, in: .path) } ?? []
        if let op {
            let given = Set(pathParams.map(\.0))
            for p in op.parameters where p.location == .path && !given.contains(p.name) {
                reader.error("case gives no value for path parameter \(JSONWriter.quote(p.name)) of operation \(JSONWriter.quote(op.id)) (add it under \"path\")", at: pointer)
            }
        }
        let headers = readHeaders(m)
        let auth = m.word("auth", among: ["default", "none", "wrong"]).flatMap(Case.AuthMode.init(rawValue:)) ?? .default
        let expect = m.members("expect", what: "expect", required: true).flatMap { readExpectation($0, operation: op) }
        guard let id, let opName, op != nil, let expect else { return nil }
        return Case(id: id, name: name ?? id, description: description, operation: opName, query: query, pathParams: pathParams,
                    headers: headers, auth: auth, expect: expect, pointer: pointer)
    }

    /// `headers`: strings by name; never the auth header, whose value must come from the environment.
    private func readHeaders(_ m: Members) -> [(String, String)] {
        guard let h = m.members("headers", what: "headers") else { return [] }
        var out: [(String, String)] = []
        for (name, value) in h.object {
            let pointer = h.at(name)
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else {
                reader.error("header name \(JSONWriter.quote(name)) is not an HTTP token", at: pointer, key: true)
                continue
            }
            if let auth = authHeader, auth.lowercased() == name.lowercased() {
                reader.error("a case must not set the auth header \(JSONWriter.quote(name)); use \"auth\": \"none\" or \"wrong\"", at: pointer, key: true)
                continue
            }
            guard case .string(let s) = value else {
                reader.error("header value must be a string, got \(value.typedDescription(limit: 40))", at: pointer)
                continue
            }
            out.append((name, s))
        }
        return out
    }

    /// `expect`: statuses (default: the success status), schema, and invariants.
    private func readExpectation(_ m: Members, operation op: Operation?) -> Expectation? {
        m.allowOnly(["status", "schema", "responseInvariants", "invariants"])
        var statuses = m.value("status").flatMap { statusCodes($0, at: m.at("status")) }
        if !m.has("status") { statuses = op?.successResponse.map { [$0.status] } }
        var validate = true
        var schemaPointer: JSONPointer?
        switch m.value("schema") {
        case .bool(let b)?: validate = b
        case .object?: schemaPointer = schema(m.object["schema"] ?? true, at: m.at("schema"), what: "expect \"schema\"")
        case let other?: reader.error("expect \"schema\" must be true, false or a JSON Schema object, got \(other.typedDescription(limit: 40))", at: m.at("schema"))
        case nil: break
        }
        let responseInvariants = m.bool("responseInvariants") ?? true
        let schemas = op.map { op in unique([schemaPointer] + (statuses ?? []).map { op.response(for: $0)?.schemaPointer } + [op.successResponse?.schemaPointer]) }
        let invariants = invariants(m, key: "invariants", schemas: schemas,
                                    scope: "the expected responses of \(JSONWriter.quote(op?.id ?? ""))")
        guard let statuses else { return nil }
        return Expectation(statuses: statuses, validateSchema: validate, schemaPointer: schemaPointer,
                           responseInvariants: responseInvariants, invariants: invariants, pointer: m.pointer)
    }
}
