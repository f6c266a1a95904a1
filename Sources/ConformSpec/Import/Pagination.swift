import ConformCore

/// The pagination style an operation's parameters make obvious: page number + page size, or a cursor
/// parameter with a cursor member in the response. Anything less certain gets no walk, and a sentence why.
struct Pagination {
    static let pageNames = ["page", "page_number", "pageNumber"]
    static let sizeNames = ["limit", "per_page", "page_size", "pageSize", "perPage", "size"]
    static let cursorParams = ["cursor", "after", "starting_after", "page_token", "pageToken", "next_token"]
    static let cursorMembers = ["next_cursor", "nextCursor", "cursor", "next_page_token", "nextPageToken", "next_token"]
    static let totalNames = ["total", "total_count", "total_item_count", "totalCount", "total_items", "totalItems"]
    static let hasMoreNames = ["has_more", "hasMore", "has_next", "hasNext"]

    struct Walk {
        var style: String
        var pairs: [(String, JSONValue)]
        var checks: [String]
        var description: String

        func json(operation id: String) -> JSONValue {
            var all: [(String, JSONValue)] = [("id", .string("\(id).walk")), ("name", .string("walks every page of \(id)")),
                                              ("description", .string(description)), ("operation", .string(id)), ("style", .string(style))]
            all += pairs
            all.append(("checks", .array(checks.map { .string($0) })))
            return .object(JSONObject(all))
        }
    }

    var walk: Walk?
    var note: String

    static func detect(_ op: SpecOperation, documents: SpecDocuments) throws(SpecError) -> Pagination {
        func cite(_ n: SpecNode) -> String { let l = documents.location(of: n); return "\(l.path):\(l.line)" }
        let query = op.parameters.filter { $0.location == "query" }
        func param(_ names: [String], integer: Bool) throws(SpecError) -> (SpecParameter, SchemaFacts)? {
            for p in query where names.contains(p.name) {
                guard let s = p.schema else { continue }
                let f = try SchemaFacts(s, documents: documents)
                if !integer || f.types.contains("integer") { return (p, f) }
            }
            return nil
        }
        guard op.key.method == "GET", let list = try SuiteImporter.listMember(of: op, documents: documents) else {
            return Pagination(walk: nil, note: "no pagination walk: the success body has no top-level array to page through.")
        }
        guard list.items.property("id") != nil else {
            return Pagination(walk: nil, note: "no pagination walk: the listed items (\(list.name)) have no `id` member to tell them apart across pages.")
        }
        let body = try SchemaFacts(op.success!.schema!, documents: documents)
        // A total or a has-more flag at the top level or one object down (`meta.total`).
        var total: String?, hasMore: String?
        for (name, p) in body.properties where SuiteImporter.isPlainName(name) {
            if total == nil, totalNames.contains(name) { total = name }
            if hasMore == nil, hasMoreNames.contains(name) { hasMore = name }
            let f = try SchemaFacts(p, documents: documents)
            for (inner, _) in f.properties where SuiteImporter.isPlainName(inner) {
                if total == nil, totalNames.contains(inner) { total = name + "." + inner }
                if hasMore == nil, hasMoreNames.contains(inner) { hasMore = name + "." + inner }
            }
        }
        let size = try param(sizeNames, integer: true)
        if let (page, pf) = try param(pageNames, integer: true), let (sizeParam, sf) = size {
            let first = pf.bounds["minimum"]?.value.int64Value.map(Int.init) ?? pf.node.value["default"]?.numberValue?.int64Value.map(Int.init) ?? 1
            var n = 20
            if let max = sf.bounds["maximum"]?.value.int64Value, max < 20 { n = Int(max) }
            if let min = sf.bounds["minimum"]?.value.int64Value, min > n { n = Int(min) }
            var pairs: [(String, JSONValue)] = [("pageParam", .string(page.name)), ("firstPage", JSONValue(first)),
                                                ("sizeParam", .string(sizeParam.name)), ("size", JSONValue(n)),
                                                ("items", .string(list.name)), ("itemId", "id")]
            var checks = ["noDuplicateIds", "fullPages", "pastEndEmpty"]
            if let t = total { pairs.append(("total", .string(t))); checks += ["unionEqualsTotal", "stableTotal"] }
            if let h = hasMore { pairs.append(("hasMore", .string(h))); checks.append("hasMoreConsistent") }
            let description = "\(cite(page.node)) and \(cite(sizeParam.node)): page-number pagination (\(page.name) from \(first), \(sizeParam.name) \(n)); items \(list.name), identified by id" + (total.map { ", total \($0)" } ?? "") + "."
            return Pagination(walk: Walk(style: "page", pairs: pairs, checks: checks, description: description),
                              note: "walk: page-number pagination (\(page.name) + \(sizeParam.name)).")
        }
        if let (cursorParam, _) = try param(cursorParams, integer: false),
           let member = body.properties.first(where: { cursorMembers.contains($0.name) }) {
            var pairs: [(String, JSONValue)] = [("cursorParam", .string(cursorParam.name)), ("cursor", .string(member.name))]
            if let (s, _) = size { pairs += [("sizeParam", .string(s.name))] }
            pairs += [("size", JSONValue(20)), ("items", .string(list.name)), ("itemId", "id")]
            var checks = ["noDuplicateIds"]
            if let h = hasMore { pairs.append(("hasMore", .string(h))); checks.append("hasMoreConsistent") }
            let description = "\(cite(cursorParam.node)) and \(cite(member.node)): cursor pagination (\(cursorParam.name) ← \(member.name)); items \(list.name)."
            return Pagination(walk: Walk(style: "cursor", pairs: pairs, checks: checks, description: description),
                              note: "walk: cursor pagination (\(cursorParam.name) ← \(member.name)).")
        }
        let names = query.map(\.name)
        return Pagination(walk: nil, note: names.isEmpty
            ? "no pagination walk: the operation takes no query parameter, so the document describes one unpaged list."
            : "no pagination walk: its query parameters (\(names.joined(separator: ", "))) show neither page + size nor a cursor with a cursor member in the response.")
    }
}
