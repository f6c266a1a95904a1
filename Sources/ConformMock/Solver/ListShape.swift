import ConformCore

/// How the mock serves one list operation, read from the suite's typed model alone: the array member that
/// holds the items (the walk's or cross-check's `items`, else the success schema's array of objects), the
/// item id (the walk's or cross-check's `itemId`), and the walk that pages it — page, cursor or link style,
/// with the body paths of its `total`, `hasMore`, `next`, `previous` and `cursor`.
///
/// Nothing here reads member names, parameter descriptions or invariant text: everything else a list
/// response must say (echoes, counts, flags) comes from solving the suite's invariants (`ResponseSolver`).
struct ListShape {
    /// Body path of the items array (`items`, `data.models`).
    var itemsPath: [String]
    var itemSchema: JSONPointer
    var wrapperSchema: JSONPointer
    var itemID: String
    var walk: Walk?
    var totalPath: [String]?
    var hasMorePath: [String]?
    var nextPath: [String]?
    var previousPath: [String]?
    var cursorPath: [String]?

    /// The shape of a list operation, or nil when its success body holds no array.
    init?(operation: ConformCore.Operation, suite: Suite) {
        let doc = suite.file.document
        guard let wrapperPointer = operation.successResponse?.schemaPointer,
              let wrapper = SchemaView.resolve(wrapperPointer, in: doc) else { return nil }
        let walk = suite.walks.first { $0.operation == operation.id }
        let cross = suite.crossChecks.first { $0.listOperation == operation.id }
        let declared = (walk?.items ?? cross?.items).flatMap { $0.root.bodyPath(bound: []) }
        let arrays = wrapper.propertyPointers.filter { SchemaView.resolve($0.1, in: doc)?.types == ["array"] }
        let objectArrays = arrays.filter { pair in
            guard let arrayView = SchemaView.resolve(pair.1, in: doc),
                  let itemView = SchemaView.resolve(arrayView.pointer.appending("items"), in: doc) else { return false }
            return itemView.types == ["object"] || !itemView.propertyPointers.isEmpty
        }
        func isArray(_ p: [String]) -> Bool {
            guard let located = SchemaPath.locate(p, from: wrapper.pointer, in: doc)?.member else { return false }
            return SchemaView.resolve(located, in: doc)?.types == ["array"]
        }
        // The collections the invariants count, filter or compare (`len(data.models)`, `all(items, …)`).
        var read: [[String]] = []
        for inv in operation.successResponse?.invariants ?? [] {
            inv.expression.root.visit { node in
                guard case .call(_, let args) = node.kind, let first = args.first, let p = first.collectionPath(bound: []), !read.contains(p) else { return }
                read.append(p)
            }
        }
        let path: [String]
        if let declared, isArray(declared) {
            path = declared
        } else if let first = objectArrays.first ?? arrays.first {
            path = [first.0]
        } else if let fromRules = read.first(where: isArray) {
            path = fromRules
        } else if let nested = Self.nestedArray(wrapper, doc: doc, depth: 0) {
            path = nested
        } else {
            return nil
        }
        guard let arrayPointer = SchemaPath.locate(path, from: wrapper.pointer, in: doc)?.member,
              let arrayView = SchemaView.resolve(arrayPointer, in: doc) else { return nil }
        itemsPath = path
        itemSchema = arrayView.pointer.appending("items")
        wrapperSchema = wrapper.pointer
        itemID = walk?.itemId ?? cross?.itemId ?? Self.identifier(of: itemSchema, doc: doc)
        self.walk = walk
        totalPath = walk?.total?.root.bodyPath(bound: [])
        hasMorePath = walk?.hasMore?.root.bodyPath(bound: [])
        nextPath = walk?.next?.root.bodyPath(bound: [])
        previousPath = walk?.previous?.root.bodyPath(bound: [])
        cursorPath = walk?.cursor?.root.bodyPath(bound: [])
    }

    /// The first array of objects inside object members, breadth first, a few levels down (`data.models`).
    static func nestedArray(_ view: SchemaView, doc: JSONValue, depth: Int) -> [String]? {
        guard depth < 3 else { return nil }
        for (name, pointer) in view.propertyPointers {
            guard let child = SchemaView.resolve(pointer, in: doc) else { continue }
            if child.types == ["array"], let items = SchemaView.resolve(child.pointer.appending("items"), in: doc),
               items.types == ["object"] || !items.propertyPointers.isEmpty { return [name] }
        }
        for (name, pointer) in view.propertyPointers {
            guard let child = SchemaView.resolve(pointer, in: doc), child.types == ["object"] || !child.propertyPointers.isEmpty,
                  let inner = nestedArray(child, doc: doc, depth: depth + 1) else { continue }
            return [name] + inner
        }
        return nil
    }

    /// The member identifying an item when no walk or cross-check names one: `id` when the schema has
    /// it, else its first required member (the JSON Schema of the item is all there is to go on).
    static func identifier(of itemSchema: JSONPointer, doc: JSONValue) -> String {
        guard let view = SchemaView.resolve(itemSchema, in: doc) else { return "id" }
        if view.propertyPointer("id") != nil { return "id" }
        return view.required.first ?? view.propertyPointers.first?.0 ?? "id"
    }

    /// The body paths the paging model computes itself (the solver leaves them alone).
    var computedPaths: [[String]] { [itemsPath, totalPath, hasMorePath, nextPath, previousPath, cursorPath].compactMap { $0 } }
}
