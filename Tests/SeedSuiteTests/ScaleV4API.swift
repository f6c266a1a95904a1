import ConformCore

/// Scale GP `GET /v4/models` as `seeds/scale-gp-v4-list-models.openapi.txt` documents it, over 45 models.
struct ScaleV4API: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case vendorNotInEnum, missingAccountId, createdAtNotDateTime, deploymentCountAsString, identityTypeNotInEnum
        case totalBelowItems, limitIgnored, currentPageAlwaysOne, itemsPerPageIsCount, shortPage, duplicateIdOnPage
        case overlappingPages, unstableTotal, pastEndNotEmpty
        case acceptsLimitAboveMaximum, rejectsLimitAtMaximum, acceptsPageZero, acceptsUnknownSortBy, acceptsNonIntegerLimit
        case validationErrorShapeWrong, ignoresDeploymentsView, ignoresModelGroupView, sortNameWrongDirection
        case ignoresDeploymentCountSort, deploymentGPUNotInEnum, vendorConfigurationWithoutVendor, modelGroupMissingName
        case authNotChecked, rejectionCarriesData
    }

    var breakage: Breakage?
    var secret = SeedRun.secret

    static let vendors = ["OPENAI", "COHERE", "GOOGLE", "VERTEX_AI", "ANTHROPIC", "LAUNCH", "LLMENGINE", "BEDROCK", "FIREWORKS_AI", "OTHER"]
    static let types = ["COMPLETION", "CHAT_COMPLETION", "AGENT", "EMBEDDING", "RERANKING", "GENERIC", "BUNDLE"]
    static let sortFields = ["display_name", "model_vendor", "base_model_id", "base_model_metadata", "model_creation_parameters",
        "model_card", "training_data_card", "description", "model_template_id", "model_group_id", "model_group", "request_schema",
        "response_schema", "deployment_count", "supports_multi_turn", "deployments", "id", "created_at", "account_id",
        "created_by_user_id", "created_by_identity_type", "name", "model_type"]
    static let count = 45

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("x-api-key") == secret else {
            if breakage == .rejectionCarriesData { return APIAnswer(status: 401, body: ["detail": "Not authenticated", "items": []]) }
            return APIAnswer(status: 401, body: ["detail": "Not authenticated"])
        }
        guard r.path == "/v4/models", r.method == "GET" else { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        if let problem = invalidParameter(r) { return validationError(problem) }
        let page: Int = { if case .valid(let n) = r.integer("page") { return n }; return 1 }()
        var limit: Int = { if case .valid(let n) = r.integer("limit") { return n }; return 100 }()
        if breakage == .limitIgnored { limit = 100 }
        let views = Set(r.query["view"] ?? [])
        var models = (0..<Self.count).map { Self.model($0, views: views, breakage: breakage) }
        if let sort = r.query["sort_by"]?.first { models = sorted(models, by: sort) }
        let total = models.count
        var offset = (page - 1) * limit
        if breakage == .overlappingPages, page > 1 { offset -= 1 }
        offset = max(0, offset)
        var items = offset < models.count ? Array(models[offset..<min(models.count, offset + limit)]) : []
        if breakage == .shortPage, offset + limit < total, !items.isEmpty { items.removeLast() }
        if breakage == .pastEndNotEmpty, items.isEmpty, let last = models.last { items = [last] }
        if breakage == .duplicateIdOnPage, items.count > 1 { items[1] = items[1].setting("id", items[0][member: "id"]) }
        items = items.enumerated().map { i, m in i == 0 ? Self.breakFirst(m, breakage) : m }
        var reported = total
        if breakage == .totalBelowItems { reported = items.count - 1 }
        if breakage == .unstableTotal { reported = total + page - 1 }
        return .ok(.object([
            ("items", .array(items)),
            ("total_item_count", JSONValue(reported)),
            ("current_page", JSONValue(breakage == .currentPageAlwaysOne ? 1 : page)),
            ("items_per_page", JSONValue(breakage == .itemsPerPageIsCount ? items.count : limit)),
        ]))
    }

    /// The first parameter outside its documented schema, if any (422 per `responses['422']`).
    func invalidParameter(_ r: APIRequest) -> String? {
        switch r.integer("page") {
        case .invalid: return "page"
        case .valid(let n) where n < 1 && breakage != .acceptsPageZero: return "page"
        default: break
        }
        switch r.integer("limit") {
        case .invalid where breakage != .acceptsNonIntegerLimit: return "limit"
        case .valid(let n) where n < 1: return "limit"
        case .valid(let n) where n > (breakage == .rejectsLimitAtMaximum ? 9999 : 10000) && breakage != .acceptsLimitAboveMaximum: return "limit"
        default: break
        }
        if let views = r.query["view"], views.contains(where: { !["Deployments", "ModelGroup"].contains($0) }) { return "view" }
        let sortValues = Set(Self.sortFields.flatMap { ["\($0):asc", "\($0):desc"] })
        if breakage != .acceptsUnknownSortBy, let sorts = r.query["sort_by"], sorts.contains(where: { !sortValues.contains($0) }) { return "sort_by" }
        return nil
    }

    func validationError(_ name: String) -> APIAnswer {
        if breakage == .validationErrorShapeWrong { return APIAnswer(status: 422, body: ["detail": .string("invalid " + name)]) }
        return APIAnswer(status: 422, body: ["detail": [["loc": ["query", .string(name)], "msg": "invalid value", "type": "value_error"]]])
    }

    func sorted(_ models: [JSONValue], by sort: String) -> [JSONValue] {
        let parts = sort.split(separator: ":").map(String.init)
        guard parts.count == 2 else { return models }
        let field = parts[0]
        var descending = parts[1] == "desc"
        if breakage == .sortNameWrongDirection, field == "name" { descending.toggle() }
        if breakage == .ignoresDeploymentCountSort, field == "deployment_count" { return models }
        return models.sorted { a, b in
            let x = Self.sortKey(a[member: field]), y = Self.sortKey(b[member: field])
            return descending ? x > y : x < y
        }
    }

    /// Integers by value (zero-padded), strings case-insensitively, anything else by its JSON text.
    static func sortKey(_ v: JSONValue?) -> String {
        switch v {
        case .number(let n)?: return String(repeating: "0", count: max(0, 12 - n.text.count)) + n.text
        case .string(let s)?: return s.lowercased()
        case let other?: return JSONWriter.write(other)
        case nil: return ""
        }
    }

    static func model(_ i: Int, views: Set<String>, breakage: Breakage?) -> JSONValue {
        let id = "mi-" + String(1000 + i)
        let groupID: String? = i % 3 == 0 ? nil : "mg-\(i % 5)"
        var m = JSONValue.object([
            ("id", .string(id)),
            ("name", .string((i % 2 == 0 ? "Model-" : "model-") + String(i * 7 % 45))),
            ("display_name", .string("Model \(i)")),
            ("model_vendor", .string(vendors[i % vendors.count])),
            ("model_type", .string(types[i % types.count])),
            ("base_model_metadata", ["ui_model_section_type": "PARTNER", "modelDetails": ["number_of_parameters": 7]]),
            ("model_group_id", groupID.map { .string($0) }),
            ("created_at", .string("2024-01-01T00:\(i < 10 ? "0" : "")\(i):00Z")),
            ("account_id", "acct-1"),
            ("created_by_user_id", "user-1"),
            ("created_by_identity_type", i % 2 == 0 ? "user" : "service_account"),
            ("request_schema", [:]),
            ("response_schema", [:]),
            ("deployment_count", JSONValue(i % 4)),
            ("supports_multi_turn", .bool(i % 2 == 0)),
        ])
        if views.contains("Deployments"), breakage != .ignoresDeploymentsView {
            m = m.setting("deployments", .array((0..<(i % 4)).map { deployment(model: id, index: $0, breakage: breakage) }))
        }
        if views.contains("ModelGroup"), breakage != .ignoresModelGroupView, let groupID {
            var group = JSONValue.object([("name", .string("group \(groupID)")), ("id", .string(groupID)),
                ("created_at", "2023-12-01T00:00:00Z"), ("account_id", "acct-1"), ("created_by_user_id", "user-1"),
                ("created_by_identity_type", "user")])
            if breakage == .modelGroupMissingName { group = group.setting("name", nil) }
            m = m.setting("model_group", group)
        }
        return m
    }

    static func deployment(model: String, index: Int, breakage: Breakage?) -> JSONValue {
        let launch: JSONValue = ["vendor": "LAUNCH", "min_workers": 0, "max_workers": 1, "per_worker": 10]
        var engine: JSONValue = ["vendor": "LLMENGINE", "cpus": 3, "memory": "8Gi", "gpus": 1, "gpu_type": "nvidia-ampere-a10", "num_shards": 4]
        if breakage == .deploymentGPUNotInEnum { engine = engine.setting("gpu_type", "a100") }
        var config = index % 2 == 0 ? launch : engine
        if breakage == .vendorConfigurationWithoutVendor { config = config.setting("vendor", nil) }
        return .object([
            ("name", .string("\(model)-deployment-\(index)")), ("id", .string("\(model)-d\(index)")),
            ("model_instance_id", .string(model)), ("vendor_configuration", config),
            ("created_at", "2024-02-01T00:00:00Z"), ("account_id", "acct-1"), ("created_by_user_id", "user-1"),
            ("created_by_identity_type", "service_account"), ("status", "READY"),
        ])
    }

    /// Breakages that change one member of the first item on every page.
    static func breakFirst(_ m: JSONValue, _ breakage: Breakage?) -> JSONValue {
        switch breakage {
        case .vendorNotInEnum: return m.setting("model_vendor", "MISTRAL")
        case .missingAccountId: return m.setting("account_id", nil)
        case .createdAtNotDateTime: return m.setting("created_at", "2024-01-01 00:00")
        case .deploymentCountAsString: return m.setting("deployment_count", "3")
        case .identityTypeNotInEnum: return m.setting("created_by_identity_type", "bot")
        default: return m
        }
    }
}
