import ConformCore

/// Walks every page of a list operation in order and checks what must hold across pages.
///
/// Page style sends `pageParam` = firstPage, firstPage+1, …; cursor style sends the `cursor` taken from
/// each page; link style follows the `next` link (same origin only). The walk ends on a short or empty
/// page, a false has-more flag, or a missing cursor / next link — or when its request budget is spent
/// (`WalkBudget`: what the pages announce, `maxPages`, `--max-requests`).
///
/// A walk keeps no page after reading it: each page's checks are merged as it comes, its page invariants
/// evaluated, its items recorded into the catalog and reduced to their ids for the cross-page rules. Memory
/// follows the largest page, not the catalog.
struct PaginationWalk: Sendable {
    let run: SuiteRun
    let walk: Walk

    /// One fetched page.
    struct Fetched {
        var sent: SentRequest
        var body: JSONValue?
        var checks: [CheckResult]
        var number: Int
    }

    /// Requests a walk's result lists in full (the first page's and the next ones'); the catalog and the
    /// budget line count every request.
    static let recordedRequests = 50

    func execute() async -> CaseResult { await executeRecording().result }

    /// Walks, checks, and records the catalog the pages listed (`CatalogListing`).
    func executeRecording() async -> (result: CaseResult, catalog: CatalogListing) {
        guard let operation = run.suite.operation(walk.operation), let success = operation.successResponse else {
            let reason = "operation '\(walk.operation)' has no documented 2xx response to walk"
            return (run.setupError(id: walk.id, operation: walk.operation, name: "\(walk.operation) › \(walk.name)", reason, at: walk.pointer),
                    catalog(CatalogListing.Builder(itemId: walk.itemId), pages: 0, requests: 0, complete: false, stop: (.failed, reason)))
        }
        let name = "\(operation.method) \(operation.path) › \(walk.name)"
        var record = WalkRecord(recordedRequests: Self.recordedRequests)
        var merged = PageCheckMerger()
        var invariants = PageInvariantChecks(invariants: walk.pageInvariants)
        var listed = CatalogListing.Builder(itemId: walk.itemId)
        var budget = WalkBudget(walk: walk, maxRequests: run.options.maxRequestsPerWalk)
        var observed: [WalkObservation.Page] = []
        var pastEnd: WalkObservation.Page?
        var complete = false
        var stoppedBy: CheckResult?
        var stop: (status: CatalogListing.Status, reason: String)?
        var nextRequest: Result<HTTPRequest, RequestBuildError> = firstRequest(operation)
        var number = walk.style == .page ? walk.firstPage : 1
        var last: Fetched?
        while true {
            if let spent = budget.spent(requests: record.requests) {
                (stoppedBy, stop) = budgetStop(spent, pages: observed.count)
                break
            }
            guard case .success(let request) = nextRequest else {
                if case .failure(let e) = nextRequest {
                    let f = run.rule(walk.pointer).finding(kind: .error, check: CheckKind.transport.id,
                                                           title: "next page request could not be built", detail: e.message)
                    stoppedBy = CheckResult.from(name: TransportErrorCheck.name, check: CheckKind.transport.id, findings: [f])
                    stop = (.failed, "next page request could not be built: \(e.message)")
                }
                break
            }
            let page = await fetch(request, operation: operation, success: success, number: number)
            last = page
            take(page, into: &record, &merged, &invariants)
            guard let body = page.body, let items = items(in: body) else { stop = stopReason(page, success: success); break }
            let seen = observe(body, items: items, label: label(number), curl: ownCurl(page, record))
            budget.read(seen)
            let empty = items.isEmpty && !observed.isEmpty
            if empty && walk.style == .page && walk.hasMore == nil {
                // A page style walk without a has-more flag learns the end from an empty page: it is the
                // page past the end, not a page of the list.
                pastEnd = seen
                complete = true
                break
            }
            if run.options.recordCatalogs { listed.add(items, redact: run.redactor.redact) }
            observed.append(seen)
            if let following = nextPage(after: body, items: items, operation: operation, number: number) {
                nextRequest = following
                number += 1
            } else {
                complete = true
                break
            }
        }
        if complete, pastEnd == nil, walk.rules.contains(.pastEndEmpty), walk.style == .page, let lastPage = last,
           budget.spent(requests: record.requests) == nil {
            if let r = try? run.request(operation, values: pageValues(lastPage.number + 1), auth: .default) {
                let page = await fetch(r, operation: operation, success: success, number: lastPage.number + 1)
                last = page
                take(page, into: &record, &merged, &invariants)
                if let body = page.body {
                    pastEnd = observe(body, items: items(in: body) ?? [], label: label(lastPage.number + 1), curl: ownCurl(page, record))
                }
            }
        }
        let observation = WalkObservation(pages: observed, pastEnd: pastEnd, size: walk.size, itemId: walk.itemId,
                                          complete: complete, tracksPrevious: walk.previous != nil)
        var checks = merged.checks
        if let stoppedBy { checks.append(stoppedBy) }
        for rule in walk.rules {
            if rule == .pastEndEmpty && walk.style != .page {
                checks.append(CheckResult(name: CheckKind.walkPastEndEmpty.title, check: CheckKind.walkPastEndEmpty.id, status: .skipped,
                                          skipReason: "only page-style walks can ask for a page past the end"))
                continue
            }
            let result = WalkRuleCheck.evaluate(rule, observation, at: run.rule(walk.pointer.appending("checks")))
            if !complete && result.status != .failed {
                // What stopped the walk is already reported once (transport, status, budget); a rule that
                // needs the whole list is not also an error, but a failure seen on the pages fetched stands.
                let why = stop.map { "the walk stopped after \(record.requests) request\(record.requests == 1 ? "" : "s"): \($0.reason)" }
                    ?? "the walk stopped after \(record.requests) page\(record.requests == 1 ? "" : "s"), before its last page"
                checks.append(CheckResult(name: result.name, check: result.check, status: .skipped, skipReason: why))
                continue
            }
            checks.append(result)
        }
        checks += invariants.checks
        let result = CaseResult(id: walk.id, operation: operation.id, name: name, citation: walk.description,
                                request: record.first?.recorded, extraRequests: record.extraRequests,
                                attempts: record.attempts,
                                response: last?.sent.response.map { run.redactor.record($0, excerptCharacters: run.options.excerptBytes) },
                                durationSeconds: record.durationSeconds, curl: record.first?.curl, checks: checks)
        return (run.redacted(result), catalog(listed, pages: observed.count, requests: record.requests, complete: complete, stop: stop))
    }

