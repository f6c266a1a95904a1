/// `schema`: the body validates against a JSON Schema in the suite; one finding per schema error.
public enum SchemaCheck {
    /// The check name in reports.
    public static let name = "body matches schema"

    /// Validates `instance` against the schema at `schemaPointer` in the suite document. Each error
    /// becomes a finding `schema.<keyword>` pointing at the value (instance pointer), at the keyword
    /// (`rulePointer`, and its `file:line:col` in the suite or in the JSON file a `$ref` led to), citing the
    /// nearest `description` above it.
    ///
    /// A schema that cannot be used (a `$ref` that no longer loads, a keyword value that does not compile) is
    /// the suite's problem, not the server's: the check is then an error, one `.error` finding per problem,
    /// and the body is not judged.
    ///
    /// Errors are kept in full under `limit` (`FindingLimit`); the validator only counts the rest, per
    /// problem, and they come back as the result's `omitted` and `unlisted`.
    public static func evaluate(_ instance: JSONValue, schemaAt schemaPointer: JSONPointer, validator: SchemaValidator,
                                file: SuiteFile?, limit: FindingLimit = .standard) -> CheckResult {
        var locations = RuleLocations(file: file, validatorURI: validator.uri)
        let problems = validator.compileProblems(at: schemaPointer)
        guard problems.isEmpty else {
            let findings = problems.map { p in
                Finding(kind: .error, check: CheckKind.schema.id, title: "the suite's schema cannot be used", detail: p.message,
                        rulePointer: p.pointer.description, ruleLocation: locations.locate(p.pointer, in: p.documentURI))
            }
            return CheckResult.from(name: name, check: CheckKind.schema.id, findings: findings)
        }
        let errors = validator.validate(instance, schemaAt: schemaPointer, limit: limit)
        let findings = errors.kept.map { e -> Finding in
            let document = e.keywordDocumentURI.flatMap(validator.loadedDocument) ?? validator.document
            return Finding(kind: .failure, check: "schema.\(e.keyword)", title: e.title, detail: e.detail,
                           pointer: e.instancePointer.description, rulePointer: e.keywordLocation.description,
                           ruleLocation: locations.locate(e.keywordLocation, in: e.keywordDocumentURI),
                           expected: e.expected, actual: e.actual,
                           citation: citation(above: e.keywordLocation, in: document), argument: e.argument)
        }
        var result = CheckResult.from(name: name, check: CheckKind.schema.id, kept: findings, failed: !errors.isEmpty)
        result.omitted = errors.omitted.map { o in
            OmittedFindings(check: "schema.\(o.problem.keyword)", pointer: o.problem.pointer.description,
                            rulePointer: o.problem.keywordLocation.description, argument: o.problem.argument, count: o.count)
        }
        result.unlisted = errors.unlisted
        return result
    }

    /// The nearest `description` string on the way from a keyword up to the document root: the
    /// promise the schema author wrote next to the rule.
    public static func citation(above pointer: JSONPointer, in document: JSONValue) -> String? {
        var current: JSONPointer? = pointer
        while let p = current {
            if let object = p.resolve(in: document)?.objectValue, let text = object["description"]?.stringValue {
                return text
            }
            current = p.parent
        }
        return nil
    }

    /// `file:line:col` of rule pointers, each other document read once per check.
    private struct RuleLocations {
        let file: SuiteFile?
        let validatorURI: String
        var others: [String: SuiteFile?] = [:]

        init(file: SuiteFile?, validatorURI: String) { self.file = file; self.validatorURI = validatorURI }

        mutating func locate(_ pointer: JSONPointer, in uri: String?) -> String? {
            guard let file else { return nil }
            guard let uri, !uri.isEmpty, uri != validatorURI else { return file.location(of: pointer).description }
            if others[uri] == nil { others[uri] = .some(file.referencedFile(uri)) }
            return others[uri]??.location(of: pointer).description
        }
    }
}
