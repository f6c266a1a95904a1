import Foundation
import ConformCore

/// How a list operation pages, filters and sorts, derived from the suite: the walk (`pageParam`, `sizeParam`,
/// `size`, `items`, `total`, `hasMore`, `next`/`previous`), the parameters (names, schema defaults and
/// bounds), the invariants (`request.query.limit ?? 100` gives a default the schema does not) and the
/// response schema's member names.
///
/// Where the suite cannot say, conventions fill in (documented in the README): the page-number parameter
/// is `page`; the size parameter `limit`/`per_page`/`page_size`; wrapper members are recognised by name —
/// totals (`total`, `total_item_count`, `meta.total`), echoes (`current_page`, `meta.page`, `items_per_page`,
/// `limit`, `per_page`), `has_more`, page counts (`meta.pages`) and links (`links.pages.next` …).
struct ListProfile {
    enum Role: Hashable { case total, hasMore, pageEcho, sizeEcho, pages, first, last, next, previous }

    var itemsMember: String
    var itemSchema: JSONPointer
    var wrapperSchema: JSONPointer
    var pageParam: String?
    var firstPage = 1
    var sizeParam: String?
    /// The page size when none is asked for; nil when the operation does not page (everything on one page).
    var defaultSize: Int?
    var itemID = "id"
    /// Body paths of the wrapper members the mock computes, by role.
    var roles: [Role: [String]] = [:]
    var filters: [String] = []
    var sortParam: String?
    var directionParam: String?
    var defaultDirection = "asc"
    var searchParam: String?
    var viewParam: String?
    /// View value → item member it adds (`ModelGroup` → `model_group`).
    var viewMembers: [String: String] = [:]
    /// An ownership view (`view_option=created|shared`) and the item member naming the creator (`user_id`).
    var ownerParam: String?
    var ownerMember: String?

    /// The profile of a list operation, or nil when its success body holds no array of items.
    init?(operation: ConformCore.Operation, suite: Suite) {
        let doc = suite.file.document
        guard let wrapperPointer = operation.successResponse?.schemaPointer,
              let wrapper = SchemaView.resolve(wrapperPointer, in: doc) else { return nil }
        let walk = suite.walks.first { $0.operation == operation.id }
        let arrays: [(String, JSONPointer)] = wrapper.propertyPointers.filter { SchemaView.resolve($0.1, in: doc)?.types == ["array"] }
        let preferred: String? = walk.map { $0.items.source.trimmingCharacters(in: CharacterSet.whitespaces) }
        let objectArrays = arrays.filter { pair in
            guard let arrayView = SchemaView.resolve(pair.1, in: doc),
                  let itemView = SchemaView.resolve(arrayView.pointer.appending("items"), in: doc) else { return false }
            return itemView.types == ["object"] || !itemView.propertyPointers.isEmpty
        }
        guard let items = arrays.first(where: { $0.0 == preferred }) ?? objectArrays.first ?? arrays.first else { return nil }
        itemsMember = items.0
        itemSchema = (SchemaView.resolve(items.1, in: doc)?.pointer ?? items.1).appending("items")
        wrapperSchema = wrapper.pointer
        itemID = walk?.itemId ?? suite.crossChecks.first { $0.listOperation == operation.id }?.itemId ?? "id"

        let names: [String] = operation.parameters.filter { $0.location == Parameter.Location.query }.map { $0.name }
        pageParam = walk?.pageParam ?? names.first { $0 == "page" }
        sizeParam = walk?.sizeParam ?? names.first { ["limit", "per_page", "page_size", "pageSize", "size"].contains($0) }
        let invariants: [String] = (operation.successResponse?.invariants ?? []).map { $0.expression.source }
        if let p = pageParam, let param = operation.parameter(p) {
            let schema = SchemaView.resolve(param.schemaPointer, in: doc)?.schema
            firstPage = walk?.firstPage ?? Int(schema?["default"]?.numberValue?.int64Value ?? schema?["minimum"]?.numberValue?.int64Value ?? 1)
        }
        if let s = sizeParam {
            let schema = operation.parameter(s).flatMap { SchemaView.resolve($0.schemaPointer, in: doc)?.schema }
            defaultSize = schema?["default"]?.numberValue?.int64Value.map { Int($0) }
                ?? Self.firstNumber(in: invariants, pattern: "request\\.query\\.\(NSRegularExpression.escapedPattern(for: s))\\s*\\?\\?\\s*(\\d+)")
                ?? 100
        } else if pageParam != nil {
            let description = pageParam.flatMap { operation.parameter($0)?.description } ?? ""
            defaultSize = Self.firstNumber(in: invariants, pattern: "len\\(\(itemsMember)\\)\\s*<=\\s*(\\d+)") ?? walk?.size
                ?? Self.firstNumber(in: [description], pattern: "(\\d+) items per page") ?? 30
        }
        assignRoles(wrapper, doc: doc, walk: walk)

        let itemView = SchemaView.resolve(itemSchema, in: doc)
        let itemMembers = Set((itemView?.propertyPointers ?? []).map { $0.0 })
        sortParam = names.first { ["sort_by", "sort", "order_by", "ordering"].contains($0) }
        directionParam = names.first { ["direction", "order", "sort_order", "sort_direction"].contains($0) }
        if let d = directionParam, let p = operation.parameter(d),
           let def = SchemaView.resolve(p.schemaPointer, in: doc)?.schema["default"]?.stringValue { defaultDirection = def.lowercased() }
        searchParam = names.first { ["query", "q", "search"].contains($0) && !itemMembers.contains($0) }
        viewParam = names.first { $0 == "view" || $0 == "views" }
        if let v = viewParam, let p = operation.parameter(v) {
            for option in Self.enumValues(p.schemaPointer, doc: doc) {
                let snake = Self.snakeCase(option)
                if let m = [snake, snake + "s"].first(where: itemMembers.contains) { viewMembers[option] = m }
            }
        }
        if let o = names.first(where: { name in
            name != viewParam && Set(operation.parameter(name).map { Self.enumValues($0.schemaPointer, doc: doc) } ?? []).isSuperset(of: ["created", "shared"])
        }) {
            ownerParam = o
            ownerMember = Dataset.creatorMembers.first(where: itemMembers.contains)
        }
        let reserved = Set([pageParam, sizeParam, sortParam, directionParam, searchParam, viewParam, ownerParam].compactMap { $0 })
        filters = names.filter { !reserved.contains($0) && itemMembers.contains($0) }
    }

