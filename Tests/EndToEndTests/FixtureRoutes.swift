import ConformCore
import Foundation

/// Serves a case's `responses.json`: replies by `"METHOD /path?query"`, in turn when a list is given.
final class FixtureRoutes: @unchecked Sendable {
    private let routes: [String: [JSONValue]]
    private var served: [String: Int] = [:]
    private let lock = NSLock()
    /// Where `redirect-other-port` sends the client.
    let otherBaseURL: String

    init(_ document: JSONValue?, otherBaseURL: String) {
        var routes: [String: [JSONValue]] = [:]
        for (key, value) in document?.objectValue ?? JSONObject() {
            routes[key] = value.arrayValue ?? [value]
        }
        self.routes = routes
        self.otherBaseURL = otherBaseURL
    }

    func reply(_ request: FixtureServer.Request) -> FixtureServer.Reply {
        let key = "\(request.method) \(request.target)"
        let spec: JSONValue? = lock.withLock {
            guard let list = routes[key], !list.isEmpty else { return nil }
            let n = served[key, default: 0]
            served[key] = n + 1
            return list[min(n, list.count - 1)]
        }
        guard let spec else {
            return .response(status: 404, headers: [("Content-Type", "application/json")],
                             body: Array(#"{"detail": "no fixture for \#(key)"}"#.utf8))
        }
        let headers = (spec["headers"]?.objectValue ?? JSONObject()).map { ($0.key, $0.value.stringValue ?? "") }
        let status = spec["status"]?.numberValue?.int64Value.map(Int.init) ?? 200
        switch spec["fault"]?.stringValue {
        case "hang": return .hang
        case "huge": return .huge(bytes: spec["bytes"]?.numberValue?.int64Value.map(Int.init) ?? 100 << 20)
        case "redirect-other-port":
            return .response(status: 302, headers: [("Location", otherBaseURL + "/steal")], body: [])
        case "truncate":
            let body = Array((spec["body"]?.stringValue ?? "").utf8)
            let declared = spec["declared"]?.numberValue?.int64Value.map(Int.init) ?? body.count * 10
            var head = "HTTP/1.1 \(status) OK\r\nContent-Length: \(declared)\r\nConnection: close\r\n"
            for (n, v) in headers { head += "\(n): \(v)\r\n" }
            return .raw(Array((head + "\r\n").utf8) + body)
        case "echo":
            let lines = request.headers.map { JSONValue.string("\($0.0): \($0.1)") }
            let body = JSONWriter.write(.object(JSONObject([("items", .array([])), ("total", JSONValue(0)), ("echo", .array(lines))])))
            return .response(status: status, headers: [("Content-Type", "application/json"),
                                                       ("X-Echo-Key", request.header("x-api-key") ?? "")], body: Array(body.utf8))
        default: break
        }
        let body: [UInt8]
        if let json = spec["json"] { body = JSONWriter.bytes(json) }
        else if let b64 = spec["bodyBase64"]?.stringValue, let data = Data(base64Encoded: b64) { body = [UInt8](data) }
        else { body = Array((spec["body"]?.stringValue ?? "").utf8) }
        return .response(status: status, headers: headers, body: body)
    }
}
