import ConformCore

/// An OpenAPI 3.0 or 3.1 document (one file or many), with its operations.
public struct OpenAPIDocument {
    public let documents: SpecDocuments
    /// `openapi`: `3.0.3`, `3.1.0`.
    public let version: String
    public let operations: [SpecOperation]

    public var root: SpecNode { documents.root }
    public var rootFile: SpecFile { documents.file(documents.rootKey) }
    /// Whether schemas follow OpenAPI 3.0 rules (`nullable`, boolean `exclusiveMinimum`), normalised on import.
    public var isVersion30: Bool { version.hasPrefix("3.0") }

    /// Reads and checks the document at `path`: an `openapi` 3.x version, `paths`, every operation's
    /// parameters and responses resolving.
    public init(path: String) throws(SpecError) {
        try self.init(documents: SpecDocuments(rootPath: path))
    }

    public init(documents: SpecDocuments) throws(SpecError) {
        self.documents = documents
        let root = documents.root
        guard root.value.objectValue != nil else { throw documents.error("an OpenAPI document is an object", at: root) }
        if let swagger = root.member("swagger") {
            throw documents.error("Swagger \(swagger.value.stringValue ?? "2.0") is not supported: convert it to OpenAPI 3", at: swagger)
        }
        guard let versionNode = root.member("openapi"), let version = versionNode.value.stringValue else {
            throw documents.error("missing \"openapi\": not an OpenAPI 3 document", at: root)
        }
        guard version.hasPrefix("3.0") || version.hasPrefix("3.1") else {
            throw documents.error("openapi \(version) is not supported (3.0.x and 3.1.x are)", at: versionNode)
        }
        self.version = version
        guard let paths = root.member("paths") else {
            operations = []
            return
        }
        guard paths.value.objectValue != nil else { throw documents.error("\"paths\" must be an object", at: paths) }
        var operations: [SpecOperation] = []
        for (path, itemNode) in paths.members {
            let item = try documents.resolve(itemNode)
            let shared = try item.member("parameters").map { p throws(SpecError) in try SpecParameter.list(p, documents: documents) } ?? []
            for method in SpecOperation.methods {
                guard let opRef = item.member(method) else { continue }
                let op = try documents.resolve(opRef)
                operations.append(try SpecOperation(method: method.uppercased(), path: path, node: op, shared: shared,
                                                    rootSecurity: root.member("security"), documents: documents))
            }
        }
        self.operations = operations
    }

    /// The operations `selectors` name (`GET /v4/models`), in the order given; all of them when none is given.
    /// An unknown selector is an error naming the nearest operation, unless `lenient` (a diff, where an
    /// operation may exist in only one version): then it is skipped.
    public func select(_ selectors: [String], lenient: Bool = false) throws(SpecError) -> [SpecOperation] {
        guard !selectors.isEmpty else { return operations }
        var chosen: [SpecOperation] = []
        for selector in selectors {
            guard let key = SpecOperation.Key(selector) else {
                throw SpecError("--operation expects \"METHOD /path\", got \"\(selector)\"", path: rootFile.path)
            }
            guard let op = operations.first(where: { $0.key.matches(key) }) else {
                if lenient { continue }
                let names = operations.map(\.key.description)
                let hint = NearestName.find(key.description, in: names).map { "; did you mean \"\($0)\"?" } ?? ""
                throw SpecError("no operation \"\(key)\" in the document\(hint)", path: rootFile.path)
            }
            chosen.append(op)
        }
        return chosen
    }

    /// `components.securitySchemes.NAME`, resolved.
    public func securityScheme(_ name: String) throws(SpecError) -> SpecNode? {
        guard let node = root.member("components")?.member("securitySchemes")?.member(name) else { return nil }
        return try documents.resolve(node)
    }

    /// `servers[0].url`, when absolute.
    public var serverURL: String? {
        guard let url = root.member("servers")?.elements.first?.value["url"]?.stringValue,
              url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        return url
    }
}
