extension SuiteBuilder {
    static let crossCheckKeys = ["id", "name", "description", "list", "listQuery", "items", "fetch", "pathParam", "itemId",
                                 "agree", "max"]

    /// `crossChecks[]`: each listed item can be fetched and agrees with the listed one.
    func readCrossCheck(_ value: JSONValue, at pointer: JSONPointer) -> CrossCheck? {
        guard let m = reader.members(value, at: pointer, what: "cross-check") else { return nil }
        m.allowOnly(Self.crossCheckKeys)
        let id = m.id("id", required: true)
        if let id { claim(id, at: m.at("id")) }
        let name = m.string("name")
        let description = m.string("description")
        let listName = m.string("list", required: true)
        let list = listName.flatMap { operation(named: $0, at: m.at("list")) }
        let fetchName = m.string("fetch", required: true)
        let fetch = fetchName.flatMap { operation(named: $0, at: m.at("fetch")) }
        let listQuery = m.members("listQuery", what: "listQuery").map { parameterValues($0, of: list, in: .query) } ?? []
        let pathParam = m.string("pathParam", required: true)
        if let fetch, let pathParam {
            checkParameterName(pathParam, of: fetch, in: .path, at: m.at("pathParam"))
            for p in fetch.parameters where p.location == .path && p.name != pathParam {
                reader.error("operation \(JSONWriter.quote(fetch.id)) has a second path parameter \(JSONWriter.quote(p.name)) a cross-check cannot fill", at: m.at("fetch"))
            }
        }
        var items: Expression?
        if let v = m.value("items", required: true), let e = expression(v, at: m.at("items"), what: "cross-check \"items\"") {
            checkBodyPaths(e, at: m.at("items"), what: "cross-check \"items\"", schemas: list.map { unique([$0.successResponse?.schemaPointer]) },
                           scope: "the success response of \(JSONWriter.quote(listName ?? "?"))")
            items = e
        }
        let itemId = m.string("itemId") ?? "id"
        let agree = m.strings("agree", required: true)
        if let agree, agree.isEmpty { reader.error("\"agree\" must name at least one member", at: m.at("agree")) }
        if let fetch, let agree {
            let schemas = unique([fetch.successResponse?.schemaPointer])
            let scope = "the success response of \(JSONWriter.quote(fetch.id))"
            for (member, p) in agree {
                checkMember(member, at: p, schemas: schemas, scope: scope)
            }
        }
        let max = m.integer("max", minimum: 1) ?? 20
        guard let id, let listName, let fetchName, list != nil, fetch != nil, let pathParam, let items, let agree else { return nil }
        return CrossCheck(id: id, name: name ?? id, description: description, listOperation: listName, listQuery: listQuery,
                          items: items, fetchOperation: fetchName, pathParam: pathParam, itemId: itemId,
                          agree: agree.map(\.0), max: max, pointer: pointer)
    }

    /// An `agree` member must be one the fetched object's schema mentions.
    private func checkMember(_ member: String, at pointer: JSONPointer, schemas: [JSONPointer], scope: String) {
        let mentions = self.mentions
        guard !schemas.contains(where: { mentions.mentions([member], schemaAt: $0) }) else { return }
        if schemas.isEmpty {
            reader.error("\"agree\" names \(JSONWriter.quote(member)), but \(scope) has no schema to mention it", at: pointer)
            return
        }
        let names = schemas.reduce(into: Set<String>()) { $0.formUnion(mentions.memberNames(schemaAt: $1)) }
        reader.error("\"agree\" names \(JSONWriter.quote(member)), which no schema of \(scope) mentions\(NearestName.hint(member, in: names.sorted()))", at: pointer)
    }
}
