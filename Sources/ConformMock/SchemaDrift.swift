import ConformCore

/// A break of one schema rule at one schema location, applied by the `Synthesizer` when armed.
public enum SchemaDrift: Sendable, Hashable {
    /// Leave out required member `member` of objects built from the schema at `object`.
    case dropRequired(object: JSONPointer, member: String)
    /// Put a value outside the `enum` of the schema at `at`.
    case enumOutside(at: JSONPointer)
    /// Give the value of the schema at `at` a JSON type the schema does not allow.
    case typeChange(at: JSONPointer)
    /// Give the string of the schema at `at` a value that breaks its `format`.
    case formatBreak(at: JSONPointer)
    /// Give the schema at `at` a value other than its `const`.
    case constBreak(at: JSONPointer)
    /// A string its `pattern` does not match (of an allowed length where one exists).
    case patternMismatch(at: JSONPointer)
    /// A string one character shorter than `minLength` (still matching the pattern where one does).
    case tooShort(at: JSONPointer)
    /// A string one character longer than `maxLength` (still matching the pattern where one does).
    case tooLong(at: JSONPointer)
    /// A number just below `minimum` (at it, for OpenAPI 3.0's `exclusiveMinimum: true`).
    case belowMinimum(at: JSONPointer)
    /// A number just above `maximum` (at it, for OpenAPI 3.0's `exclusiveMaximum: true`).
    case aboveMaximum(at: JSONPointer)
    /// A number equal to (or below) `exclusiveMinimum`.
    case atExclusiveMinimum(at: JSONPointer)
    /// A number equal to (or above) `exclusiveMaximum`.
    case atExclusiveMaximum(at: JSONPointer)
    /// A number within the bounds that is not a multiple of `multipleOf`.
    case notMultiple(at: JSONPointer)
    /// An array with one item fewer than `minItems`.
    case tooFewItems(at: JSONPointer)
    /// An array with one item more than `maxItems`.
    case tooManyItems(at: JSONPointer)
    /// An array of `uniqueItems` whose last item repeats its first.
    case duplicateItem(at: JSONPointer)
    /// An array none of whose items match `contains` (one fewer than `minContains`, when given).
    case missingContained(at: JSONPointer)
    /// An array with one item more than `maxContains` matching `contains`.
    case tooManyContained(at: JSONPointer)
    /// An object of `additionalProperties: false` with one undeclared member.
    case extraMember(object: JSONPointer)
    /// An object that has a `dependentRequired` trigger member but lacks the dependent `member`.
    case dropDependent(object: JSONPointer, member: String)
    /// An object with one member fewer than `minProperties`.
    case tooFewMembers(object: JSONPointer)
    /// An object with one member more than `maxProperties`.
    case tooManyMembers(object: JSONPointer)

    /// The schema location the drift applies to.
    var location: JSONPointer {
        switch self {
        case .dropRequired(let p, _), .enumOutside(let p), .typeChange(let p), .formatBreak(let p), .constBreak(let p),
             .patternMismatch(let p), .tooShort(let p), .tooLong(let p), .belowMinimum(let p), .aboveMaximum(let p),
             .atExclusiveMinimum(let p), .atExclusiveMaximum(let p), .notMultiple(let p), .tooFewItems(let p), .tooManyItems(let p),
             .duplicateItem(let p), .missingContained(let p), .tooManyContained(let p), .extraMember(let p), .dropDependent(let p, _),
             .tooFewMembers(let p), .tooManyMembers(let p):
            return p
        }
    }
}

/// A place where a schema rule could be broken, found while synthesising (the drift catalog's raw material).
struct DriftSite: Hashable {
    var drift: SchemaDrift
    /// The keyword in the suite document the drift breaks (`/definitions/Model/required`).
    var rulePointer: JSONPointer
    /// `schema.required`, `schema.enum`, …: the validator's finding kind, `schema.` and the keyword.
    var check: String
}

/// What a synthesis run saw: schema locations reached and the drift sites among them.
struct SynthesisTrace {
    var visited: Set<JSONPointer> = []
    var sites: [DriftSite] = []
    private var siteSet: Set<DriftSite> = []
    var recordSites = false

    mutating func add(_ site: DriftSite) {
        guard recordSites, siteSet.insert(site).inserted else { return }
        sites.append(site)
    }
}

extension Synthesizer {
    /// Records the site of `drift` breaking `keyword` of `view`, and answers whether it is armed here.
    func site(_ drift: SchemaDrift, _ keyword: String, _ view: SchemaView, trace: inout SynthesisTrace) -> Bool {
        trace.add(DriftSite(drift: drift, rulePointer: view.keywordPointer(keyword), check: "schema.\(keyword)"))
        return armed && self.drift == drift
    }
}
