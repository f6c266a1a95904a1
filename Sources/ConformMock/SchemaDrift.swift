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

    /// The schema location the drift applies to.
    var location: JSONPointer {
        switch self {
        case .dropRequired(let p, _), .enumOutside(let p), .typeChange(let p), .formatBreak(let p), .constBreak(let p): return p
        }
    }
}

/// A place where a schema rule could be broken, found while synthesising (the drift catalog's raw material).
struct DriftSite: Hashable {
    var drift: SchemaDrift
    /// The keyword in the suite document the drift breaks (`/definitions/Model/required`).
    var rulePointer: JSONPointer
    /// `schema.required`, `schema.enum`, …
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
