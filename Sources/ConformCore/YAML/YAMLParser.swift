/// A YAML 1.2 reader (core schema) that produces Conform's `JSONValue`, with byte offsets for every
/// error, value and key — so an OpenAPI document written in YAML gets the same `file:line:col` and caret
/// as a JSON suite.
///
/// Choices where YAML and JSON differ (docs/yaml.md has the full list):
/// - one document per file: `parse` refuses a second document (positioned at its `---`); `parseStream`
///   returns all of them;
/// - a key that is not a string becomes its compact JSON text (`200:` → `"200"`, `[a, b]:` → `"[\"a\",\"b\"]"`);
/// - a key written twice is an error ("duplicate key \"x\" (first at line 3)");
/// - aliases are expanded; the values they add are bounded by `maxAliasExpansion` (no billion laughs);
/// - `.inf` and `.nan` have no JSON number form and stay strings.
public enum YAMLParser {
    public struct Options: Sendable {
        /// Most values that aliases may add to the document, in total (each alias adds the size of its anchor's value).
        public var maxAliasExpansion: Int
        /// Deepest nesting of sequences and mappings accepted.
        public var maxDepth: Int
        public init(maxAliasExpansion: Int = 1_000_000, maxDepth: Int = 512) {
            self.maxAliasExpansion = maxAliasExpansion
            self.maxDepth = maxDepth
        }
    }

    /// Parses a file that holds one YAML document (an empty file or a second document is an error).
    public static func parse(_ bytes: [UInt8], options: YAMLParser.Options = .init()) throws(YAMLParseError) -> JSONValue {
        try parseOne(bytes, options: options, recordLocations: false).value
    }

    public static func parse(_ text: String, options: YAMLParser.Options = .init()) throws(YAMLParseError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }

    /// Parses one document and the byte offset of every value and key, by JSON Pointer.
    public static func parseWithLocations(_ bytes: [UInt8], options: YAMLParser.Options = .init()) throws(YAMLParseError) -> (value: JSONValue, locations: JSONLocations) {
        try parseOne(bytes, options: options, recordLocations: true)
    }

    /// Every document of a stream (`---`-separated), in order; an empty stream has none.
    public static func parseStream(_ bytes: [UInt8], options: YAMLParser.Options = .init()) throws(YAMLParseError) -> [JSONValue] {
        try YAMLInputCheck.check(bytes)
        var composer = YAMLComposer(bytes: bytes, options: options, recordLocations: false)
        var documents: [JSONValue] = []
        while let d = try composer.nextDocument() { documents.append(d) }
        return documents
    }

    static func parseOne(_ bytes: [UInt8], options: YAMLParser.Options, recordLocations: Bool) throws(YAMLParseError) -> (value: JSONValue, locations: JSONLocations) {
        try YAMLInputCheck.check(bytes)
        var composer = YAMLComposer(bytes: bytes, options: options, recordLocations: recordLocations)
        guard let value = try composer.nextDocument() else {
            throw YAMLParseError("the file holds no YAML document (it is empty or only comments)", at: bytes.count)
        }
        let next = try composer.scanner.peek()
        if case .streamEnd = next.kind {} else {
            // Make sure the rest is at least well-formed before naming the second document as the problem.
            let second = next.start
            throw YAMLParseError("a second YAML document starts here; Conform reads one document per file", at: second)
        }
        return (value, composer.locations)
    }
}
