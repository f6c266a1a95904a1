import ConformCore

/// One named, deliberate break of exactly one rule of a suite, so `conform selftest` can prove the rule's
/// check fails when the rule is broken (`conform mock --drift NAME`).
public struct Drift: Sendable, Hashable {
    /// What the mock does differently.
    public enum Effect: Sendable, Hashable {
        /// A schema rule broken at one schema location (in the first object that reaches it).
        case schema(SchemaDrift)
        /// `total` one less than the items on the page.
        case totalTooSmall(operation: String)
        /// One item more than the page size.
        case oneTooMany(operation: String)
        /// The page number echoed one too high.
        case wrongPageEcho(operation: String)
        /// The page size echoed one too high.
        case wrongSizeEcho(operation: String)
        /// `has_more` inverted.
        case hasMoreFlipped(operation: String)
        /// The page count one too high.
        case pagesWrong(operation: String)
        /// No `next` link although a next page exists.
        case nextLinkMissing(operation: String)
        /// No `previous` link although a previous page exists.
        case previousLinkMissing(operation: String)
        /// Each page after the first starts with the previous page's last item.
        case repeatItem(operation: String)
        /// A page past the end repeats the last page.
        case pastEndNotEmpty(operation: String)
        /// The total grows with the page number.
        case unstableTotal(operation: String)
        /// The last item of a page is a copy of its first.
        case duplicateInPage(operation: String)
        /// An out-of-bound value of the parameter is accepted with 200.
        case boundAccepted(operation: String, parameter: String)
        /// An unknown enum value of the parameter is accepted with 200.
        case enumParamAccepted(operation: String, parameter: String)
        /// A value of the wrong type for the parameter is accepted with 200.
        case typeParamAccepted(operation: String, parameter: String)
        /// The filter parameter is ignored.
        case filterIgnored(operation: String, parameter: String)
        /// The sort parameter is ignored.
        case sortIgnored(operation: String, parameter: String)
        /// The search parameter is ignored.
        case searchIgnored(operation: String, parameter: String)
        /// The view parameter adds nothing.
        case viewIgnored(operation: String, parameter: String)
        /// Requests without a valid credential are served.
        case authNotEnforced
        /// The success response is sent as `text/plain`.
        case textPlain(operation: String)
        /// Get-by-id answers an object that disagrees with the listed one.
        case wrongObject(operation: String)
        /// Integer timestamps of listed items in milliseconds instead of seconds.
        case timestampsInMilliseconds(operation: String)
        /// `X.id` of listed items no longer equals their `X_id`.
        case unlinkedIdentifiers(operation: String)
    }

    /// `drop-required:InferenceModel.model_vendor`, `total-too-small:list`: unique within a suite.
    public var name: String
    /// What it breaks, for people: "items lack the required member model_vendor".
    public var breaks: String
    /// The check kind the runner should report (`schema.required`, `invariant`, `walk.noDuplicateIds`, …).
    public var expectedCheck: String
    /// The rule in the suite document the drift breaks, when one place holds it.
    public var rulePointer: JSONPointer?
    /// Every rule the drift is expected to break (the primary one first): one effect can break several
    /// rules that say the same thing (`len(items) <= limit` and the exact page length).
    public var rulePointers: [JSONPointer]
    /// The suite it belongs to.
    public var suite: String
    public var effect: Effect

    /// A drift; `rulePointers` starts as the primary rule alone.
    public init(name: String, breaks: String, expectedCheck: String, rulePointer: JSONPointer?, suite: String, effect: Effect) {
        self.name = name; self.breaks = breaks; self.expectedCheck = expectedCheck; self.rulePointer = rulePointer
        self.rulePointers = rulePointer.map { [$0] } ?? []
        self.suite = suite; self.effect = effect
    }

    /// The schema drift, when this is one.
    var schemaDrift: SchemaDrift? { if case .schema(let s) = effect { return s }; return nil }
}
