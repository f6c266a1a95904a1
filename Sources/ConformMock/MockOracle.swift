import ConformCore

/// The validator and the invariants as the mock's oracle: every request the suite's cases, walks and
/// cross-checks will send is answered in-process, and every success body is validated against its schema
/// and every invariant that applies to it. What fails is a rule the mock cannot satisfy — reported when the
/// mock starts (`cannot satisfy invariant … at file:line:col`), never silently served broken.
public enum MockOracle {
    /// The problems of serving `suite` from a fresh conforming mock.
    public static func problems(_ suite: Suite, seed: UInt64 = 1, models: Int = 57) -> [String] {
        problems(SuiteService(suite: suite, seed: seed, models: models, drift: nil, anyID: false))
    }

    static func problems(_ service: SuiteService) -> [String] {
        let suite = service.suite
        var out: [String] = []
        var seen = Set<String>()
        for (op, query, path) in samples(suite) {
            guard let route = service.routes.first(where: { $0.operation.id == op.id }) else { continue }
            let target = self.target(suite, op, query: query, path: path)
            let request = HTTPServerRequest(method: op.method, target: target, headers: [Header("Host", "127.0.0.1")])
            let params = Dictionary(path.map { ($0.0, Dataset.text($0.1)) }, uniquingKeysWith: { a, _ in a })
            let response = service.respond(request, route: route, pathParams: params)
            guard let success = op.successResponse, response.status == success.status,
                  let body = try? JSONParser.parse(response.body) else { continue }
            let served = ServedRequest(request, operation: op, suite: suite)
            if let schema = success.schemaPointer, let error = service.validator.validate(body, schemaAt: schema).first {
                let message = "the mock's answer to \(op.method) \(target) breaks its schema at \(error.instancePointer): \(error.title) (\(error.detail))"
                if seen.insert(message).inserted { out.append(message) }
            }
            for (inv, _) in served.invariants {
                let verdict = inv.expression.check(in: EvaluationContext(body: body, request: served.request, variables: served.variables))
                guard !verdict.holds else { continue }
                let message = "cannot satisfy invariant `\(inv.expression.source)` at \(suite.file.location(of: inv.pointer)) "
                    + "for \(op.method) \(target): \(verdict.explanation)"
                if seen.insert(inv.identity).inserted { out.append(message) }
            }
        }
        return out
    }

    /// The requests the runner sends that expect a success: each case's, each walk's first two pages, each
    /// cross-check's list call.
    static func samples(_ suite: Suite) -> [(ConformCore.Operation, [(String, JSONValue)], [(String, JSONValue)])] {
        var out: [(ConformCore.Operation, [(String, JSONValue)], [(String, JSONValue)])] = []
        for c in suite.cases where c.auth == .default {
            guard let op = suite.operation(c.operation), c.expect.statuses.contains(op.successResponse?.status ?? 200) else { continue }
            out.append((op, c.query, c.pathParams.isEmpty ? op.probePath : c.pathParams))
        }
        for w in suite.walks {
            guard let op = suite.operation(w.operation) else { continue }
            for page in [w.firstPage, w.firstPage + 1] where w.style == .page || page == w.firstPage {
                var query = w.query
                if let p = w.pageParam, w.style == .page { query.append((p, JSONValue(page))) }
                if let s = w.sizeParam { query.append((s, JSONValue(w.size))) }
                out.append((op, query, op.probePath))
            }
        }
        for x in suite.crossChecks {
            if let op = suite.operation(x.listOperation) { out.append((op, x.listQuery, op.probePath)) }
        }
        return out
    }

    /// `/base/models/{id}?a=1&b=x` with path parameters filled and arrays in their parameter's style.
    static func target(_ suite: Suite, _ op: ConformCore.Operation, query: [(String, JSONValue)], path: [(String, JSONValue)]) -> String {
        var p = suite.basePath + op.path
        for (name, value) in path { p = p.replacingOccurrences(of: "{\(name)}", with: SuiteService.encode(Dataset.text(value))) }
        var pairs: [String] = []
        for (name, value) in query {
            let texts = ServedRequest.texts(value)
            if case .array = value, op.parameter(name)?.arrayStyle == .comma {
                pairs.append(SuiteService.encode(name) + "=" + texts.map(SuiteService.encode).joined(separator: ","))
            } else {
                pairs += texts.map { SuiteService.encode(name) + "=" + SuiteService.encode($0) }
            }
        }
        return pairs.isEmpty ? p : p + "?" + pairs.joined(separator: "&")
    }
}

extension MockApp {
    /// Rules the mock cannot satisfy, for every suite it serves (printed when `conform mock` starts).
    public var problems: [String] { services.flatMap { s in MockOracle.problems(s).map { "\(s.suite.id): \($0)" } } }
}
