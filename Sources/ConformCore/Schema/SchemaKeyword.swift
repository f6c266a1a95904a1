/// The keywords a suite's schemas may use, by vocabulary, with what each keyword's value holds.
///
/// The one list the strict loader checks schemas against, and that `suites/suite.schema.json`'s
/// `schemaObject` must agree with (a test compares them): JSON Schema 2020-12's vocabularies, the OpenAPI 3.0
/// keywords Conform understands, and `x-…` extensions. Anything else is a typo that would silently remove a
/// check (`"requierd"`), so the loader refuses it (ajv's strict mode is the model).
public enum SchemaKeyword {
    /// What a keyword's value holds, so a walk over a schema knows where subschemas, names and data are.
    public enum Value: Sendable, Hashable {
        /// One subschema (`items`, `not`, `if`).
        case schema
        /// An array of subschemas (`allOf`, `prefixItems`).
        case schemaList
        /// An object whose keys are names (never keywords) and whose values are subschemas (`properties`, `$defs`).
        case schemaMap
        /// Anything else: data (`enum`, `const`, `default`, `examples`), names (`required`, `dependentRequired`),
        /// numbers, strings, annotations. Never walked as a schema.
        case other
    }

    /// Vocabulary name → its keywords and what each holds, in the order the specifications list them.
    public static let vocabularies: [(name: String, keywords: [(String, Value)])] = [
        ("core", [("$schema", .other), ("$id", .other), ("$ref", .other), ("$anchor", .other), ("$dynamicRef", .other),
                  ("$dynamicAnchor", .other), ("$vocabulary", .other), ("$comment", .other), ("$defs", .schemaMap)]),
        ("applicator", [("prefixItems", .schemaList), ("items", .schema), ("contains", .schema),
                        ("additionalProperties", .schema), ("properties", .schemaMap), ("patternProperties", .schemaMap),
                        ("dependentSchemas", .schemaMap), ("propertyNames", .schema), ("if", .schema), ("then", .schema),
                        ("else", .schema), ("allOf", .schemaList), ("anyOf", .schemaList), ("oneOf", .schemaList),
                        ("not", .schema)]),
        ("unevaluated", [("unevaluatedItems", .schema), ("unevaluatedProperties", .schema)]),
        ("validation", [("type", .other), ("enum", .other), ("const", .other), ("multipleOf", .other), ("maximum", .other),
                        ("exclusiveMaximum", .other), ("minimum", .other), ("exclusiveMinimum", .other),
                        ("maxLength", .other), ("minLength", .other), ("pattern", .other), ("maxItems", .other),
                        ("minItems", .other), ("uniqueItems", .other), ("maxContains", .other), ("minContains", .other),
                        ("maxProperties", .other), ("minProperties", .other), ("required", .other),
                        ("dependentRequired", .other)]),
        ("meta-data", [("title", .other), ("description", .other), ("default", .other), ("deprecated", .other),
                       ("readOnly", .other), ("writeOnly", .other), ("examples", .other)]),
        ("format-annotation", [("format", .other)]),
        ("content", [("contentEncoding", .other), ("contentMediaType", .other), ("contentSchema", .schema)]),
        // `definitions` is the drafts' name for `$defs`, still common in schemas copied from elsewhere.
        ("openapi-3.0", [("nullable", .other), ("discriminator", .other), ("example", .other), ("xml", .other),
                         ("externalDocs", .other), ("definitions", .schemaMap)]),
    ]

    /// Every known keyword and what its value holds.
    public static let all: [String: Value] = {
        var map: [String: Value] = [:]
        for (_, keywords) in vocabularies { for (k, v) in keywords { map[k] = v } }
        return map
    }()

    /// Every known keyword, sorted: the candidates for "did you mean".
    public static let names: [String] = all.keys.sorted()

    /// Whether a key may appear in a schema object: a known keyword or an `x-…` extension.
    public static func isKnown(_ key: String) -> Bool { all[key] != nil || isExtension(key) }

    /// `x-…`: a vendor extension (OpenAPI), an annotation whose value is never walked.
    public static func isExtension(_ key: String) -> Bool { key.hasPrefix("x-") }

    /// What a known keyword's value holds (`.other` for extensions and unknown keys).
    public static func value(of key: String) -> Value { all[key] ?? .other }
}
