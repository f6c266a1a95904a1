import ConformCore

/// A loaded suite's operations as `SpecOperation`s, so a suite and an OpenAPI document compare with the
/// same rules (schemas stay where they are in the suite file: locations are the suite's lines).
public enum SuiteOperations {
    public static func side(of suite: Suite) -> SpecDiff.Side {
        let documents = SpecDocuments(root: SpecFile(path: suite.file.source.path, source: suite.file.source,
                                                     value: suite.file.document, locations: suite.file.locations))
        let key = documents.rootKey
        func node(_ pointer: JSONPointer) -> SpecNode {
            SpecNode(file: key, pointer: pointer, value: pointer.resolve(in: suite.file.document) ?? .null)
        }
        let operations = suite.operations.map { op -> SpecOperation in
            let parameters = op.parameters.map { p in
                SpecParameter(name: p.name, location: p.location.rawValue, required: p.required || p.location == .path,
                              schema: node(p.schemaPointer), node: node(p.pointer))
            }
            var responses = op.responses.map { r in
                SpecResponse(status: String(r.status), node: node(r.pointer), contentType: r.contentType, schema: r.schemaPointer.map(node))
            }
            if let e = op.parameterError, !responses.contains(where: { $0.status == String(e.status) }) {
                responses.append(SpecResponse(status: String(e.status), node: node(e.pointer), contentType: "application/json", schema: e.schemaPointer.map(node)))
            }
            return SpecOperation(key: .init(method: op.method, path: op.path), node: node(op.pointer), parameters: parameters,
                                 responses: responses, security: nil)
        }
        return SpecDiff.Side(documents: documents, operations: operations)
    }
}
