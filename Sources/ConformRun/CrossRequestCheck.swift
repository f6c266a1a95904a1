import ConformCore

/// Lists, then fetches each listed id on its own (up to `max`), schema-checks each fetched body and
/// compares the members that must agree.
struct CrossRequestCheck: Sendable {
    let run: SuiteRun
    let cross: CrossCheck

    /// What the fetches found, gathered into one check each.
    struct Fetches {
        var fetch: [Finding] = []
        var schema: [Finding] = []
        /// Schema errors of fetched bodies counted past the limit (`FindingLimit`).
        var schemaOmitted: [OmittedFindings] = []
        var schemaUnlisted = 0
        var contentType: [Finding] = []
        var answered = 0
        var agree: [Finding] = []
        var compared = 0
        var requests: [RecordedRequest] = []
        var attempts: [Attempt] = []
        var duration = 0.0
    }

    static let fetchName = "each listed id can be fetched"
    static let agreeName = "fetched objects agree with the list"

    func execute() async -> CaseResult {
        guard let list = run.suite.operation(cross.listOperation), let fetch = run.suite.operation(cross.fetchOperation) else {
            return run.setupError(id: cross.id, operation: cross.listOperation, name: "\(cross.listOperation) › \(cross.name)",
                                  "operation '\(cross.listOperation)' or '\(cross.fetchOperation)' is not defined", at: cross.pointer)
        }
        let name = "\(list.method) \(list.path) › \(cross.name)"
        let listRequest: HTTPRequest
        do { listRequest = try run.request(list, values: cross.listQuery, auth: .default) } catch {
            return run.setupError(id: cross.id, operation: list.id, name: name, error.message, at: cross.pointer)
        }
        let sent = await run.send(listRequest)
        let listStatus = list.successResponse?.status ?? 200
        let expectation = ResponseExpectation(statuses: [listStatus], statusRule: list.successResponse?.pointer ?? list.pointer,
                                              citation: cross.description, rules: { _ in .none })
        var checks = run.evaluate(sent, expectation, query: cross.listQuery).checks.map { c -> CheckResult in
            var c = c; c.name = "list: \(c.name)"; return c
        }
        var fetches = Fetches()
        let rule = run.rule(cross.pointer)
        if let response = sent.observed, response.status == listStatus {
            let (json, body) = JSONBodyCheck.evaluate(response, rule: rule)
            checks.append(json)
            if let body { checks += await fetchEach(in: body, fetch: fetch, rule: rule, into: &fetches) }
        } else {
            let reason = sent.response == nil ? "the list request failed" : "the list did not answer \(listStatus)"
            checks.append(CheckResult(name: JSONBodyCheck.name, check: CheckKind.json.id, status: .skipped, skipReason: reason))
            checks.append(CheckResult(name: Self.fetchName, check: CheckKind.crossFetch.id, status: .skipped, skipReason: reason))
            checks.append(CheckResult(name: Self.agreeName, check: CheckKind.crossAgree.id, status: .skipped, skipReason: reason))
        }
        let result = CaseResult(id: cross.id, operation: list.id, name: name, citation: cross.description, request: sent.recorded,
                                extraRequests: fetches.requests, attempts: sent.attempts + fetches.attempts,
                                response: sent.response.map { run.redactor.record($0, excerptCharacters: run.options.excerptBytes) },
                                durationSeconds: sent.durationSeconds + fetches.duration, curl: sent.curl, checks: checks)
        return run.redacted(result)
    }

