/// What makes two schema errors the same problem, as their finding ids see it (`FindingIdentity`): the
/// failing keyword (where it is, in which document), its argument and the value's pointer with array
/// indices as `*`. The key a validation counts errors under past its `FindingLimit`; it is computed
/// before an error is built, so an error only counted is never materialised.
public struct SchemaProblem: Sendable, Hashable {
    /// The failing keyword's pointer (`/$defs/Model/properties/created/type`).
    public var keywordLocation: JSONPointer
    /// The document holding it, when not the validator's own.
    public var keywordDocumentURI: String?
    public var keyword: String
    public var argument: String?
    /// The instance pointer with every array index (and every all-digit member name) as `*`, as
    /// `JSONPointer.wildcarded` writes it.
    public var pointer: JSONPointer

    public init(keywordLocation: JSONPointer, keywordDocumentURI: String?, keyword: String, argument: String?, pointer: JSONPointer) {
        self.keywordLocation = keywordLocation; self.keywordDocumentURI = keywordDocumentURI; self.keyword = keyword
        self.argument = argument; self.pointer = pointer
    }

    /// The problem an error is an instance of.
    public init(of error: SchemaError) {
        self.init(keywordLocation: error.keywordLocation, keywordDocumentURI: error.keywordDocumentURI, keyword: error.keyword,
                  argument: error.argument, pointer: error.instancePointer.wildcarded)
    }
}

/// The errors of one validation under a `FindingLimit`: the instances kept in full, in document order, and
/// how many more of each problem were found.
public struct SchemaErrors: Sendable {
    /// Errors kept in full (every distinct problem's first instances), in the order found.
    public var kept: [SchemaError]
    /// Problems with instances past the limit, and how many, in the order their first omission was found.
    public var omitted: [(problem: SchemaProblem, count: Int)]
    /// Instances of problems past the limit's distinct problems.
    public var unlisted: Int

    /// Every instance found.
    public var total: Int { kept.count + omitted.reduce(0) { $0 + $1.count } + unlisted }
    public var isEmpty: Bool { kept.isEmpty && unlisted == 0 }
}
