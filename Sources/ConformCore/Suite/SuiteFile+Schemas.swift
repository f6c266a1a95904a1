import Foundation

extension SuiteFile {
    /// `file://` URI of the suite (absolute, whatever the path it was read from), the base against which its
    /// `$ref`s resolve.
    public var documentURI: String { FileURI.forPath(source.path) }

    /// The one factory of a suite's schema validator: the loader, the runner, the mock and the self-test all
    /// build it here, so a `$ref` resolves the same way everywhere — `#/definitions/X` against the suite, and
    /// `defs.json#/Model` against the JSON file of that name in the suite's folder.
    /// Validate a body with `validate(body, schemaAt: response.schemaPointer)`.
    public func makeSchemaValidator() -> SchemaValidator {
        let registry = SchemaRegistry(loader: { uri in SchemaDocuments.readFileDocument(uri) })
        return SchemaValidator(document: document, uri: documentURI, registry: registry)
    }

    /// A JSON file a `$ref` of the suite led to, read with its locations, so a rule inside it can be shown as
    /// `suites/defs.json:3:12` (its path beside the suite's). Nil when the URI is not a readable JSON file.
    public func referencedFile(_ uri: String) -> SuiteFile? {
        guard let url = URL(string: uri), url.isFileURL, case .success(let data) = LocalFile.read(url.path),
              let parsed = try? JSONParser.parseWithLocations(data, options: JSONParser.Options(recordLocations: true))
        else { return nil }
        return SuiteFile(source: SourceFile(path: displayPath(ofSibling: url.path), bytes: data),
                         document: parsed.value, locations: parsed.locations)
    }

    /// A file's path as the user would write it: beside the suite's path as given when it is in the suite's
    /// folder (or below), else absolute.
    private func displayPath(ofSibling absolute: String) -> String {
        guard let suiteURL = URL(string: documentURI) else { return absolute }
        let folder = suiteURL.deletingLastPathComponent().path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        guard absolute.hasPrefix(prefix) else { return absolute }
        let given = (source.path as NSString).deletingLastPathComponent
        let rest = String(absolute.dropFirst(prefix.count))
        return given.isEmpty ? rest : given + "/" + rest
    }
}
