import ConformCore
import ConformRun
import Foundation

/// An in-process implementation of one documented API, answering exactly as its document says — or, with a
/// breakage, breaking exactly one documented rule. The seed suites run against it through `InMemoryTransport`.
protocol ReferenceAPI: Sendable {
    /// Answers one request (the credential is already known to be `credential`, `nil` or wrong).
    func answer(_ request: APIRequest) -> APIAnswer
}

/// A request as a reference API sees it: path below the base path, query values by name, the credential sent.
struct APIRequest: Sendable {
    var method: String
    var path: String
    var query: [String: [String]]
    var headers: [Header]

    init(_ request: HTTPRequest, basePath: String) {
        method = request.method
        let components = URLComponents(string: request.url)
        var path = components?.percentEncodedPath ?? "/"
        if path.hasPrefix(basePath) { path = String(path.dropFirst(basePath.count)) }
        self.path = path.isEmpty ? "/" : path
        var query: [String: [String]] = [:]
        for item in components?.queryItems ?? [] { query[item.name, default: []].append(item.value ?? "") }
        self.query = query
        headers = request.headers
    }

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }

    /// The single value of a query parameter, when sent.
    func value(_ name: String) -> String? { query[name]?.first }

    /// An integer parameter: `.absent`, `.valid(n)` or `.invalid` (not an integer).
    func integer(_ name: String) -> IntegerParameter {
        guard let text = value(name) else { return .absent }
        guard let n = Int(text) else { return .invalid }
        return .valid(n)
    }

    enum IntegerParameter: Equatable { case absent, valid(Int), invalid }
}

/// A status and a JSON body.
struct APIAnswer: Sendable {
    var status: Int
    var body: JSONValue

    static func ok(_ body: JSONValue) -> APIAnswer { APIAnswer(status: 200, body: body) }
}

extension JSONValue {
    /// An object from ordered pairs, skipping nil values (an absent optional member).
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(JSONObject(pairs.compactMap { key, value in value.map { (key, $0) } }))
    }

    /// The member `key` of an object, or nil.
    subscript(member key: String) -> JSONValue? { objectValue?[key] }

    /// A copy with member `key` set (nil removes it); other values are returned unchanged.
    func setting(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard var o = objectValue else { return self }
        o[key] = value
        return .object(o)
    }
}
