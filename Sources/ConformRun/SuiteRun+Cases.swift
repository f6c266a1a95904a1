import ConformCore

extension SuiteRun {
    /// Runs one case (explicit, generated probe or auth case): one request, its checks.
    func run(_ testCase: Case) async -> CaseResult {
        let label = "\(testCase.operation) › \(testCase.name)"
        guard let operation = suite.operation(testCase.operation) else {
            return setupError(id: testCase.id, operation: testCase.operation, name: label,
                              "operation '\(testCase.operation)' is not defined in the suite", at: testCase.pointer)
        }
        let values = testCase.pathParams + testCase.query
        let request: HTTPRequest
        do {
            request = try self.request(operation, values: values, auth: testCase.auth, headers: testCase.headers)
        } catch {
            return setupError(id: testCase.id, operation: operation.id, name: "\(operation.method) \(operation.path) › \(testCase.name)",
                              error.message, at: testCase.pointer)
        }
        let sent = await send(request)
        let expect = testCase.expect
        let expectation = ResponseExpectation(
            statuses: expect.statuses, statusRule: statusPointer(expect), citation: testCase.description,
            rules: { status in self.rules(for: operation, status: status, expect: expect) })
        let (checks, _) = evaluate(sent, expectation, query: testCase.query, place: testCase.id)
        let result = CaseResult(id: testCase.id, operation: operation.id, name: "\(display(request)) › \(testCase.name)",
                                citation: testCase.description, request: sent.recorded, attempts: sent.attempts,
                                response: sent.response.map { redactor.record($0, excerptCharacters: options.excerptBytes) },
                                durationSeconds: sent.durationSeconds, curl: sent.curl, checks: checks)
        return redacted(result)
    }

    /// The rules for a status: the case's explicit schema or the operation's documented one, the
    /// documented invariants (unless the case opts out) and the case's own.
    func rules(for operation: Operation, status: Int, expect: Expectation) -> ResponseRules {
        let spec = operation.response(for: status)
        var schema: JSONPointer? = nil
        if let explicit = expect.schemaPointer { schema = explicit } else if expect.validateSchema { schema = spec?.schemaPointer }
        let invariants = (expect.responseInvariants ? spec?.invariants ?? [] : []) + expect.invariants
        return ResponseRules(contentType: spec.map(\.contentType) ?? (schema != nil ? "application/json" : nil),
                             contentTypeRule: spec?.pointer, schema: schema, invariants: invariants)
    }

    /// The pointer of the `status` rule (its `expect.status` when present in the document).
    func statusPointer(_ expect: Expectation) -> JSONPointer {
        let p = expect.pointer.appending("status")
        return p.resolve(in: suite.file.document) != nil ? p : expect.pointer
    }

    /// A case that could not be sent at all (a request that cannot be built): one error.
    func setupError(id: String, operation: String, name: String, _ message: String, at pointer: JSONPointer) -> CaseResult {
        let f = rule(pointer).finding(kind: .error, check: CheckKind.transport.id, title: "request could not be built", detail: message)
        return redacted(CaseResult(id: id, operation: operation, name: name,
                                   checks: [CheckResult.from(name: TransportErrorCheck.name, check: CheckKind.transport.id, findings: [f])]))
    }

    /// The result with every text that could carry the secret redacted by value (server bodies echo it).
    func redacted(_ result: CaseResult) -> CaseResult {
        var r = result
        let red: (String) -> String = { redactor.redact($0) }
        r.name = red(r.name)
        r.curl = r.curl.map(red)
        r.checks = r.checks.map { check in
            var c = check
            c.name = red(c.name)
            c.skipReason = c.skipReason.map(red)
            c.findings = c.findings.map { f in
                var f = f
                f.title = red(f.title); f.detail = red(f.detail)
                f.pointer = f.pointer.map(red); f.expected = f.expected.map(red); f.actual = f.actual.map(red)
                f.citation = f.citation.map(red); f.curl = f.curl.map(red)
                return f
            }
            c.omitted = c.omitted.map { o in var o = o; o.pointer = o.pointer.map(red); return o }
            return c
        }
        r.attempts = r.attempts.map { a in var a = a; a.error = a.error.map(red); return a }
        return r
    }
}
