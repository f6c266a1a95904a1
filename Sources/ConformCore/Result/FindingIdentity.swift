/// Stable ids for checks and findings: the same problem keeps its id across runs and across edits of the
/// suite that do not touch its rule; distinct problems get distinct ids (reports/README.md, "Finding ids").
///
/// A finding's key is, joined and hashed with SHA-256 (first 16 hex digits):
/// ```
/// suite │ target │ case id │ check kind │ check rule │ finding kind │ rule path │ argument │ value pointer with indices as *
/// scale-v5 │ api.example.com:443 │ list.default │ schema │ body matches schema │ schema.required │
///     /operations/[list]/responses/200/schema/properties/items/items/required │ digest │ /items/*
/// ```
/// `sharedId` is the same hash without the target: equal for the same problem on two targets.
/// The rule path is the finding's rule pointer with every array position in the suite replaced by what
/// the element *is*: an operation, case, walk or cross-check by its `id`, an invariant by its `name` or
/// canonical expression (`Invariant.identity`), any other object by its `id` member. Values, item
/// positions, timings, ports of the server (unless the target label carries them), the order of rules in
/// the file, and unrelated rules added or removed leave the key unchanged.
public struct FindingIdentity: Sendable {
    /// The suite's id.
    public let suite: String
    /// The target label (`--target-name`, default the base URL's `host:port`).
    public let target: String
    /// Labels for the array elements of the suite document that are rules, by pointer.
    private let labels: [JSONPointer: String]
    private let document: JSONValue

    /// Identities for the checks and findings of `suite` run against `target`.
    public init(suite: Suite, target: String) {
        self.suite = suite.id
        self.target = target
        self.document = suite.file.document
        var labels: [JSONPointer: String] = [:]
        func label(_ invariants: [Invariant]) {
            for invariant in invariants {
                // An invariant's pointer is of its string, or of the `expr` member of its object.
                let element = invariant.pointer.last == "expr" ? (invariant.pointer.parent ?? invariant.pointer) : invariant.pointer
                labels[element] = invariant.identity
            }
        }
        for operation in suite.operations {
            labels[operation.pointer] = operation.id
            for response in operation.responses { label(response.invariants) }
        }
        for c in suite.cases { labels[c.pointer] = c.id; label(c.expect.invariants) }
        for walk in suite.walks { labels[walk.pointer] = walk.id; label(walk.pageInvariants) }
        for cross in suite.crossChecks { labels[cross.pointer] = cross.id }
        if let rejection = suite.auth?.rejection { label(rejection.invariants) }
        self.labels = labels
    }

    /// The readable key of a check in a case; its id is `FindingIdentity.hash(key)`.
    public func checkKey(caseId: String, _ check: CheckResult) -> [String] {
        [suite, target, caseId, check.check, check.rule ?? check.name]
    }

    /// The readable key of a finding of a check in a case.
    public func findingKey(caseId: String, check: CheckResult, _ finding: Finding) -> [String] {
        checkKey(caseId: caseId, check) + [
            finding.check,
            finding.rulePointer.map(rulePath) ?? "",
            finding.argument ?? "",
            finding.wildcardPointer ?? "",
        ]
    }

    /// The rule pointer with array positions in the suite replaced by what each element is:
    /// `/operations/0/responses/200/invariants/1/expr` → `/operations/[list]/responses/200/invariants/[expr:(total >= len(items))]/expr`.
    public func rulePath(_ pointerText: String) -> String {
        guard let pointer = JSONPointer(pointerText) else { return pointerText }
        var current: JSONValue? = document
        var walked = JSONPointer.root
        var out = ""
        for token in pointer.tokens {
            let next = walked.appending(token)
            if case .array(let items)? = current, let index = JSONPointer.arrayIndex(token), index < items.count {
                out += "/[" + JSONPointer.escape(labels[next] ?? Self.ownLabel(items[index]) ?? token) + "]"
                current = items[index]
            } else {
                out += "/" + JSONPointer.escape(token)
                current = current?.objectValue?[token]
            }
            walked = next
        }
        return out
    }

    /// Sets `id` and `sharedId` on every check and finding of a suite's cases.
    public func assign(_ cases: inout [CaseResult]) {
        for c in cases.indices {
            let caseId = cases[c].id
            for k in cases[c].checks.indices {
                let check = cases[c].checks[k]
                let key = checkKey(caseId: caseId, check)
                cases[c].checks[k].id = Self.hash(key)
                cases[c].checks[k].sharedId = Self.hash(Self.withoutTarget(key))
                for f in check.findings.indices {
                    let key = findingKey(caseId: caseId, check: check, check.findings[f])
                    cases[c].checks[k].findings[f].id = Self.hash(key)
                    cases[c].checks[k].findings[f].sharedId = Self.hash(Self.withoutTarget(key))
                }
                // Counted instances carry their problem's id: the id of its listed findings.
                for o in check.omitted.indices {
                    let key = findingKey(caseId: caseId, check: check, check.omitted[o].representative)
                    cases[c].checks[k].omitted[o].id = Self.hash(key)
                    cases[c].checks[k].omitted[o].sharedId = Self.hash(Self.withoutTarget(key))
                }
            }
        }
    }

    /// A key without its target part: the same rule or problem on every target (compatibility matrices,
    /// diffs between two targets).
    static func withoutTarget(_ key: [String]) -> [String] {
        var k = key
        k.remove(at: 1)
        return k
    }

    /// 16 hex digits of the SHA-256 of the key's parts, separated by U+001F (which no part can hold unnoticed).
    public static func hash(_ key: [String]) -> String {
        String(SHA256.hex(key.joined(separator: "\u{1F}")).prefix(16))
    }

    /// A label an array element carries itself: an object's `id` (or `name`) string.
    static func ownLabel(_ element: JSONValue) -> String? {
        guard let object = element.objectValue else { return nil }
        return object["id"]?.stringValue ?? object["name"]?.stringValue
    }
}
