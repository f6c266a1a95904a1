import ConformCore

extension SuiteImporter {
    /// `auth` from the first operation's security requirement and its `securitySchemes` entry: `http bearer`
    /// (and OAuth 2 / OpenID Connect, whose tokens travel as bearer tokens) → `scheme: bearer`; `apiKey` in a
    /// header → `header: NAME`. A rejection (401/403, the ones documented, else both) is generated.
    func authentication(_ operations: [SpecOperation]) throws(SpecError) -> (value: JSONValue?, note: String?) {
        guard let op = operations.first, let security = op.security else {
            return (nil, "The document states no security requirement, so the suite sends no credential.")
        }
        guard let requirement = security.elements.first(where: { !($0.value.objectValue?.isEmpty ?? true) }),
              let name = requirement.value.objectValue?.keys.first else {
            return (nil, "The document's security requirement is empty (\(cite(security)): `security: []`), so the suite sends no credential.")
        }
        guard let scheme = try document.securityScheme(name) else {
            throw documents.error("security scheme \"\(name)\" is not defined in components.securitySchemes", at: requirement)
        }
        let type = scheme.value["type"]?.stringValue ?? ""
        var placement: (String, JSONValue)
        switch type {
        case "http" where scheme.value["scheme"]?.stringValue?.lowercased() == "bearer", "oauth2", "openIdConnect":
            placement = ("scheme", "bearer")
        case "apiKey" where scheme.value["in"]?.stringValue == "header":
            guard let header = scheme.value["name"]?.stringValue else { throw documents.error("an apiKey scheme needs a \"name\"", at: scheme) }
            placement = ("header", .string(header))
        default:
            return (nil, "The security scheme \(name) (\(cite(scheme)), type \(type)) cannot be sent as a header, so the suite sends no credential.")
        }
        let documented = op.responses.compactMap(\.code).filter { $0 == 401 || $0 == 403 }
        let statuses = documented.isEmpty ? [401, 403] : documented
        var rejection: [(String, JSONValue)] = [("status", .array(statuses.map { JSONValue($0) }))]
        if let list = try Self.listMember(of: op, documents: documents) {
            rejection.append(("invariants", .array([.object(JSONObject([
                ("expr", .string("!exists(\(list.name))")), ("name", "no data without a valid credential"),
                ("description", .string("\(cite(scheme)): security scheme \(name); a refused request must not carry the list (\(list.name))")),
            ]))])))
        }
        rejection.append(("description", .string(documented.isEmpty
            ? "\(cite(requirement)): security \(name); the document lists no 401/403 response, so either is accepted"
            : "\(cite(requirement)): security \(name); documented " + documented.map(String.init).joined(separator: ", "))))
        let env = authEnv ?? defaultEnv()
        let value: JSONValue = .object(JSONObject([
            placement, ("env", .string(env)),
            ("description", .string("\(cite(scheme)): components.securitySchemes.\(name) (\(type)\(placement.0 == "header" ? ", header \(placement.1.stringValue ?? "")" : ", bearer"))")),
            ("rejection", .object(JSONObject(rejection))),
        ]))
        return (value, nil)
    }

    func cite(_ node: SpecNode) -> String {
        let l = documents.location(of: node)
        return "\(l.path):\(l.line)"
    }

    /// `OPENAI_API_KEY` from `info.title` "OpenAI API".
    private func defaultEnv() -> String {
        let title = document.root.value["info"]?["title"]?.stringValue ?? "API"
        let word = title.split(separator: " ").first.map(String.init) ?? "API"
        let letters = word.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return (letters.first?.isLetter == true ? letters : "API") + "_API_KEY"
    }
}
