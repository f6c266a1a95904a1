import Foundation

/// Builds a `Suite` from a parsed suite document, recording every problem it finds (see `SuiteLoader`).
///
/// Sections are read in dependency order — definitions, operations, then what refers to operations —
/// and problems are sorted into file order at the end.
final class SuiteBuilder {
    let file: SuiteFile
    let reader: SuiteReader
    let documentURI: String
    let documents: SchemaDocuments
    let validator: SchemaValidator
    var operations: [Operation] = []
    var authHeader: String?
    /// Ids of cases, walks and cross-checks, with where each was first used.
    var claimedIDs: [String: JSONPointer] = [:]
    /// Pointers at which a `$ref` was already reported, so the validator does not report it again.
    var reportedRefs: [JSONPointer] = []
    /// `formats.annotations`: format names of the suite's own, accepted as annotations.
    var annotationFormats: [String] = []
    /// Schema positions whose keywords were checked, so a schema met twice is reported once.
    var keywordCheckedSchemas: Set<JSONPointer> = []

    static let topKeys = ["$schema", "suite", "title", "description", "source", "baseUrl", "auth", "definitions",
                          "formats", "operations", "cases", "walks", "crossChecks"]

    init(file: SuiteFile) {
        self.file = file
        reader = SuiteReader(file: file)
        documentURI = file.documentURI
        documents = SchemaDocuments(rootURI: documentURI, root: file.document)
        validator = file.schemaValidator
    }

    var mentions: SchemaMentions { SchemaMentions(documents: documents) }

    /// The suite, or nil when anything is wrong (then `reader.sortedErrors` says what).
    func build() -> Suite? {
        guard let top = reader.members(file.document, at: .root, what: "suite") else { return nil }
        top.allowOnly(Self.topKeys)
        if let v = top.value("$schema") { _ = reader.string(v, at: top.at("$schema"), what: "\"$schema\"") }
        let id = top.id("suite", required: true)
        let title = top.string("title", required: true)
        let description = top.string("description")
        let source = top.string("source", required: true)
        let baseURL = top.string("baseUrl", required: true).flatMap { checkBaseURL($0, at: top.at("baseUrl")) }
        annotationFormats = readFormats(top)
        readDefinitions(top)
        operations = readOperations(top)
        let auth = top.members("auth", what: "auth").flatMap(readAuth)
        authHeader = auth?.headerName
        let cases = (top.elements("cases") ?? []).compactMap(readCase)
        let walks = (top.elements("walks") ?? []).compactMap(readWalk)
        let crossChecks = (top.elements("crossChecks") ?? []).compactMap(readCrossCheck)
        guard !reader.hasErrors, let id, let title, let source, let baseURL else { return nil }
        let suite = Suite(id: id, title: title, description: description, source: source, baseURL: baseURL, auth: auth,
                          operations: operations, cases: cases, walks: walks, crossChecks: crossChecks,
                          annotationFormats: annotationFormats, file: file)
        checkGeneratedCases(of: suite)
        checkQueryReferences(of: suite)
        checkExchangeReferences(of: suite)
        checkCatalogs(of: suite)
        return reader.hasErrors ? nil : suite
    }

    /// `http`/`https`, a host, no query or fragment; trailing slashes are kept out of the base.
    func checkBaseURL(_ text: String, at pointer: JSONPointer) -> String? {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            reader.error("\"baseUrl\" must be an http or https URL with a host, got \(JSONWriter.quote(text))", at: pointer)
            return nil
        }
        guard url.query == nil, url.fragment == nil else {
            reader.error("\"baseUrl\" must not carry a query or fragment, got \(JSONWriter.quote(text))", at: pointer)
            return nil
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// Records an id of a case, walk or cross-check; reports it when already taken.
    func claim(_ id: String, at pointer: JSONPointer) {
        if let first = claimedIDs[id] {
            let loc = file.location(of: first)
            reader.error("id \(JSONWriter.quote(id)) is already used at line \(loc.line)", at: pointer)
        } else {
            claimedIDs[id] = pointer
        }
    }

    /// The operation an id names, or nil (reported, with the nearest operation id).
    func operation(named name: String, at pointer: JSONPointer) -> Operation? {
        if let op = operations.first(where: { $0.id == name }) { return op }
        // Ids as written, so an operation that failed to load still counts (it is reported already).
        let ids = (file.document["operations"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        if ids.contains(name) { return nil }
        let hint = NearestName.hint(name, in: ids)
        let list = hint.isEmpty && !ids.isEmpty ? " (operations: \(ids.joined(separator: ", ")))" : ""
        reader.error("unknown operation \(JSONWriter.quote(name))\(list)\(hint)", at: pointer)
        return nil
    }

    /// Ids of generated cases must not collide with explicit ones; path parameters of generated cases
    /// must have values.
    private func checkGeneratedCases(of suite: Suite) {
        let explicit = Set(suite.cases.map(\.id))
        var reportedOperations = Set<String>()
        for generated in SuitePlan.generatedCases(for: suite) {
            if explicit.contains(generated.id), let c = suite.cases.first(where: { $0.id == generated.id }) {
                reader.error("case id \(JSONWriter.quote(generated.id)) is also the id of a generated case; choose another",
                             at: c.pointer.appending("id"))
            }
            guard let op = suite.operation(generated.operation), !reportedOperations.contains(op.id) else { continue }
            let givenPath = Set(generated.pathParams.map(\.0))
            let givenQuery = Set(generated.query.map(\.0))
            let missingPath = op.parameters.filter { $0.location == .path && !givenPath.contains($0.name) }.map(\.name)
            let missingQuery = op.parameters.filter { $0.location == .query && $0.required && !givenQuery.contains($0.name) }.map(\.name)
            for (key, missing) in [("probePath", missingPath), ("probeQuery", missingQuery)] where !missing.isEmpty {
                reportedOperations.insert(op.id)
                reader.error("operation \(JSONWriter.quote(op.id)) needs \(JSONWriter.quote(key)) values for \(missing.map { JSONWriter.quote($0) }.joined(separator: ", ")) to send its generated case \(JSONWriter.quote(generated.id))",
                             at: op.pointer)
            }
        }
    }
}
