import ConformCore

/// An OpenAI-compatible `GET /v1/models` as OpenAI publishes it, over 5 models.
struct OpenAIAPI: ReferenceAPI {
    /// One documented rule broken at a time.
    enum Breakage: String, CaseIterable, Sendable {
        case listObjectWrong, modelObjectWrong, createdAsString, createdInMilliseconds, missingOwnedBy, duplicateIds
        case dataMissing, authNotChecked
    }

    var breakage: Breakage?

    func answer(_ r: APIRequest) -> APIAnswer {
        guard breakage == .authNotChecked || r.header("Authorization") == "Bearer " + SeedRun.secret else {
            return APIAnswer(status: 401, body: ["error": ["message": "Incorrect API key provided", "type": "invalid_request_error"]])
        }
        guard r.path == "/models", r.method == "GET" else { return APIAnswer(status: 404, body: ["error": ["message": "not found"]]) }
        var data: [JSONValue] = (0..<5).map { i in
            .object([("id", .string(["gpt-4o", "gpt-4o-mini", "o3", "text-embedding-3-small", "whisper-1"][i])), ("object", "model"),
                     ("created", JSONValue(1_715_367_049 + i)), ("owned_by", i % 2 == 0 ? "system" : "openai"),
                     ("max_model_len", 8192)])
        }
        switch breakage {
        case .modelObjectWrong: data[0] = data[0].setting("object", "engine")
        case .createdAsString: data[0] = data[0].setting("created", "1715367049")
        case .createdInMilliseconds: data[0] = data[0].setting("created", 1_715_367_049_000)
        case .missingOwnedBy: data[0] = data[0].setting("owned_by", nil)
        case .duplicateIds: data[1] = data[1].setting("id", data[0][member: "id"])
        default: break
        }
        return .ok(.object([("object", breakage == .listObjectWrong ? "models" : "list"),
                            ("data", breakage == .dataMissing ? JSONValue?.none : .array(data))]))
    }
}
