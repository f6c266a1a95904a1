import Foundation

/// A deterministic page of Scale-GP-v5-style models (`GET /v5/models`), as JSON bytes.
///
/// Items follow the shape of the seed document (`seeds/scale-gp-v5-list-models.txt`, lines 16-62; the optional
/// streaming members left out to land near 750 bytes an item, ≈ 7.5 MB a page) with
/// values that vary per item, so the parser sees realistic strings and numbers rather than one repeated blob.
struct ModelPage {
    static let vendors = ["openai", "cohere", "vertex_ai", "anthropic", "azure", "gemini", "launch", "llmengine", "model_zoo", "bedrock"]
    static let types = ["generic", "completion", "chat_completion"]
    static let statuses = ["failed", "ready", "deploying"]
    static let endpointTypes = ["async", "sync", "streaming"]
    static let gpuTypes = ["nvidia-tesla-t4", "nvidia-ampere-a10", "nvidia-ampere-a100", "nvidia-ampere-a100e", "nvidia-hopper-h100"]

    let itemCount: Int
    /// `total` in the page: more than the items, so `has_more` is true.
    var total: Int { itemCount + itemCount / 4 }

    /// SplitMix64: a fixed seed gives the same page on every run and machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick(_ from: [String]) -> String { from[below(from.count)] }
        mutating func hex(_ n: Int) -> String {
            let digits = Array("0123456789abcdef")
            return String((0..<n).map { _ in digits[below(16)] })
        }
    }

    func bytes() -> [UInt8] {
        var g = Generator(state: 0x5EED_C0DE)
        var out: [UInt8] = []
        out.reserveCapacity(itemCount * 800 + 128)
        out += Array(#"{"object":"list","items":["#.utf8)
        for i in 0..<itemCount {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(item(i, &g).utf8)
        }
        out += Array(#"],"limit":\#(itemCount),"total":\#(total),"has_more":true}"#.utf8)
        return out
    }

    func item(_ i: Int, _ g: inout Generator) -> String {
        let id = "\(g.hex(8))-\(g.hex(4))-\(g.hex(4))-\(g.hex(4))-\(g.hex(12))"
        let vendor = g.pick(Self.vendors)
        let name = "\(vendor)-\(i)"
        let created = String(format: "2023-%02d-%02dT%02d:%02d:%02dZ", 1 + i % 12, 1 + i % 28, i % 24, (i / 24) % 60, (i * 7) % 60)
        let repo = "m/\(g.hex(8))"
        return #"{"name":"\#(name)","model_type":"\#(g.pick(Self.types))","model_vendor":"\#(vendor)","#
            + #""vendor_configuration":{"model_image":{"registry":"r\#(g.below(100))","repository":"\#(repo)","#
            + #""tag":"v\#(g.below(10)).\#(g.below(50)).\#(g.below(100))","predict_route":"/predict","command":["serve:\#(g.below(100))"],"#
            + #""request_schema":{},"response_schema":{},"#
            + #""env_vars":{},"readiness_delay":\#(60 + g.below(240)),"healthcheck_route":"/readyz"},"#
            + #""model_infra":{"endpoint_type":"\#(g.pick(Self.endpointTypes))","cpus":"\#(1 + g.below(16))","gpus":\#(g.below(8)),"#
            + #""gpu_type":"\#(g.pick(Self.gpuTypes))","memory":"\#(8 * (1 + g.below(8)))Gi","storage":"\#(16 * (1 + g.below(8)))Gi","#
            + #""min_workers":0,"max_workers":\#(1 + g.below(10)),"per_worker":\#(1 + g.below(20)),"high_priority":\#(g.below(2) == 0),"#
            + #""labels":{},"public_inference":false}},"#
            + #""status":"\#(g.pick(Self.statuses))","model_metadata":{},"id":"\#(id)","created_at":"\#(created)","#
            + #""created_by_user_id":"u-\#(g.hex(8))","object":"model"}"#
    }
}
