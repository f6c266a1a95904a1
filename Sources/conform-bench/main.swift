import Foundation
import ConformCore

let vendors = ["openai", "cohere", "vertex_ai", "anthropic", "azure", "gemini", "launch", "llmengine", "model_zoo", "bedrock"]
var text = "{\"object\":\"list\",\"items\":["
for i in 0..<10_000 {
    if i > 0 { text += "," }
    text += """
    {"name":"model-\(i)","model_type":"chat_completion","model_vendor":"\(vendors[i % vendors.count])","vendor_configuration":{"model_image":{"registry":"registry.example.com","repository":"repo/model-\(i)","tag":"v\(i % 17).\(i % 5)","predict_route":"/predict","command":["python","-m","serve"],"streaming_predict_route":"/stream","streaming_command":["python","-m","stream"],"request_schema":{},"response_schema":{},"env_vars":{"A":"1"},"readiness_delay":120,"healthcheck_route":"/readyz"},"model_infra":{"endpoint_type":"sync","cpus":"2","gpus":\(i % 4),"gpu_type":"nvidia-tesla-t4","memory":"8Gi","storage":"16Gi","min_workers":0,"max_workers":\(1 + i % 3),"per_worker":10,"high_priority":false,"labels":{"team":"ml"},"public_inference":false}},"status":"ready","model_metadata":{"note":"generated"},"id":"00000000-0000-4000-8000-\(String(format: "%012d", i))","created_at":"2023-11-07T05:31:56Z","created_by_user_id":"user-\(i % 50)","object":"model"}
    """
}
text += "],\"limit\":10000,\"total\":10000,\"has_more\":false}"
let bytes = Array(text.utf8)

let schemaText = #"""
{"definitions":{
 "InferenceModel":{"type":"object","required":["id","name","model_type","model_vendor","status","created_at","object"],
  "properties":{
   "name":{"type":"string","minLength":1},
   "model_type":{"enum":["generic","completion","chat_completion"]},
   "model_vendor":{"enum":["openai","cohere","vertex_ai","anthropic","azure","gemini","launch","llmengine","model_zoo","bedrock"]},
   "vendor_configuration":{"type":"object","properties":{
     "model_image":{"type":"object","required":["registry","repository","tag"],"properties":{
        "registry":{"type":"string"},"repository":{"type":"string"},"tag":{"type":"string"},"predict_route":{"type":"string"},
        "command":{"type":"array","items":{"type":"string"}},"streaming_predict_route":{"type":"string"},
        "streaming_command":{"type":"array","items":{"type":"string"}},"request_schema":{"type":"object"},"response_schema":{"type":"object"},
        "env_vars":{"type":"object","additionalProperties":{"type":"string"}},"readiness_delay":{"type":"integer","minimum":0},"healthcheck_route":{"type":"string"}}},
     "model_infra":{"type":"object","properties":{
        "endpoint_type":{"enum":["async","sync","streaming"]},"cpus":{"type":["string","integer","number"]},"gpus":{"type":"integer","minimum":0},
        "gpu_type":{"enum":["nvidia-tesla-t4","nvidia-ampere-a10","nvidia-ampere-a100","nvidia-ampere-a100e","nvidia-hopper-h100","nvidia-hopper-h100-1g20gb","nvidia-hopper-h100-3g40gb"]},
        "memory":{"type":"string"},"storage":{"type":"string"},"min_workers":{"type":"integer","minimum":0},"max_workers":{"type":"integer","minimum":0},
        "per_worker":{"type":"integer"},"high_priority":{"type":"boolean"},"labels":{"type":"object","additionalProperties":{"type":"string"}},"public_inference":{"type":"boolean"}}}}},
   "status":{"enum":["failed","ready","deploying"]},
   "model_metadata":{"type":"object"},
   "id":{"type":"string","format":"uuid"},
   "created_at":{"type":"string","format":"date-time"},
   "created_by_user_id":{"type":"string"},
   "object":{"const":"model"}}}},
 "schema":{"type":"object","required":["object","items","limit","total","has_more"],
   "properties":{"object":{"const":"list"},"items":{"type":"array","items":{"$ref":"#/definitions/InferenceModel"}},
   "limit":{"type":"integer","minimum":1,"maximum":10000},"total":{"type":"integer","minimum":0},"has_more":{"type":"boolean"}}}}
"""#
let validator = SchemaValidator(document: try JSONParser.parse(schemaText), uri: "file:///bench/suite.json")
let pointer = JSONPointer("/schema")!
try validator.compile(at: pointer)

func time(_ f: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<7 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        try f()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    return best
}
let mb = Double(bytes.count) / 1e6
var parsed: JSONValue = .null
let parseMs = try time { parsed = try JSONParser.parse(bytes) }
var errs: [SchemaError] = []
let validateMs = time { errs = validator.validate(parsed, schemaAt: pointer) }
let bothMs = try time { let v = try JSONParser.parse(bytes); errs = validator.validate(v, schemaAt: pointer) }
print(String(format: "input %.2f MB; parse %.1f ms (%.0f MB/s); validate %.1f ms; parse+validate %.1f ms (%.0f MB/s); errors %d",
             mb, parseMs, mb / parseMs * 1000, validateMs, bothMs, mb / bothMs * 1000, errs.count))
// Error path: every item invalid in one field.
let badText = text.replacingOccurrences(of: "\"status\":\"ready\"", with: "\"status\":\"READY\"")
let bad = try JSONParser.parse(badText)
let badMs = time { errs = validator.validate(bad, schemaAt: pointer) }
print(String(format: "all 10k items invalid: validate %.1f ms, %d errors; first: %@", badMs, errs.count, errs.first?.description ?? ""))
