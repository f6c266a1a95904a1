extension SuiteBuilder {
    static let walkKeys = ["id", "name", "description", "operation", "style", "query", "pageParam", "firstPage", "sizeParam",
                           "size", "cursorParam", "cursor", "next", "previous", "items", "itemId", "total", "hasMore",
                           "maxPages", "checks", "pageInvariants"]

    /// `walks[]`: a pagination walk; what each style and each rule needs must be there.
    func readWalk(_ value: JSONValue, at pointer: JSONPointer) -> Walk? {
        guard let m = reader.members(value, at: pointer, what: "walk") else { return nil }
        m.allowOnly(Self.walkKeys)
        let id = m.id("id", required: true)
        if let id { claim(id, at: m.at("id")) }
        let name = m.string("name")
        let description = m.string("description")
        let opName = m.string("operation", required: true)
        let op = opName.flatMap { operation(named: $0, at: m.at("operation")) }
        let style = m.word("style", among: ["page", "cursor", "link"]).flatMap(Walk.Style.init(rawValue:)) ?? .page
        let query = m.members("query", what: "query").map { parameterValues($0, of: op, in: .query) } ?? []
        let pageParam = queryParameter(m, "pageParam", of: op, required: style == .page)
        let firstPage = m.integer("firstPage") ?? 1
        let sizeParam = queryParameter(m, "sizeParam", of: op)
        let size = m.integer("size", required: true, minimum: 1)
        let cursorParam = queryParameter(m, "cursorParam", of: op, required: style == .cursor)
        for key in ["pageParam", "firstPage"] where style != .page && m.has(key) {
            reader.error("\(JSONWriter.quote(key)) is used by the page style only; this walk's style is \(JSONWriter.quote(style.rawValue))", at: m.at(key), key: true)
        }
        for key in ["cursorParam", "cursor"] where style != .cursor && m.has(key) {
            reader.error("\(JSONWriter.quote(key)) is used by the cursor style only; this walk's style is \(JSONWriter.quote(style.rawValue))", at: m.at(key), key: true)
        }
        let schemas = op.map { unique([$0.successResponse?.schemaPointer]) }
        let scope = "the success response of \(JSONWriter.quote(opName ?? "?"))"
        func expr(_ key: String, required: Bool = false) -> Expression? {
            guard let v = m.value(key, required: required),
                  let e = expression(v, at: m.at(key), what: "walk \(JSONWriter.quote(key))") else { return nil }
            checkBodyPaths(e, at: m.at(key), what: "walk \(JSONWriter.quote(key))", schemas: schemas, scope: scope)
            return e
        }
        let cursor = expr("cursor", required: style == .cursor)
        let next = expr("next", required: style == .link)
        let previous = expr("previous")
        let items = expr("items", required: true)
        let itemId = m.string("itemId") ?? "id"
        let total = expr("total")
        let hasMore = expr("hasMore")
        let maxPages = m.integer("maxPages", minimum: 1) ?? Walk.defaultMaxPages
        let rules = readRules(m, style: style, has: { m.has($0) })
        let pageInvariants = invariants(m, key: "pageInvariants", schemas: schemas, scope: scope, variables: ["page"])
        guard let id, let opName, op != nil, let size, let items, let rules else { return nil }
        return Walk(id: id, name: name ?? id, description: description, operation: opName, style: style, query: query,
                    pageParam: pageParam, firstPage: firstPage, sizeParam: sizeParam, size: size, cursorParam: cursorParam,
                    cursor: cursor, next: next, previous: previous, items: items, itemId: itemId, total: total, hasMore: hasMore,
                    maxPages: maxPages, rules: rules, pageInvariants: pageInvariants, pointer: pointer)
    }

    /// `checks`: rule names (did you mean), each with what it needs.
    private func readRules(_ m: Members, style: Walk.Style, has: (String) -> Bool) -> [Walk.Rule]? {
        guard let names = m.strings("checks", required: true) else { return nil }
        if names.isEmpty { reader.error("\"checks\" must name at least one rule", at: m.at("checks")) }
        let all = Walk.Rule.allCases.map(\.rawValue)
        var rules: [Walk.Rule] = []
        for (name, pointer) in names {
            guard let rule = Walk.Rule(rawValue: name) else {
                let hint = NearestName.hint(name, in: all)
                let list = hint.isEmpty ? " (rules: \(all.joined(separator: ", ")))" : ""
                reader.error("unknown walk check \(JSONWriter.quote(name))\(list)\(hint)", at: pointer)
                continue
            }
            if rules.contains(rule) { reader.error("walk check \(JSONWriter.quote(name)) is listed twice", at: pointer); continue }
            let needs: String? = switch rule {
            case .unionEqualsTotal, .stableTotal: "total"
            case .hasMoreConsistent: "hasMore"
            case .linksConsistent: "next"
            default: nil
            }
            if let needs, !has(needs) {
                reader.error("walk check \(JSONWriter.quote(name)) needs \(JSONWriter.quote(needs))", at: pointer)
            }
            if rule == .pastEndEmpty, style != .page {
                reader.error("walk check \"pastEndEmpty\" needs the page style (a page number to go past the end with)", at: pointer)
            }
            rules.append(rule)
        }
        return rules.count == names.count ? rules : nil
    }
}
