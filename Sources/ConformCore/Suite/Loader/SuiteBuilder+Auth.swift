extension SuiteBuilder {
    /// `auth`: exactly one of `header`/`scheme`, and the *name* of the variable holding the secret.
    func readAuth(_ m: Members) -> AuthSpec? {
        m.allowOnly(["header", "scheme", "env", "optional", "description", "rejection"])
        var placement: AuthSpec.Placement?
        switch (m.has("header"), m.has("scheme")) {
        case (true, true):
            reader.error("auth takes \"header\" or \"scheme\", not both", at: m.pointer)
        case (false, false):
            reader.error("auth needs \"header\" (the header carrying the secret) or \"scheme\": \"bearer\"", at: m.pointer)
        case (true, false):
            if let name = m.string("header") {
                if name.utf8.allSatisfy(Self.isTokenByte) { placement = .header(name) } else {
                    reader.error("\"header\" must be an HTTP header name, got \(JSONWriter.quote(name))", at: m.at("header"))
                }
            }
        case (false, true):
            if m.word("scheme", among: ["bearer"]) != nil { placement = .bearer }
        }
        let env = m.value("env", required: true).flatMap { readEnv($0, at: m.at("env")) }
        let optional = m.bool("optional") ?? false
        let description = m.string("description")
        let rejection = m.members("rejection", what: "auth rejection").flatMap(readRejection)
        guard let placement, let env else { return nil }
        return AuthSpec(placement: placement, env: env, optional: optional, rejection: rejection, description: description, pointer: m.pointer)
    }

    /// A variable name; anything else may be a pasted secret, so it is neither echoed nor shown in context.
    private func readEnv(_ value: JSONValue, at pointer: JSONPointer) -> String? {
        guard case .string(let name) = value else {
            reader.error("\"env\" must be a string naming an environment variable, got \(value.typeName)", at: pointer)
            return nil
        }
        guard VariableName.isValid(name) else {
            reader.error("\"env\" must be the name of an environment variable (^[A-Z_][A-Z0-9_]*$, like SGP_API_KEY), never the secret itself; the value is not shown in case it is one",
                         at: pointer, hidesSourceLine: true)
            return nil
        }
        return name
    }

    /// `auth.rejection`: what a request without the credential, or with a wrong one, must get.
    private func readRejection(_ m: Members) -> AuthRejection? {
        m.allowOnly(["operation", "status", "schema", "invariants", "description"])
        let opName = m.string("operation")
        let op = opName.map { operation(named: $0, at: m.at("operation")) } ?? operations.first
        let statuses = m.value("status", required: true).flatMap { statusCodes($0, at: m.at("status")) }
        let schemaPointer = m.value("schema").flatMap { schema($0, at: m.at("schema"), what: "rejection \"schema\"") }
        let schemas = op.map { op in unique([schemaPointer] + (statuses ?? []).map { op.response(for: $0)?.schemaPointer } + [op.successResponse?.schemaPointer]) }
        let invariants = invariants(m, key: "invariants", schemas: schemas,
                                    scope: "the rejection or the responses of \(JSONWriter.quote(op?.id ?? ""))")
        let description = m.string("description")
        guard let statuses, opName == nil || op != nil else { return nil }
        return AuthRejection(operation: opName, statuses: statuses, schemaPointer: schemaPointer, invariants: invariants,
                             description: description, pointer: m.pointer)
    }

    /// RFC 9110 token characters.
    static func isTokenByte(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || "!#$%&'*+-.^_`|~".utf8.contains(c)
    }
}