    /// Fetches the first `max` listed items and returns the fetch, schema and agreement checks.
    func fetchEach(in body: JSONValue, fetch: ConformCore.Operation, rule: RuleReference, into f: inout Fetches) async -> [CheckResult] {
        guard case .value(.array(let items)) = cross.items.evaluate(in: EvaluationContext(body: body)) else {
            let finding = rule.finding(check: CheckKind.crossFetch.id, title: "list has no item array",
                                       detail: "'\(cross.items.source)' is not an array in the list response", expected: "array", actual: "not an array")
            return [CheckResult.from(name: "list has items", check: CheckKind.crossFetch.id, findings: [finding])]
        }
        let itemsPointer = PaginationWalk.pointer(of: cross.items.source)
        for (i, item) in items.prefix(cross.max).enumerated() {
            await fetchOne(item, pointer: "\(itemsPointer)/\(i)", index: i, fetch: fetch, rule: rule, into: &f)
        }
        var checks = [CheckResult.from(name: Self.fetchName, check: CheckKind.crossFetch.id, findings: f.fetch)]
        if let type = fetch.successResponse?.contentType, f.answered > 0 {
            checks.append(CheckResult.from(name: "fetched: " + ContentTypeCheck.name(expected: type), check: CheckKind.contentType.id, findings: f.contentType))
        }
        if fetch.successResponse?.schemaPointer != nil, f.compared > 0 {
            var schema = CheckResult.from(name: "fetched bodies match schema", check: CheckKind.schema.id, kept: f.schema,
                                          failed: f.schema.contains { $0.kind == .failure })
            schema.omitted = f.schemaOmitted
            schema.unlisted = f.schemaUnlisted
            checks.append(schema.rebounded())
        }
        if f.compared > 0 || items.isEmpty {
            checks.append(CheckResult.from(name: Self.agreeName, check: CheckKind.crossAgree.id, findings: f.agree))
        } else {
            checks.append(CheckResult(name: Self.agreeName, check: CheckKind.crossAgree.id, status: .skipped,
                                      skipReason: "no listed object could be fetched"))
        }
        return checks
    }

    /// Fetches one listed item and compares it.
    func fetchOne(_ item: JSONValue, pointer: String, index: Int, fetch: ConformCore.Operation, rule: RuleReference,
                  into f: inout Fetches) async {
        guard let id = item[cross.itemId], id.stringValue != nil || id.numberValue != nil else {
            f.fetch.append(rule.finding(check: CheckKind.crossFetch.id, title: "listed item has no usable id",
                detail: "item \(index) has no string or number '\(cross.itemId)'", pointer: pointer,
                expected: "string or number", actual: item[cross.itemId]?.typedDescription() ?? "missing"))
            return
        }
        let label = "id \(id.typedDescription())"
        let request: HTTPRequest
        do { request = try run.request(fetch, values: [(cross.pathParam, id)], auth: .default) } catch {
            f.fetch.append(CrossAgreeCheck.fetchFinding(itemLabel: label, status: nil, problem: error.message, listedPointer: pointer, rule: rule))
            return
        }
        let got = await run.send(request)
        f.requests.append(got.recorded)
        f.attempts += got.attempts
        f.duration += got.durationSeconds
        switch got.outcome {
        case .failure(let e):
            f.fetch.append(CrossAgreeCheck.fetchFinding(itemLabel: label, status: nil, problem: e.message, listedPointer: pointer, rule: rule))
        case .success(let r) where !(200..<300).contains(r.status):
            f.fetch.append(CrossAgreeCheck.fetchFinding(itemLabel: label, status: r.status, problem: "\(got.recorded.method) answered \(r.status)",
                                                        listedPointer: pointer, rule: rule))
        case .success(let r):
            // A fetched answer is a response like any other: its media type is part of the contract.
            if let type = fetch.response(for: r.status)?.contentType ?? fetch.successResponse?.contentType, let observed = got.observed {
                f.answered += 1
                let rulePointer = fetch.response(for: r.status)?.pointer ?? fetch.successResponse?.pointer ?? fetch.pointer
                f.contentType += ContentTypeCheck.evaluate(expected: type, response: observed, rule: run.rule(rulePointer)).findings
                    .map { finding in var finding = finding; finding.detail = "\(label): \(finding.detail)"; return finding }
            }
            guard let fetched = try? JSONParser.parse(r.body), fetched.objectValue != nil else {
                f.fetch.append(CrossAgreeCheck.fetchFinding(itemLabel: label, status: r.status,
                    problem: "the body is not a JSON object: \(BodyExcerpt.text(r.body, limit: 80))", listedPointer: pointer, rule: rule))
                return
            }
            f.compared += 1
            if let schema = fetch.successResponse?.schemaPointer {
                let checked = SchemaCheck.evaluate(fetched, schemaAt: schema, validator: run.validator, file: run.suite.file)
                f.schema += checked.findings.map { finding in var finding = finding; finding.detail = "\(label): \(finding.detail)"; return finding }
                f.schemaOmitted += checked.omitted
                f.schemaUnlisted += checked.unlisted
            }
            f.agree += CrossAgreeCheck.findings(listed: item, fetched: fetched, members: cross.agree, listedPointer: pointer,
                                                itemLabel: label, rule: rule)
        }
    }
}
