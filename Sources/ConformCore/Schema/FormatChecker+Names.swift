extension FormatChecker {
    /// Standard format names Conform does not check: JSON Schema 2020-12's other formats and OpenAPI 3.0's
    /// data-type formats (`int64`, `password`, …). A schema may use them; they stay annotations.
    public static let annotationOnly: [String] = [
        "duration", "idn-email", "hostname", "idn-hostname", "uri-reference", "iri", "iri-reference", "uri-template",
        "json-pointer", "relative-json-pointer", "regex",
        "int32", "int64", "float", "double", "byte", "binary", "password",
    ]

    /// Every format name a suite may use without declaring it: the asserted ones and the standard annotations.
    public static let standardNames: [String] = known + annotationOnly
}
