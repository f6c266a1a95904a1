import ConformCore

extension SuiteRun {
    /// Checks one sent request. Every answer lists the same checks, so every target has the same
    /// denominator: no response → one error (or a redirect / truncation failure) and status, content type,
    /// JSON and body rules skipped; a status outside the expected ones → its failure, and the content type,
    /// JSON and body rules of the expected status skipped (they do not apply to a different answer).
    ///
    /// `place` names where the answer was asked for (a case id, a walk id and page): with a memo in the
    /// options, an answer identical to one evaluated there before reuses its checks (`EvaluationMemo`).
    func evaluate(_ sent: SentRequest, _ expectation: ResponseExpectation, variables: [String: JSONValue] = [:],
                  query: [(String, JSONValue)] = [], place: String? = nil) -> (checks: [CheckResult], body: JSONValue?) {
        guard let memo = options.evaluationMemo, let place else { return evaluateAnswer(sent, expectation, variables: variables, query: query) }
        if let known = memo.lookup(place, sent) { return known }
        let fresh = evaluateAnswer(sent, expectation, variables: variables, query: query)
        memo.record(place, sent, checks: fresh.checks, body: fresh.body)
        return fresh
    }

    /// `evaluate` without the memo.
    private func evaluateAnswer(_ sent: SentRequest, _ expectation: ResponseExpectation, variables: [String: JSONValue],
                                query: [(String, JSONValue)]) -> (checks: [CheckResult], body: JSONValue?) {
        let statusRule = rule(expectation.statusRule)
        guard let response = sent.observed else {
            guard case .failure(let error) = sent.outcome else { return ([], nil) }
            let first = Self.noResponseCheck(error, url: sent.recorded.url, attempts: sent.attempts.count, rule: statusRule)
            let expected = expectation.statuses.first.map(expectation.rules) ?? .none
            let reason = "no response to check (\(error.message))"
            let status = CheckResult(name: StatusCheck.name(expected: expectation.statuses), check: CheckKind.status.id,
                                     status: .skipped, skipReason: reason)
            return ([first, status] + Self.skipped(expected, reason: reason, withHead: true), nil)
        }
        var checks = [StatusCheck.evaluate(expected: expectation.statuses, actual: response.status, rule: statusRule,
                                           citation: expectation.citation)]
        guard expectation.statuses.contains(response.status) else {
            let expected = expectation.statuses.first.map(expectation.rules) ?? .none
            let want = expectation.statuses.map(String.init).joined(separator: " or ")
            checks += Self.skipped(expected, reason: "status \(response.status) is not \(want): the rules for \(want) do not apply",
                                   withHead: true)
            return (checks, nil)
        }
        let rules = expectation.rules(response.status)
        if let type = rules.contentType {
            checks.append(ContentTypeCheck.evaluate(expected: type, response: response, rule: rule(rules.contentTypeRule ?? expectation.statusRule)))
        }
        guard rules.needsBody else { return (checks, nil) }
        let (jsonCheck, body) = JSONBodyCheck.evaluate(response, rule: statusRule)
        checks.append(jsonCheck)
        guard let body else {
            checks += Self.skipped(rules, reason: "the body is not JSON")
            return (checks, nil)
        }
        if let schema = rules.schema {
            checks.append(SchemaCheck.evaluate(body, schemaAt: schema, validator: validator, file: suite.file))
        }
        let context = evaluationContext(sent, body: body, query: query, variables: variables)
        for invariant in rules.invariants {
            checks.append(InvariantCheck.evaluate(invariant, in: context, file: suite.file))
        }
        return (checks, body)
    }