    /// Folds one fetched page into what the walk keeps: its request (the first few in full), its checks merged
    /// under its label, its page invariants evaluated. The page itself is not kept.
    func take(_ page: Fetched, into record: inout WalkRecord, _ merged: inout PageCheckMerger, _ invariants: inout PageInvariantChecks) {
        record.add(page.sent)
        let curl = ownCurl(page, record)
        merged.add(label(page.number), page.checks, curl: curl)
        if let body = page.body {
            let context = run.evaluationContext(page.sent, body: body, query: Self.query(of: page.sent.request.url),
                                                variables: ["page": JSONValue(page.number)])
            invariants.add(context, file: run.suite.file, prefix: "\(label(page.number)): ", curl: curl)
        }
    }

    /// The case's curl line is the walk's first request's; a finding about a later page carries that page's own.
    func ownCurl(_ page: Fetched, _ record: WalkRecord) -> String? {
        page.sent.curl == record.first?.curl ? nil : page.sent.curl
    }

    func label(_ number: Int) -> String { walk.style == .page ? "page \(number)" : "page \(number) of the walk" }

    func pageValues(_ number: Int) -> [(String, JSONValue)] {
        var values = walk.query
        if let p = walk.pageParam { values.append((p, JSONValue(number))) }
        if let s = walk.sizeParam { values.append((s, JSONValue(walk.size))) }
        return values
    }

    func firstRequest(_ operation: Operation) -> Result<HTTPRequest, RequestBuildError> {
        var values = walk.query
        if walk.style == .page { values = pageValues(walk.firstPage) } else if let s = walk.sizeParam { values.append((s, JSONValue(walk.size))) }
        do { return .success(try run.request(operation, values: values, auth: .default)) } catch { return .failure(error) }
    }

    /// Sends one page and checks it against the operation's documented success response.
    func fetch(_ request: HTTPRequest, operation: Operation, success: ResponseSpec, number: Int) async -> Fetched {
        let sent = await run.send(request)
        let expectation = ResponseExpectation(statuses: [success.status], statusRule: success.pointer, citation: walk.description,
            rules: { status in ResponseRules(contentType: operation.response(for: status)?.contentType, contentTypeRule: success.pointer,
                                             schema: operation.response(for: status)?.schemaPointer,
                                             invariants: operation.response(for: status)?.invariants ?? []) })
        let query = Self.query(of: request.url)
        var (checks, body) = run.evaluate(sent, expectation, variables: ["page": JSONValue(number)], query: query,
                                          place: "\(walk.id) page \(number)")
        if body == nil, sent.response.map({ $0.status == success.status }) == true, !expectation.rules(success.status).needsBody {
            // The walk reads items from every page even when the documented response has no schema.
            let (json, value) = JSONBodyCheck.evaluate(sent.observed ?? ObservedResponse(status: 0), rule: run.rule(success.pointer))
            checks.append(json)
            body = value
        } else if !expectation.rules(success.status).needsBody, !checks.contains(where: { $0.check == CheckKind.json.id }) {
            // Listed as skipped when the page did not answer as documented, so every target counts the same checks.
            let reason = sent.response.map { "status \($0.status) is not \(success.status): the walk reads no items from it" } ?? "no response to check"
            checks.append(CheckResult(name: JSONBodyCheck.name, check: CheckKind.json.id, status: .skipped, skipReason: reason))
        }
        return Fetched(sent: sent, body: body, checks: checks, number: number)
    }
}
