import ConformCore

/// Lists, then fetches each listed id on its own (up to `max`) and compares the members that must agree.
struct CrossRequestCheck: Sendable {
    let run: SuiteRun
    let cross: CrossCheck

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
                                              citation: cross.description,
                                              rules: { _ in ResponseRules(contentType: nil, contentTypeRule: nil, schema: nil, invariants: []) })
        var (checks, _) = run.evaluate(sent, expectation, query: cross.listQuery)
        checks = checks.map { var c = $0; c.name = "list: \(c.name)"; return c }
        var requests: [RecordedRequest] = []
        var attempts = sent.attempts
        var duration = sent.durationSeconds
        let rule = run.rule(cross.pointer)
        if let response = sent.observed, response.status == listStatus {
            let (json, body) = JSONBodyCheck.evaluate(response, rule: rule)
            checks.append(json)
            if let body {
                var fetchFindings: [Finding] = []
                var agreeFindings: [Finding] = []
                var compared = 0
                if case .value(.array(let items)) = cross.items.evaluate(in: EvaluationContext(body: body)) {
                    let itemsPointer = PaginationWalk.pointer(of: cross.items.source)
                    for (i, item) in items.prefix(cross.max).enumerated() {
                        let pointer = "\(itemsPointer)/\(i)"
                        guard let id = item[cross.itemId], id.stringValue != nil || id.numberValue != nil else {
                            fetchFindings.append(rule.finding(check: CheckKind.crossFetch.id, title: "listed item has no usable id",
                                detail: "item \(i) has no string or number '\(cross.itemId)'", pointer: pointer,
                                expected: "string or number", actual: item[cross.itemId]?.typedDescription() ?? "missing"))
                            continue
                        }
                        let itemLabel = "id \(id.typedDescription())"
                        let one: HTTPRequest
                        do { one = try run.request(fetch, values: [(cross.pathParam, id)], auth: .default) } catch {
                            fetchFindings.append(CrossAgreeCheck.fetchFinding(itemLabel: itemLabel, status: nil, problem: error.message,
                                                                              listedPointer: pointer, rule: rule))
                            continue
                        }
                        let got = await run.send(one)
                        requests.append(got.recorded)
                        attempts += got.attempts
                        duration += got.durationSeconds
                        switch got.outcome {
                        case .failure(let e):
                            fetchFindings.append(CrossAgreeCheck.fetchFinding(itemLabel: itemLabel, status: nil, problem: e.message,
                                                                              listedPointer: pointer, rule: rule))
                        case .success(let r) where !(200..<300).contains(r.status):
                            fetchFindings.append(CrossAgreeCheck.fetchFinding(itemLabel: itemLabel, status: r.status,
                                problem: "\(got.recorded.method) answered \(r.status)", listedPointer: pointer, rule: rule))
                        case .success(let r):
                            guard let fetched = try? JSONParser.parse(r.body), fetched.objectValue != nil else {
                                fetchFindings.append(CrossAgreeCheck.fetchFinding(itemLabel: itemLabel, status: r.status,
                                    problem: "the body is not a JSON object: \(BodyExcerpt.text(r.body, limit: 80))", listedPointer: pointer, rule: rule))
                                continue
                            }
                            compared += 1
                            agreeFindings += CrossAgreeCheck.findings(listed: item, fetched: fetched, members: cross.agree,
                                                                      listedPointer: pointer, itemLabel: itemLabel, rule: rule)
                        }
                    }
                    checks.append(CheckResult.from(name: "each listed id can be fetched", check: CheckKind.crossFetch.id, findings: fetchFindings))
                    if compared > 0 || items.isEmpty {
                        checks.append(CheckResult.from(name: "fetched objects agree with the list", check: CheckKind.crossAgree.id, findings: agreeFindings))
                    } else {
                        checks.append(CheckResult(name: "fetched objects agree with the list", check: CheckKind.crossAgree.id, status: .error,
                            findings: [rule.finding(kind: .error, check: CheckKind.crossAgree.id, title: "nothing to compare",
                                                    detail: "no listed object could be fetched")]))
                    }
                } else {
                    checks.append(CheckResult.from(name: "list has items", check: CheckKind.crossFetch.id, findings: [
                        rule.finding(check: CheckKind.crossFetch.id, title: "list has no item array",
                                     detail: "'\(cross.items.source)' is not an array in the list response", expected: "array", actual: "not an array")]))
                }
            }
        } else {
            let reason = sent.response == nil ? "the list request failed" : "the list did not answer \(listStatus)"
            checks.append(CheckResult(name: "each listed id can be fetched", check: CheckKind.crossFetch.id, status: .skipped, skipReason: reason))
            checks.append(CheckResult(name: "fetched objects agree with the list", check: CheckKind.crossAgree.id, status: .skipped, skipReason: reason))
        }
        let result = CaseResult(id: cross.id, operation: list.id, name: name, citation: cross.description, request: sent.recorded,
                                extraRequests: requests, attempts: attempts,
                                response: sent.response.map { run.redactor.record($0, excerptCharacters: run.options.excerptBytes) },
                                durationSeconds: duration, curl: sent.curl, checks: checks)
        return run.redacted(result)
    }
}
