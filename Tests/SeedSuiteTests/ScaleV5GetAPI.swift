import ConformCore

/// Scale GP `GET /v5/models` and `GET /v5/models/{model_id}` as `seeds/scale-gp-v5-get-model.openapi.txt`
/// documents the fetch, over 12 models (one of each vendor the get-model document lists).
struct ScaleV5GetAPI: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case fetchedVendorDiffers, fetchedNameDiffers, fetchNotFound, statusNotInEnum, missingIdentityType
        case objectNotModel, launchImageMissingTag, engineConfigMissingModel, createdAtNotDateTime
        case availabilityNotInEnum, authNotChecked, rejectionCarriesModel
    }

    var breakage: Breakage?
    static let vendors = ["openai", "cohere", "vertex_ai", "anthropic", "azure", "gemini", "launch", "llmengine", "model_zoo", "bedrock", "xai", "fireworks_ai"]
    static let statuses = ["failed", "ready", "deploying", "deployment_timeout"]

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("x-api-key") == SeedRun.secret else {
            if breakage == .rejectionCarriesModel { return APIAnswer(status: 403, body: Self.model(0)) }
            return APIAnswer(status: 401, body: ["detail": "Not authenticated"])
        }
        let models = (0..<Self.vendors.count).map(Self.model)
        if r.path == "/v5/models" {
            let limit: Int = { if case .valid(let n) = r.integer("limit") { return n }; return 100 }()
            let items = Array(models.prefix(limit))
            return .ok(.object([("object", "list"), ("items", .array(items)), ("limit", JSONValue(limit)),
                                ("total", JSONValue(models.count)), ("has_more", .bool(models.count > items.count))]))
        }
        let prefix = "/v5/models/"
        guard r.path.hasPrefix(prefix) else { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        let id = String(r.path.dropFirst(prefix.count)).removingPercentEncoding ?? ""
        guard var m = models.first(where: { $0[member: "id"] == .string(id) }) else { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        if id == "im-3" { m = broken(m) }
        if breakage == .fetchNotFound, id == "im-5" { return APIAnswer(status: 404, body: ["detail": "Not Found"]) }
        return .ok(m)
    }

    /// The fetch of model `im-3` breaks one rule (the list call is never broken).
    func broken(_ m: JSONValue) -> JSONValue {
        switch breakage {
        case .fetchedVendorDiffers: return m.setting("model_vendor", "openai")
        case .fetchedNameDiffers: return m.setting("name", "renamed")
        case .statusNotInEnum: return m.setting("status", "running")
        case .missingIdentityType: return m.setting("created_by_identity_type", nil)
        case .objectNotModel: return m.setting("object", "inference_model")
        case .launchImageMissingTag: return m.setting("vendor_configuration", Self.launch.setting("model_image", ["registry": "r", "repository": "x", "command": ["serve"]]))
        case .engineConfigMissingModel: return m.setting("vendor_configuration", ["inference_framework": "vllm", "num_shards": 1])
        case .createdAtNotDateTime: return m.setting("created_at", "yesterday")
        case .availabilityNotInEnum: return m.setting("model_availability", "maybe")
        default: return m
        }
    }

    static let launch: JSONValue = [
        "model_image": ["registry": "registry.example.com", "repository": "models/x", "tag": "v1", "command": ["python", "serve.py"],
                        "predict_route": "/predict", "readiness_delay": 120],
        "model_infra": ["endpoint_type": "sync", "cpus": "4", "gpus": 1, "gpu_type": "nvidia-ampere-a10", "labels": ["team": "ml"],
                        "public_inference": false],
    ]

    static func model(_ i: Int) -> JSONValue {
        let config: JSONValue? = i % 3 == 0 ? launch : (i % 3 == 1 ? ["model": "llama-3-8b", "num_shards": 1, "gpu_type": "h100", "extra": true] : JSONValue?.none)
        return .object([
            ("id", .string("im-\(i)")), ("object", "model"), ("name", .string("Model \(i)")),
            ("model_type", .string(["generic", "completion", "chat_completion"][i % 3])),
            ("model_vendor", .string(vendors[i])), ("vendor_configuration", config),
            ("status", .string(statuses[i % statuses.count])), ("model_metadata", [:]),
            ("model_availability", .string(["unknown", "available", "unavailable"][i % 3])),
            ("created_at", "2024-03-01T10:00:00.123456+00:00"), ("created_by_user_id", "user-1"),
            ("created_by_identity_type", i % 2 == 0 ? "user" : "service_account"),
        ])
    }
}
