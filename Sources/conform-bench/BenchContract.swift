import ConformCore
import Foundation

/// What the validate phase checks: the 200 schema and invariants of the list operation.
///
/// Taken from the example suite `suites/scale-gp-v5-list-models.json` when it is found (read as a JSON
/// document, so the bench does not depend on the loader); otherwise from an embedded copy of the v5 item schema.
struct BenchContract {
    var origin: String
    var validator: SchemaValidator
    var schemaPointer: JSONPointer
    var invariants: [ConformCore.Expression]

    /// The suite at `path`, or the first of `suites/…` under the working directory and the package root.
    static func load(suitePath: String?) throws -> BenchContract {
        let candidates = suitePath.map { [$0] } ?? [
            "suites/scale-gp-v5-list-models.json",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("suites/scale-gp-v5-list-models.json").path,
        ]
        for path in candidates {
            guard let data = FileManager.default.contents(atPath: path) else {
                if suitePath != nil { throw BenchError("cannot read the suite \(path)") }
                continue
            }
            return try fromSuite(try JSONParser.parse(Array(data)), origin: path)
        }
        return try embedded()
    }

    static func fromSuite(_ document: JSONValue, origin: String) throws -> BenchContract {
        guard case .array(let operations) = document["operations"] ?? .null else { throw BenchError("\(origin): no operations") }
        for (i, op) in operations.enumerated() {
            guard op["method"] == "GET", let response = op["responses"]?["200"], response["schema"] != nil else { continue }
            var invariants: [ConformCore.Expression] = []
            for entry in response["invariants"]?.arrayValue ?? [] {
                guard let text = entry.stringValue ?? entry["expr"]?.stringValue else { continue }
                invariants.append(try ConformCore.Expression.parse(text))
            }
            let pointer = JSONPointer(tokens: ["operations", String(i), "responses", "200", "schema"])
            let validator = SchemaValidator(document: document, uri: URL(fileURLWithPath: origin).absoluteString)
            try validator.compile(at: pointer)
            return BenchContract(origin: origin, validator: validator, schemaPointer: pointer, invariants: invariants)
        }
        throw BenchError("\(origin): no GET operation with a 200 schema")
    }

    static func embedded() throws -> BenchContract {
        let document = try JSONParser.parse(embeddedSchema)
        let validator = SchemaValidator(document: document, uri: "urn:conform-bench:v5-list")
        try validator.compile()
        let invariants = try ["total >= len(items)", "len(items) <= limit", "unique(items[*].id)"].map {
            try ConformCore.Expression.parse($0)
        }
        return BenchContract(origin: "embedded v5 list schema", validator: validator, schemaPointer: .root, invariants: invariants)
    }

    /// The v5 list body and item (seed lines 14-66 and 86-123), as the example suite writes them.
    static let embeddedSchema = #"""
    {"type": "object", "required": ["object", "items", "limit", "total", "has_more"],
     "properties": {"object": {"const": "list"}, "items": {"type": "array", "items": {"$ref": "#/$defs/InferenceModel"}},
       "limit": {"type": "integer"}, "total": {"type": "integer"}, "has_more": {"type": "boolean"}},
     "$defs": {
      "InferenceModel": {"type": "object",
        "required": ["id", "name", "model_type", "model_vendor", "status", "created_at", "created_by_user_id"],
        "properties": {"id": {"type": "string"}, "object": {"const": "model"}, "name": {"type": "string"},
          "model_type": {"enum": ["generic", "completion", "chat_completion"]},
          "model_vendor": {"enum": ["openai", "cohere", "vertex_ai", "anthropic", "azure", "gemini", "launch", "llmengine", "model_zoo", "bedrock"]},
          "vendor_configuration": {"type": "object", "required": ["model_image", "model_infra"],
            "properties": {"model_image": {"$ref": "#/$defs/ModelImage"}, "model_infra": {"$ref": "#/$defs/ModelInfra"}}},
          "status": {"enum": ["failed", "ready", "deploying"]}, "model_metadata": {"type": "object"},
          "created_at": {"type": "string", "format": "date-time"}, "created_by_user_id": {"type": "string"}}},
      "ModelImage": {"type": "object", "required": ["registry", "repository", "tag", "command"],
        "properties": {"registry": {"type": "string"}, "repository": {"type": "string"}, "tag": {"type": "string"},
          "predict_route": {"type": "string"}, "command": {"type": "array", "items": {"type": "string"}},
          "streaming_predict_route": {"type": "string"}, "streaming_command": {"type": "array", "items": {"type": "string"}},
          "request_schema": {"type": "object"}, "response_schema": {"type": "object"}, "env_vars": {"type": "object"},
          "readiness_delay": {"type": "integer"}, "healthcheck_route": {"type": "string"}}},
      "ModelInfra": {"type": "object",
        "properties": {"endpoint_type": {"enum": ["async", "sync", "streaming"]}, "cpus": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
          "gpus": {"type": "integer"}, "gpu_type": {"type": "string"}, "memory": {"type": "string"}, "storage": {"type": "string"},
          "min_workers": {"type": "integer"}, "max_workers": {"type": "integer"}, "per_worker": {"type": "integer"},
          "high_priority": {"type": "boolean"}, "labels": {"type": "object", "additionalProperties": {"type": "string"}},
          "public_inference": {"type": "boolean"}}}}}
    """#
}

/// A reason the bench cannot run (no suite, a schema that does not compile, an invalid generated page).
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
