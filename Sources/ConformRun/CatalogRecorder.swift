import ConformCore

/// Gathers one suite's catalogs: one listing per list operation, from its walk or its `catalog` member, then —
/// with `--confirm-removals` — fetches by id what an earlier run listed and this one does not.
struct CatalogRecorder: Sendable {
    let run: SuiteRun

    /// One listing per operation: the first walked listing of each operation (a walk without fixed `query`
    /// first, since a filtered walk lists only part of the catalog), then every selected `catalog` operation.
    func listings(walked: [CatalogListing]) async -> [CatalogListing] {
        var chosen: [CatalogListing] = []
        let unfiltered = Set(run.suite.walks.filter { $0.query.isEmpty }.map { "walk:\($0.id)" })
        for listing in walked.filter({ unfiltered.contains($0.source) }) + walked.filter({ !unfiltered.contains($0.source) })
            where !chosen.contains(where: { $0.operation == listing.operation }) {
            chosen.append(listing)
        }
        for operation in run.suite.operations {
            guard let spec = operation.catalog, !chosen.contains(where: { $0.operation == operation.id }),
                  run.options.selects(id: "catalog.\(operation.id)", name: "catalog of \(operation.id)"),
                  inShard(operation) else { continue }
            chosen.append(await fetch(operation, spec))
        }
        guard let previous = run.options.previousCatalogs else { return chosen }
        var confirmed: [CatalogListing] = []
        for var listing in chosen {
            listing.confirmation = await RemovalConfirmer(run: run).confirm(listing, previous: previous)
            confirmed.append(listing)
        }
        return confirmed
    }

    /// In a sharded run, an operation's catalog is read by one shard only: the shard of its walk when the
    /// suite walks it (that walk records it), else the shard that selects `catalog.<operation>`.
    func inShard(_ operation: ConformCore.Operation) -> Bool {
        guard let shard = run.options.shard else { return true }
        return !run.suite.walks.contains { $0.operation == operation.id }
            && shard.selects(suite: run.suite.id, caseId: "catalog.\(operation.id)")
    }

    /// One request to an operation whose whole catalog comes in one response.
    func fetch(_ operation: ConformCore.Operation, _ spec: CatalogSpec) async -> CatalogListing {
        func listing(_ status: CatalogListing.Status, _ reason: String?, requests: Int, items: [JSONValue] = []) -> CatalogListing {
            CatalogListing.record(operation: operation.id, source: "catalog", itemId: spec.itemId, status: status,
                                  reason: reason.map(run.redactor.redact), requests: requests, items: items, redact: run.redactor.redact)
        }
        let request: HTTPRequest
        do { request = try run.request(operation, values: [], auth: .default) } catch {
            return listing(.failed, "the list request could not be built: \(error.message)", requests: 0)
        }
        let sent = await run.send(request)
        let expected = operation.successResponse?.status ?? 200
        switch sent.outcome {
        case .failure(let error): return listing(.errored, error.message, requests: 1)
        case .success(let response) where response.status != expected:
            return listing(.failed, "answered \(response.status), not \(expected)", requests: 1)
        case .success(let response):
            guard let body = try? JSONParser.parse(response.body) else { return listing(.failed, "the body is not JSON", requests: 1) }
            guard case .value(.array(let items)) = spec.items.evaluate(in: EvaluationContext(body: body)) else {
                return listing(.failed, "'\(spec.items.source)' is not an array", requests: 1)
            }
            return listing(.complete, nil, requests: 1, items: items)
        }
    }
}
