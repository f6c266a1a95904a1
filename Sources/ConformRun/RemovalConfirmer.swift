import ConformCore

/// Fetches, by id, the items an earlier catalog listed and this run's does not (at most `RemovalConfirmation.cap`),
/// through the suite's get-by-id operation; 404 or 410 confirms a removal.
struct RemovalConfirmer: Sendable {
    let run: SuiteRun

    /// What the fetches found, or a note saying why nothing was fetched.
    func confirm(_ listing: CatalogListing, previous: PreviousCatalogs) async -> RemovalConfirmation {
        let get = run.suite.getByID(forList: listing.operation)
        guard let before = previous.listing(suite: run.suite.id, operation: listing.operation) else {
            return RemovalConfirmation(operation: get?.operation.id, note: "the earlier run recorded no catalog for this operation")
        }
        guard listing.status == .complete || listing.status == .empty else {
            return RemovalConfirmation(operation: get?.operation.id,
                                       note: "this listing is \(listing.status.rawValue), so what is missing from it is unknown")
        }
        let present = Set(listing.items.map(\.id))
        let missing = before.items.map(\.id).filter { !present.contains($0) }
        guard let get else {
            return RemovalConfirmation(operation: nil, notChecked: missing.count,
                                       note: missing.isEmpty ? nil : "the suite has no get-by-id operation for '\(listing.operation)'")
        }
        var checks: [RemovalCheck] = []
        for id in missing.prefix(RemovalConfirmation.cap) {
            checks.append(await fetch(id, get))
        }
        let capped = missing.count - checks.count
        return RemovalConfirmation(operation: get.operation.id, checks: checks, notChecked: capped,
                                   note: capped > 0 ? "fetched the first \(RemovalConfirmation.cap) of \(missing.count) missing items" : nil)
    }

    /// One get-by-id request and what it answered.
    func fetch(_ id: String, _ get: GetByID) async -> RemovalCheck {
        let request: HTTPRequest
        do { request = try run.request(get.operation, values: [(get.pathParam, .string(id))], auth: .default) } catch {
            return RemovalCheck(id: id, url: "", error: "request could not be built: \(run.redactor.redact(error.message))")
        }
        let sent = await run.send(request)
        switch sent.outcome {
        case .success(let response): return RemovalCheck(id: id, url: sent.recorded.url, status: response.status)
        case .failure(let error): return RemovalCheck(id: id, url: sent.recorded.url, error: run.redactor.redact(error.message))
        }
    }
}
