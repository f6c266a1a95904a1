import Foundation

extension SuiteFile {
    /// `file://` URI of the suite, the base against which its `$ref`s resolve.
    public var documentURI: String { SchemaDocuments.fileURI(forPath: source.path) }

    /// A validator over the suite document whose registry reads `$ref`'d JSON files relative to the suite.
    /// Validate a body with `validate(body, schemaAt: response.schemaPointer)`.
    public func makeSchemaValidator() -> SchemaValidator {
        let registry = SchemaRegistry(loader: { uri in SchemaDocuments.readFileDocument(uri) })
        return SchemaValidator(document: document, uri: documentURI, registry: registry)
    }
}