    /// Recognises computed wrapper members by the walk's expressions and by name (up to three levels deep).
    private mutating func assignRoles(_ wrapper: SchemaView, doc: JSONValue, walk: Walk?) {
        func visit(_ view: SchemaView, path: [String]) {
            for (name, pointer) in view.propertyPointers where !(path.isEmpty && name == itemsMember) {
                let full = path + [name]
                guard let child = SchemaView.resolve(pointer, in: doc) else { continue }
                let types = child.types
                let inLinks = path.contains { $0.lowercased().contains("link") }
                let integer = types.contains("integer") || types.contains("number")
                var role: Role?
                if integer, ["total", "total_item_count", "total_count", "total_items", "count"].contains(name) { role = .total }
                if ["has_more", "hasMore"].contains(name) { role = .hasMore }
                if integer, ["current_page", "page"].contains(name) { role = .pageEcho }
                if integer, ["items_per_page", "per_page", "page_size", "limit"].contains(name) { role = .sizeEcho }
                if integer, ["pages", "total_pages", "page_count"].contains(name) { role = .pages }
                if inLinks {
                    switch name {
                    case "first": role = .first
                    case "last": role = .last
                    case "next": role = .next
                    case "previous", "prev": role = .previous
                    default: break
                    }
                }
                if let role, roles[role] == nil { roles[role] = full }
                if types == ["object"] || (types.isEmpty && !child.propertyPointers.isEmpty), full.count < 3 { visit(child, path: full) }
            }
        }
        visit(wrapper, path: [])
        func path(_ e: ConformCore.Expression?) -> [String]? {
            guard let text = e?.source.trimmingCharacters(in: CharacterSet.whitespaces), !text.isEmpty,
                  text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return nil }
            return text.split(separator: ".").map(String.init)
        }
        if let p = path(walk?.total) { roles[.total] = p }
        if let p = path(walk?.hasMore) { roles[.hasMore] = p }
        if let p = path(walk?.next) { roles[.next] = p }
        if let p = path(walk?.previous) { roles[.previous] = p }
    }

    static func firstNumber(in texts: [String], pattern: String) -> Int? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        for t in texts {
            if let m = regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)), let r = Range(m.range(at: 1), in: t) { return Int(t[r]) }
        }
        return nil
    }

    /// Enum values of a parameter schema (or of its array items).
    static func enumValues(_ pointer: JSONPointer, doc: JSONValue) -> [String] {
        guard let view = SchemaView.resolve(pointer, in: doc) else { return [] }
        if let e = view.schema["enum"]?.arrayValue { return e.compactMap(\.stringValue) }
        if view.types == ["array"] { return enumValues(view.pointer.appending("items"), doc: doc) }
        return []
    }

    /// `ModelGroup` → `model_group`.
    static func snakeCase(_ s: String) -> String {
        var out = ""
        for (i, c) in s.enumerated() {
            if c.isUppercase, i > 0 { out.append("_") }
            out.append(c == "-" || c == " " ? "_" : Character(c.lowercased()))
        }
        return out
    }
}
