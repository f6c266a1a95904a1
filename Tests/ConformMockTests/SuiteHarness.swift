import Foundation
import ConformCore
@testable import ConformMock

/// A small in-process runner for the mock's tests: sends a suite's plan (cases, probes, auth cases),
/// walks and cross-checks to a `MockApp` and reports which check kinds failed. The real runner lives in
/// ConformRun; this one exists so the mock can be proven conforming (and each drift caught) on its own.
struct SuiteHarness {
    let suite: Suite
    let app: MockApp
    static let key = "test-key-123"
    private let validator: SchemaValidator

    /// One failed check: its kind (`schema.required`, `invariant`, …) and what was seen.
    struct Failure: CustomStringConvertible {
        var check: String
        var detail: String
        var description: String { "\(check): \(detail)" }
    }

    init(suite: Suite, app: MockApp) {
        self.suite = suite; self.app = app
        validator = suite.file.makeSchemaValidator()
    }

    /// Credentials the app must be built with so `auth.wrong` is refused.
    static func credentials(for suite: Suite) -> [String: String] { suite.auth.map { [$0.env: key] } ?? [:] }

    func run() -> [Failure] {
        var failures: [Failure] = []
        for c in SuitePlan(suite: suite).cases { failures += runCase(c) }
        for w in suite.walks where w.style == .page { failures += walk(w) }
        for x in suite.crossChecks { failures += cross(x) }
        return failures
    }

    struct Exchange {
        var status: Int
        var contentType: String
        var body: JSONValue?
        var request: JSONValue
        var response: JSONValue
    }

    func send(_ op: ConformCore.Operation, query: [(String, JSONValue)], path: [(String, JSONValue)] = [], auth: Case.AuthMode = .default) -> Exchange {
        var target = suite.basePath + op.path
        for (name, value) in path { target = target.replacingOccurrences(of: "{\(name)}", with: Dataset.text(value)) }
        var parts: [String] = []
        for (name, value) in query {
            let style = op.parameter(name)?.arrayStyle ?? .form
            let values = value.arrayValue ?? [value]
            let texts = values.map { Dataset.text($0).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            if style == .comma { parts.append("\(name)=\(texts.joined(separator: ","))") } else { parts += texts.map { "\(name)=\($0)" } }
        }
        if !parts.isEmpty { target += "?" + parts.joined(separator: "&") }
        var headers = [Header("Host", "127.0.0.1:1")]
        if let a = suite.auth {
            switch auth {
            case .default: headers.append(Header(a.headerName, a.headerValue(secret: Self.key)))
            case .wrong: headers.append(Header(a.headerName, a.headerValue(secret: "conform-wrong-key-0000000000000000")))
            case .none: break
            }
        }
        let request = HTTPServerRequest(method: op.method, target: target, headers: headers)
        guard case .response(let r) = app.handle(request) else { return Exchange(status: 0, contentType: "", body: nil, request: .null, response: .null) }
        let contentType = r.headers.first { $0.name.lowercased() == "content-type" }?.value ?? ""
        let body = try? JSONParser.parse(r.body)
        let q = JSONObject(query.map { ($0.0, $0.1) })
        let requestValue: JSONValue = .object(JSONObject([("method", .string(op.method)), ("path", .string(request.path)), ("query", .object(q)),
                                                          ("headers", .object(JSONObject()))]))
        let responseValue: JSONValue = .object(JSONObject([("status", JSONValue(r.status)),
                                                           ("headers", .object(JSONObject([("content-type", .string(contentType))])))]))
        return Exchange(status: r.status, contentType: contentType, body: body, request: requestValue, response: responseValue)
    }

    /// Status, content type, schema and invariants of one exchange.
    func check(_ e: Exchange, _ op: ConformCore.Operation, statuses: [Int], schema: Bool, explicitSchema: JSONPointer?,
               responseInvariants: Bool, invariants: [Invariant], variables: [String: JSONValue] = [:], contentType: Bool = true,
               label: String) -> [Failure] {
        guard statuses.contains(e.status) else { return [Failure(check: "status", detail: "\(label): got \(e.status), expected \(statuses)")] }
        var out: [Failure] = []
        let spec = op.response(for: e.status)
        if contentType, let spec, !e.contentType.lowercased().hasPrefix(spec.contentType.lowercased()) {
            out.append(Failure(check: "content-type", detail: "\(label): \(e.contentType)"))
        }
        if schema, let pointer = explicitSchema ?? spec?.schemaPointer {
            guard let body = e.body else { return out + [Failure(check: "schema.parse", detail: label)] }
            for err in validator.validate(body, schemaAt: pointer) { out.append(Failure(check: "schema.\(err.keyword)", detail: "\(label): \(err)")) }
        }
        let all = (responseInvariants ? spec?.invariants ?? [] : []) + invariants
        let context = EvaluationContext(body: e.body, request: e.request, response: e.response, variables: variables)
        for inv in all {
            let verdict = inv.expression.check(in: context)
            if !verdict.holds { out.append(Failure(check: "invariant", detail: "\(label): \(inv.name): \(verdict.explanation)")) }
        }
        return out
    }

    private func runCase(_ c: Case) -> [Failure] {
        guard let op = suite.operation(c.operation) else { return [Failure(check: "harness", detail: "no operation \(c.operation)")] }
        let e = send(op, query: c.query, path: c.pathParams, auth: c.auth)
        return check(e, op, statuses: c.expect.statuses, schema: c.expect.validateSchema, explicitSchema: c.expect.schemaPointer,
                     responseInvariants: c.expect.responseInvariants, invariants: c.expect.invariants, label: c.id)
    }
}
