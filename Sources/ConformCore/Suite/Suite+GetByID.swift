/// An operation that fetches one item of a list by its id, and the path parameter the id fills.
public struct GetByID: Sendable {
    public var operation: Operation
    public var pathParam: String
    public init(operation: Operation, pathParam: String) { self.operation = operation; self.pathParam = pathParam }
}

extension Suite {
    /// The get-by-id operation for a list operation, read from the model: the `fetch` of a cross-check on
    /// that list when there is one; else a GET operation with exactly one path parameter whose path is the
    /// list's path plus one `/{param}` segment (`/v5/models` → `/v5/models/{model_id}`). Nil when neither exists.
    public func getByID(forList list: String) -> GetByID? {
        if let cross = crossChecks.first(where: { $0.listOperation == list }), let fetch = operation(cross.fetchOperation) {
            return GetByID(operation: fetch, pathParam: cross.pathParam)
        }
        guard let listOperation = operation(list) else { return nil }
        let base = listOperation.path.hasSuffix("/") ? String(listOperation.path.dropLast()) : listOperation.path
        for candidate in operations where candidate.id != list && candidate.method.uppercased() == "GET" {
            let pathParameters = candidate.parameters.filter { $0.location == .path }
            guard pathParameters.count == 1, let param = pathParameters.first,
                  candidate.path == base + "/{" + param.name + "}" else { continue }
            return GetByID(operation: candidate, pathParam: param.name)
        }
        return nil
    }
}
