import ConformCore

/// DigitalOcean Gradient `GET /v2/gen-ai/models` as `seeds/digitalocean-gradient-list-models.txt` documents it,
/// over 47 models; `sparse` leaves out the members the document marks optional (links, most model members).
struct GradientAPI: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case totalAsString, createdAtNotDateTime, versionMajorAsString, isFoundationalAsString, totalBelowItems
        case perPageIgnored, metaPageAlwaysOne, pagesRoundedDown, shortPage, nextOnLastPage, nextMissingBeforeLast
        case previousOnFirstPage, duplicateUUIDs, overlappingPages, unstableTotal, pastEndNotEmpty
        case authNotChecked, rejectionCarriesData
    }

    var breakage: Breakage?
    var sparse = false
    static let count = 47
    static let defaultPerPage = 20

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("Authorization") == "Bearer " + SeedRun.secret else {
            if breakage == .rejectionCarriesData { return APIAnswer(status: 401, body: ["id": "unauthorized", "models": []]) }
            return APIAnswer(status: 401, body: ["id": "unauthorized", "message": "Unable to authenticate you"])
        }
        guard r.path == "/v2/gen-ai/models", r.method == "GET" else { return APIAnswer(status: 404, body: ["id": "not_found"]) }
        var models = (0..<Self.count).map(model)
        if r.value("public_only") == "true" { models = models.filter { $0[member: "is_foundational"] != .bool(false) } }
        if let usecases = r.query["usecases"], !usecases.isEmpty { models = models.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) }
        let page: Int = { if case .valid(let n) = r.integer("page") { return max(1, n) }; return 1 }()
        var perPage: Int = { if case .valid(let n) = r.integer("per_page") { return max(1, n) }; return Self.defaultPerPage }()
        if breakage == .perPageIgnored { perPage = Self.defaultPerPage }
        var offset = (page - 1) * perPage
        if breakage == .overlappingPages, page > 1 { offset -= 1 }
        var items = Array(models.dropFirst(max(0, offset)).prefix(perPage))
        if breakage == .shortPage, offset + perPage < models.count { items.removeLast() }
        if breakage == .pastEndNotEmpty, items.isEmpty, let last = models.last { items = [last] }
        if breakage == .duplicateUUIDs, items.count > 1 { items[1] = items[1].setting("uuid", items[0][member: "uuid"]) }
        if let first = items.first { items[0] = breakFirst(first) }
        var total = models.count
        if breakage == .totalBelowItems { total = items.count - 1 }
        if breakage == .unstableTotal { total += page - 1 }
        var pages = (total + perPage - 1) / perPage
        if breakage == .pagesRoundedDown { pages = total / perPage }
        var meta: JSONValue = ["page": JSONValue(breakage == .metaPageAlwaysOne ? 1 : page), "pages": JSONValue(pages), "total": JSONValue(total)]
        if breakage == .totalAsString { meta = meta.setting("total", .string(String(total))) }
        return .ok(.object([("links", sparse ? JSONValue?.none : links(page: page, pages: pages)), ("meta", meta), ("models", .array(items))]))
    }

    func links(page: Int, pages: Int) -> JSONValue {
        let url = { (n: Int) -> JSONValue in .string("https://api.digitalocean.com/v2/gen-ai/models?page=\(n)") }
        var hasNext = page < pages
        if breakage == .nextOnLastPage { hasNext = page >= pages }
        if breakage == .nextMissingBeforeLast, page == 1 { hasNext = false }
        let hasPrevious = page > 1 || breakage == .previousOnFirstPage
        return ["pages": .object([
            ("first", hasPrevious ? url(1) : JSONValue?.none), ("previous", hasPrevious ? url(page - 1) : JSONValue?.none),
            ("next", hasNext ? url(page + 1) : JSONValue?.none), ("last", hasNext ? url(pages) : JSONValue?.none),
        ])]
    }

    func model(_ i: Int) -> JSONValue {
        let uuid = JSONValue.string("00000000-0000-4000-8000-0000000000\(i < 10 ? "0" : "")\(i)")
        if sparse { return .object([("uuid", uuid), ("name", .string("Model \(i)"))]) }
        return .object([
            ("id", .string("model-\(i)")),
            ("agreement", ["name": "Llama License", "url": "https://example.com/license", "uuid": "a-1", "description": "license"]),
            ("created_at", "2024-05-01T00:00:00Z"),
            ("is_foundational", .bool(i % 3 != 0)),
            ("kb_default_chunk_size", 256), ("kb_max_chunk_size", 512), ("kb_min_chunk_size", 128),
            ("name", .string("Model \(i)")),
            ("parent_uuid", "00000000-0000-4000-8000-000000000000"),
            ("updated_at", "2024-06-01T12:30:00Z"),
            ("upload_complete", true),
            ("url", "https://example.com/model.zip"),
            ("uuid", uuid),
            ("version", ["major": 1, "minor": JSONValue(i % 4), "patch": 0]),
        ])
    }

    func breakFirst(_ m: JSONValue) -> JSONValue {
        switch breakage {
        case .createdAtNotDateTime: return m.setting("created_at", "May 1st, 2024")
        case .versionMajorAsString: return m.setting("version", ["major": "1", "minor": 0, "patch": 0])
        case .isFoundationalAsString: return m.setting("is_foundational", "yes")
        default: return m
        }
    }
}
