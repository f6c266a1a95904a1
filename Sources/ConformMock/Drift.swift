import ConformCore

/// One named, deliberate break of exactly one rule of a suite, so `conform selftest` can prove the rule's
/// check fails when the rule is broken (`conform mock --drift NAME`).
public struct Drift: Sendable, Hashable {
    /// What the mock does differently.
    public enum Effect: Sendable, Hashable {
        /// A schema rule broken at one schema location (in the first object that reaches it).
        case schema(SchemaDrift)
        /// The walk's total one less than the items it lists (`unionEqualsTotal`).
        case totalTooSmall(operation: String)
        /// One item more than the page size (`fullPages`).
        case oneTooMany(operation: String)
        /// The walk's has-more flag inverted (`hasMoreConsistent`).
        case hasMoreFlipped(operation: String)
        /// No next link although a next page exists (`linksConsistent`).
        case nextLinkMissing(operation: String)
        /// No previous link although a previous page exists (`linksConsistent`).
        case previousLinkMissing(operation: String)
        /// Each page after the first starts with the previous page's last item (`noDuplicateIds`).
        case repeatItem(operation: String)
        /// A page past the end repeats the last page (`pastEndEmpty`).
        case pastEndNotEmpty(operation: String)
        /// The total grows with the page number (`stableTotal`).
        case unstableTotal(operation: String)
        /// The invariant at this pointer is made false on every answer it applies to: the counterexample
        /// `InvariantBreaker` builds from its parsed tree.
        case invariant(JSONPointer)
        /// An out-of-bound value of the parameter is accepted with 200.
        case boundAccepted(operation: String, parameter: String)
        /// An unknown enum value of the parameter is accepted with 200.
        case enumParamAccepted(operation: String, parameter: String)
        /// A value of the wrong type for the parameter is accepted with 200.
        case typeParamAccepted(operation: String, parameter: String)
        /// Requests without a valid credential are served.
        case authNotEnforced
        /// The success response is sent as `text/plain`.
        case textPlain(operation: String)
        /// Get-by-id answers an object that disagrees with the listed one.
        case wrongObject(operation: String)
    }

    /// `drop-required:InferenceModel.model_vendor`, `total-too-small:list`: unique within a suite.
    public var name: String
    /// What it breaks, for people: "items lack the required member model_vendor".
    public var breaks: String
    /// The check kind the runner should report (`schema.required`, `invariant`, `walk.noDuplicateIds`, …):
    /// a `CheckKind` id, or `schema.<keyword>`.
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
