import Foundation
import ConformCore

/// One operation of a specification: method, path, parameters, responses and security — from an OpenAPI
/// document or from a suite (`SuiteOperations`), so that diff and check compare the two the same way.
public struct SpecOperation {
    public static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// `GET /v5/models/{model_id}`; path parameters match whatever their names (`{id}` ≡ `{model_id}`).
    public struct Key: Hashable, CustomStringConvertible, Sendable {
        public let method: String
        public let path: String
        public init(method: String, path: String) { self.method = method.uppercased(); self.path = path }
        /// Parses `GET /path`.
        public init?(_ text: String) {
            let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[1].hasPrefix("/") else { return nil }
            self.init(method: String(parts[0]), path: String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
        public var description: String { "\(method) \(path)" }
        /// The path with every `{name}` made `{}`.
        public var shape: String {
            var out = ""
            var inside = false
            for c in path {
                if c == "{" { inside = true; out.append("{}") } else if c == "}" { inside = false } else if !inside { out.append(c) }
            }
            return method + " " + out
        }
        public func matches(_ other: Key) -> Bool { shape == other.shape }
    }

    public let key: Key
    public let node: SpecNode
    public var operationId: String? { node.value["operationId"]?.stringValue }
    public var summary: String? { node.value["summary"]?.stringValue }
    public let parameters: [SpecParameter]
    public let responses: [SpecResponse]
    /// The security requirement that applies (the operation's, else the document's); nil when none is stated.
    public let security: SpecNode?

    public init(key: Key, node: SpecNode, parameters: [SpecParameter], responses: [SpecResponse], security: SpecNode?) {
        self.key = key; self.node = node; self.parameters = parameters; self.responses = responses; self.security = security
    }

    init(method: String, path: String, node: SpecNode, shared: [SpecParameter], rootSecurity: SpecNode?,
         documents: SpecDocuments) throws(SpecError) {
        key = Key(method: method, path: path)
        self.node = node
        var parameters = shared
        for p in try node.member("parameters").map({ p throws(SpecError) in try SpecParameter.list(p, documents: documents) }) ?? [] {
            parameters.removeAll { $0.name == p.name && $0.location == p.location }
            parameters.append(p)
        }
        self.parameters = parameters
        var responses: [SpecResponse] = []
        if let r = node.member("responses") {
            for (status, ref) in r.members {
                responses.append(try SpecResponse(status: status, node: documents.resolve(ref), documents: documents))
            }
        }
        self.responses = responses
        security = node.member("security") ?? rootSecurity
    }

    public func response(_ status: String) -> SpecResponse? { responses.first { $0.status == status } }

    /// The documented success response: the lowest 2xx.
    public var success: SpecResponse? {
        responses.filter { $0.code.map { (200..<300).contains($0) } ?? false }.min { $0.status < $1.status }
    }
}

/// A parameter: name, where it goes, whether it is required, its schema.
public struct SpecParameter {
    public let name: String
    /// `query`, `path`, `header`, `cookie`.
    public let location: String
    public let required: Bool
    public let schema: SpecNode?
    public let node: SpecNode
    public var description: String? { node.value["description"]?.stringValue }

    public init(name: String, location: String, required: Bool, schema: SpecNode?, node: SpecNode) {
        self.name = name; self.location = location; self.required = required; self.schema = schema; self.node = node
    }

    static func list(_ node: SpecNode, documents: SpecDocuments) throws(SpecError) -> [SpecParameter] {
        guard node.value.arrayValue != nil else { throw documents.error("\"parameters\" must be an array", at: node) }
        var out: [SpecParameter] = []
        for ref in node.elements {
            let p = try documents.resolve(ref)
            guard let name = p.value["name"]?.stringValue else { throw documents.error("a parameter needs a \"name\"", at: p) }
            guard let location = p.value["in"]?.stringValue, ["query", "path", "header", "cookie"].contains(location) else {
                throw documents.error("parameter \"\(name)\" needs \"in\": query, path, header or cookie", at: p.member("in") ?? p)
            }
            let required = location == "path" || p.value["required"]?.boolValue == true
            out.append(SpecParameter(name: name, location: location, required: required, schema: p.member("schema"), node: p))
        }
        return out
    }
}

/// A response: status (`200`, `4XX`, `default`), its node and its JSON body schema if any.
public struct SpecResponse {
    public let status: String
    public let node: SpecNode
    /// The media type of the body (`application/json` first when several are documented).
    public let contentType: String?
    public let schema: SpecNode?

    public init(status: String, node: SpecNode, contentType: String?, schema: SpecNode?) {
        self.status = status; self.node = node; self.contentType = contentType; self.schema = schema
    }

    init(status: String, node: SpecNode, documents: SpecDocuments) throws(SpecError) {
        self.status = status
        self.node = node
        let content = node.member("content")?.members ?? []
        let chosen = content.first { $0.key == "application/json" } ?? content.first { $0.key.contains("json") }
        contentType = chosen?.key ?? content.first?.key
        schema = chosen?.node.member("schema")
    }

    /// The numeric status, nil for `default` and ranges (`4XX`).
    public var code: Int? { Int(status) }
}
