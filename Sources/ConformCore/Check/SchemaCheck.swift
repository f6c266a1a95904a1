/// `schema`: the body validates against a JSON Schema in the suite; one finding per schema error.
public enum SchemaCheck {
    /// The check name in reports.
    public static let name = "body matches schema"

    /// Validates `instance` against the schema at `schemaPointer` in the suite document. Each error
    /// becomes a finding `schema.<keyword>` pointing at the value (instance pointer), at the keyword
    /// (`rulePointer`, and its `file:line:col` in the suite), citing the nearest `description` above it.
    public static func evaluate(_ instance: JSONValue, schemaAt schemaPointer: JSONPointer, validator: SchemaValidator,
                                file: SuiteFile?) -> CheckResult {
        let errors = validator.validate(instance, schemaAt: schemaPointer)
        let findings = errors.map { e -> Finding in
            Finding(kind: .failure, check: "schema.\(e.keyword)", title: e.title, detail: e.detail,
                    pointer: e.instancePointer.description, rulePointer: e.keywordLocation.description,
                    ruleLocation: file.map { $0.location(of: e.keywordLocation).description },
                    expected: e.expected, actual: e.actual,
                    citation: citation(above: e.keywordLocation, in: validator.document), argument: e.argument)
        }
        return CheckResult.from(name: name, check: CheckKind.schema.id, findings: findings)
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
}
