extension SuiteBuilder {
    /// `operations[].catalog`: `items` (an expression over the success body, checked against its schema) and `itemId`.
    func readCatalog(_ m: Members, responses: [ResponseSpec]) -> CatalogSpec? {
        m.allowOnly(["items", "itemId"])
        let success = responses.filter { (200..<300).contains($0.status) }.min { $0.status < $1.status }
        var items: Expression?
        if let v = m.value("items", required: true), let e = expression(v, at: m.at("items"), what: "catalog \"items\"") {
            checkBodyPaths(e, at: m.at("items"), what: "catalog \"items\"", schemas: unique([success?.schemaPointer]),
                           scope: "the operation's success response")
            items = e
        }
        let itemId = m.string("itemId")
        guard let items else { return nil }
        return CatalogSpec(items: items, itemId: itemId ?? "id", pointer: m.pointer)
    }

    /// A list with a walk is recorded from the walk (every page), so a `catalog` member there would be a second,
    /// one-page answer to the same question: refused.
    func checkCatalogs(of suite: Suite) {
        for op in suite.operations {
            guard let spec = op.catalog, let walk = suite.walks.first(where: { $0.operation == op.id }) else { continue }
            reader.error("operation \(JSONWriter.quote(op.id)) has a walk (\(JSONWriter.quote(walk.id)), line \(file.location(of: walk.pointer).line)), which records its catalog from every page; remove \"catalog\"",
                         at: spec.pointer, key: true)
        }
    }
}
