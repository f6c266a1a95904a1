import ConformCore

extension PaginationWalk {
    /// The catalog the walk's pages listed (`listed`, built page by page). A walk that stopped after some pages is
    /// `incomplete` whatever stopped it; one that never got a page of items takes the status of what stopped it
    /// (`failed`, `errored`).
    func catalog(_ listed: CatalogListing.Builder, pages: Int, requests: Int, complete: Bool,
                 stop: (status: CatalogListing.Status, reason: String)?) -> CatalogListing {
        var status: CatalogListing.Status = .complete
        var reason: String?
        if !complete {
            let why = stop ?? (.failed, "the walk ended without reaching its last page")
            status = pages == 0 ? why.status : .incomplete
            reason = pages == 0 ? why.reason : "after \(pages) page\(pages == 1 ? "" : "s"): \(why.reason)"
        }
        return listed.listing(operation: walk.operation, source: "walk:\(walk.id)", status: status,
                              reason: reason.map(run.redactor.redact), requests: requests)
    }

    /// Why a fetched page gave no items: no answer (`errored`), or an answer other than documented (`failed`).
    func stopReason(_ page: Fetched, success: ResponseSpec) -> (status: CatalogListing.Status, reason: String) {
        let label = label(page.number)
        switch page.sent.outcome {
        case .failure(let error): return (.errored, "\(label): \(error.message)")
        case .success(let response) where response.status != success.status:
            return (.failed, "\(label) answered \(response.status), not \(success.status)")
        case .success:
            if page.body == nil { return (.failed, "\(label): the body is not JSON") }
            return (.failed, "\(label): '\(walk.items.source)' is not an array")
        }
    }
}
