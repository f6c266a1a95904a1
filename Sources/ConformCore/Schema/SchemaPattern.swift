/// A compiled `pattern` or `patternProperties` key: ECMA-262 source, matched unanchored (a search, as
/// JSON Schema says) by Conform's linear-time engine (`RegexProgram`), shared through `RegexProgramCache`.
final class SchemaPattern: Sendable {
    let source: String
    private let program: RegexProgram

    /// The compiled pattern, or the refusal with its offset inside `source`.
    init(_ source: String) throws(RegexSyntaxError) {
        self.source = source
        self.program = try RegexProgramCache.shared.program(source).get()
    }

    func matches(_ s: String) -> Bool { program.matches(s) }
}