    /// The expression context: body, `request` (redacted; `--var` values in `request.vars`) and `response`,
    /// plus the walk's `page`.
    func evaluationContext(_ sent: SentRequest, body: JSONValue?, query: [(String, JSONValue)],
                           variables: [String: JSONValue]) -> EvaluationContext {
        var headers = JSONObject()
        for h in sent.recorded.headers { headers[h.name.lowercased()] = .string(h.value) }
        var queryObject = JSONObject()
        for (name, value) in query { queryObject[name] = options.substitute(value) }
        let path = Self.path(of: sent.recorded.url)
        let vars = JSONObject(options.expressionVariables.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        // Built from `RequestMember` / `ResponseMember`, the names the loader checks expressions against.
        let request = RequestMember.object { member in
            switch member {
            case .method: return .string(sent.recorded.method)
            case .url: return .string(sent.recorded.url)
            case .path: return .string(path)
            case .query: return .object(queryObject)
            case .headers: return .object(headers)
            // `--var` values, readable as `request.vars.NAME` (the strict loader would take a bare NAME for a body field).
            case .vars: return .object(vars)
            }
        }
        var responseHeaders = JSONObject()
        for h in redactor.redact(headers: sent.response?.headers ?? []) { responseHeaders[h.name.lowercased()] = .string(h.value) }
        let response = ResponseMember.object { member in
            switch member {
            case .status: return JSONValue(sent.response?.status ?? 0)
            case .headers: return .object(responseHeaders)
            }
        }
        // `--var` values are not bare variables: a name like `total` would silently shadow the body's field.
        return EvaluationContext(body: body, request: request, response: response, variables: variables)
    }

    /// The check that stands for a request that produced no response.
    static func noResponseCheck(_ error: TransportError, url: String, attempts: Int, rule: RuleReference) -> CheckResult {
        switch error.kind {
        case .redirectToOtherOrigin(let location):
            return RedirectCheck.evaluate(from: url, to: location, rule: rule)
        case .bodyTooLarge(let limit, let received):
            return BodySizeCheck.evaluate(received: received, declared: nil, cap: limit, overCap: true, rule: rule)
        case .truncated(let expected, let received):
            let f = rule.finding(check: CheckKind.json.id, title: "truncated body",
                                 detail: error.message, expected: "\(expected) bytes", actual: "\(received) bytes")
            return CheckResult.from(name: JSONBodyCheck.name, check: CheckKind.json.id, findings: [f])
        case .undecodableBody(let coding, let why):
            // The server's answer, unreadable by its own header: a failure of the answer, not an error of the run.
            let f = rule.finding(check: CheckKind.json.id, title: why == nil ? "body in an encoding Conform does not read" : "body does not decode",
                                 detail: error.message, expected: "a body in identity, gzip or deflate that decodes",
                                 actual: why.map { "Content-Encoding \(coding): \($0)" } ?? "Content-Encoding \(coding)")
            return CheckResult.from(name: JSONBodyCheck.name, check: CheckKind.json.id, findings: [f])
        default:
            return TransportErrorCheck.evaluate(error.message, attempts: attempts, rule: rule)
        }
    }

    /// The body rules listed as skipped, so a report shows what was not checked and why; `withHead` adds
    /// the content-type and JSON checks that come before them.
    static func skipped(_ rules: ResponseRules, reason: String, withHead: Bool = false) -> [CheckResult] {
        var out: [CheckResult] = []
        if withHead, let type = rules.contentType {
            out.append(CheckResult(name: ContentTypeCheck.name(expected: type), check: CheckKind.contentType.id, status: .skipped, skipReason: reason))
        }
        if withHead, rules.needsBody {
            out.append(CheckResult(name: JSONBodyCheck.name, check: CheckKind.json.id, status: .skipped, skipReason: reason))
        }
        if rules.schema != nil { out.append(CheckResult(name: SchemaCheck.name, check: CheckKind.schema.id, status: .skipped, skipReason: reason)) }
        for inv in rules.invariants {
            out.append(CheckResult(name: inv.name, check: CheckKind.invariant.id, status: .skipped, skipReason: reason, rule: inv.identity))
        }
        return out
    }

    /// `/v5/models` from `http://host:1/v5/models?limit=1`.
    static func path(of url: String) -> String { URLPath.of(url) }
}
