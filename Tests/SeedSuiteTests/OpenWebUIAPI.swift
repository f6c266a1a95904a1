import ConformCore

/// Open WebUI `GET /api/models/list` as `seeds/open-webui-list-models.txt` documents it, over 70 models.
struct OpenWebUIAPI: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case createdAtString, createdAtMilliseconds, missingUser, emailInvalid, isActiveString, baseModelIdNumber
        case missingMetaDescription, userIdMismatch, totalBelowItems, pageOf31, shortPage, duplicateIds
        case overlappingPages, unstableTotal, pastEndNotEmpty, ignoresDirection, defaultDirectionAscending
        case ignoresNameOrder, ignoresUpdatedOrder, ignoresQuery, ignoresViewCreated, authNotChecked
    }

    var breakage: Breakage?
    static let count = 70
    static let perPage = 30
    static let currentUser = "u1"

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("Authorization") == "Bearer " + SeedRun.secret else {
            return APIAnswer(status: 401, body: ["detail": "Not authenticated"])
        }
        guard r.path == "/models/list", r.method == "GET" else { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        var models = (0..<Self.count).map(Self.model)
        if let q = r.value("query"), breakage != .ignoresQuery {
            let needle = q.lowercased()
            models = models.filter { m in
                ["name", "base_model_id", "user_id"].contains { (m[member: $0]?.stringValue ?? "").lowercased().contains(needle) }
                    || ["name", "email"].contains { (m[member: "user"]?[member: $0]?.stringValue ?? "").lowercased().contains(needle) }
            }
        }
        switch r.value("view_option") {
        case "created" where breakage != .ignoresViewCreated: models = models.filter { $0[member: "user_id"] == .string(Self.currentUser) }
        case "shared": models = models.filter { $0[member: "user_id"] != .string(Self.currentUser) }
        default: break
        }
        if let tag = r.value("tag") { models = models.filter { _ in tag == "assistant" } }
        if let field = r.value("order_by") { models = sorted(models, field: field, direction: r.value("direction")) }
        let page: Int = { if case .valid(let n) = r.integer("page") { return max(1, n) }; return 1 }()
        let size = breakage == .pageOf31 ? 31 : Self.perPage
        var offset = (page - 1) * size
        if breakage == .overlappingPages, page > 1 { offset -= 1 }
        var items = Array(models.dropFirst(max(0, offset)).prefix(size))
        if breakage == .shortPage, offset + size < models.count { items.removeLast() }
        if breakage == .pastEndNotEmpty, items.isEmpty, let last = models.last { items = [last] }
        if breakage == .duplicateIds, items.count > 1 { items[1] = items[1].setting("id", items[0][member: "id"]) }
        if let first = items.first { items[0] = breakFirst(first) }
        var total = models.count
        if breakage == .totalBelowItems { total = items.count - 1 }
        if breakage == .unstableTotal { total += page - 1 }
        return .ok(.object([("items", .array(items)), ("total", JSONValue(total))]))
    }

    func sorted(_ models: [JSONValue], field: String, direction: String?) -> [JSONValue] {
        if breakage == .ignoresNameOrder, field == "name" { return models }
        if breakage == .ignoresUpdatedOrder, field == "updated_at" { return models }
        var descending = (direction ?? (breakage == .defaultDirectionAscending ? "asc" : "desc")) == "desc"
        if breakage == .ignoresDirection { descending = true }
        return models.sorted { a, b in
            switch (a[member: field], b[member: field]) {
            case (.number(let x)?, .number(let y)?): return descending ? x > y : x < y
            case (.string(let x)?, .string(let y)?): return descending ? x.lowercased() > y.lowercased() : x.lowercased() < y.lowercased()
            default: return false
            }
        }
    }

    static func model(_ i: Int) -> JSONValue {
        let userID = ["u1", "u2", "u3"][i % 3]
        let created = 1_704_067_200 + i * 3600
        let base: JSONValue? = i % 4 == 0 ? JSONValue.null : (i % 4 == 1 ? JSONValue?.none : .string(i % 2 == 0 ? "gpt-4o" : "llama3"))
        return .object([
            ("id", .string("model-\(i)")),
            ("user_id", .string(userID)),
            ("base_model_id", base),
            ("name", .string(i % 5 == 0 ? "GPT Helper \(i)" : "assistant \(i * 13 % 70)")),
            ("params", ["temperature": 0.7]),
            ("meta", ["profile_image_url": "/static/favicon.png", "description": .string("Model \(i)"), "capabilities": ["vision": true]]),
            ("access_grants", []),
            ("is_active", .bool(i % 6 != 0)),
            ("write_access", .bool(userID == currentUser)),
            ("user", ["id": .string(userID), "name": .string("User \(userID)"), "email": .string("\(userID)@example.com")]),
            ("created_at", JSONValue(created)),
            ("updated_at", JSONValue(created + (i * 37 % 70) * 600)),
        ])
    }

    func breakFirst(_ m: JSONValue) -> JSONValue {
        switch breakage {
        case .createdAtString: return m.setting("created_at", "2024-01-01T00:00:00Z")
        case .createdAtMilliseconds: return m.setting("created_at", 1_704_067_200_000)
        case .missingUser: return m.setting("user", nil)
        case .emailInvalid: return m.setting("user", ["id": m[member: "user_id"] ?? "u1", "name": "User", "email": "not an email"])
        case .isActiveString: return m.setting("is_active", "true")
        case .baseModelIdNumber: return m.setting("base_model_id", 4)
        case .missingMetaDescription: return m.setting("meta", ["profile_image_url": "/static/favicon.png", "capabilities": [:]])
        case .userIdMismatch: return m.setting("user_id", "someone-else")
        default: return m
        }
    }
}
