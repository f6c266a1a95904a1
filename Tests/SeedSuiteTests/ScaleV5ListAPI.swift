import ConformCore

/// Scale GP `GET /v5/models` as `seeds/scale-gp-v5-list-models.txt` documents it, over 30 models.
struct ScaleV5ListAPI: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case vendorOnlyInGetModelDocument, statusOnlyInGetModelDocument, objectNotList, missingHasMore, hasMoreAlwaysFalse
        case limitNotEchoed, totalBelowItems, limitIgnored, vendorFilterIgnored, acceptsLimitAboveMaximum
        case rejectsLimitAtMaximum, acceptsUnknownVendor, launchImageMissingCommand, authNotChecked
    }

    var breakage: Breakage?
    static let vendors = ["openai", "cohere", "vertex_ai", "anthropic", "azure", "gemini", "launch", "llmengine", "model_zoo", "bedrock"]
    static let count = 30

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("x-api-key") == SeedRun.secret else {
            return APIAnswer(status: 401, body: ["detail": "Not authenticated"])
        }
        guard r.path == "/v5/models" else { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        var limit = 100
        switch r.integer("limit") {
        case .invalid: return Self.validationError("limit")
        case .valid(let n):
            let maximum = breakage == .rejectsLimitAtMaximum ? 999 : (breakage == .acceptsLimitAboveMaximum ? Int.max : 1000)
            guard n >= 1, n <= maximum else { return Self.validationError("limit") }
            limit = n
        case .absent: break
        }
        var models = (0..<Self.count).map(Self.model)
        if let vendor = r.value("model_vendor") {
            guard Self.vendors.contains(vendor) || breakage == .acceptsUnknownVendor else { return Self.validationError("model_vendor") }
            if breakage != .vendorFilterIgnored { models = models.filter { $0[member: "model_vendor"] == .string(vendor) } }
        }
        var items = Array(models.prefix(breakage == .limitIgnored ? models.count : limit))
        if let first = items.first { items[0] = breakFirst(first) }
        var body = JSONValue.object([
            ("object", breakage == .objectNotList ? "page" : "list"), ("items", .array(items)),
            ("limit", JSONValue(breakage == .limitNotEchoed ? 100 : limit)),
            ("total", JSONValue(breakage == .totalBelowItems ? items.count - 1 : models.count)),
            ("has_more", .bool(breakage == .hasMoreAlwaysFalse ? false : models.count > items.count)),
        ])
        if breakage == .missingHasMore { body = body.setting("has_more", nil) }
        return .ok(body)
    }

    static func validationError(_ name: String) -> APIAnswer {
        APIAnswer(status: 422, body: ["detail": [["loc": ["query", .string(name)], "msg": "invalid", "type": "value_error", "input": "x"]]])
    }

    static func model(_ i: Int) -> JSONValue {
        let launch: JSONValue = ["model_image": ["registry": "r.example.com", "repository": "m", "tag": "v1", "command": ["serve"]],
                                 "model_infra": ["endpoint_type": "streaming", "cpus": 4, "gpu_type": "nvidia-hopper-h100"]]
        let config: JSONValue? = i % 3 == 0 ? launch : (i % 3 == 1 ? ["model": "llama-3-70b"] : JSONValue?.none)
        return .object([
            ("name", .string("model-\(i)")), ("model_type", .string(["generic", "completion", "chat_completion"][i % 3])),
            ("model_vendor", .string(vendors[i % vendors.count])), ("vendor_configuration", config),
            ("status", .string(["failed", "ready", "deploying"][i % 3])), ("model_metadata", [:]),
            ("id", .string("im-\(i)")), ("created_at", "2023-11-07T05:31:56Z"), ("created_by_user_id", "user-1"), ("object", "model"),
        ])
    }

    func breakFirst(_ m: JSONValue) -> JSONValue {
        switch breakage {
        case .vendorOnlyInGetModelDocument: return m.setting("model_vendor", "xai")
        case .statusOnlyInGetModelDocument: return m.setting("status", "deployment_timeout")
        case .launchImageMissingCommand:
            return m.setting("vendor_configuration", ["model_image": ["registry": "r", "repository": "m", "tag": "v1"], "model_infra": [:]])
        default: return m
        }
    }
}
