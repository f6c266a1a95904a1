/// Instances of one problem that a check counted but did not keep (`FindingLimit`): the problem, said as a
/// finding id says it, and how many. At least one instance of the problem is among the check's findings,
/// unless the omission came from a check's own sub-validation (an `anyOf` branch's errors).
public struct OmittedFindings: Sendable, Hashable, Codable {
    public var kind: Finding.Kind
    /// The check kind of the findings (`schema.type`).
    public var check: String
    /// The value pointer with array indices as `*` (`/data/*/created`), when the findings have one.
    public var pointer: String?
    /// The rule's pointer in the suite document, as the findings carry it.
    public var rulePointer: String?
    /// The keyword argument that names the problem (`required`'s missing member), as the findings carry it.
    public var argument: String?
    /// Instances not kept (beyond the findings listed).
    public var count: Int
    /// The problem's finding id (`FindingIdentity`): equal to the id of its listed findings.
    public var id: String?
    /// The id without the target.
    public var sharedId: String?

    public init(kind: Finding.Kind = .failure, check: String, pointer: String?, rulePointer: String?, argument: String?,
                count: Int, id: String? = nil, sharedId: String? = nil) {
        self.kind = kind; self.check = check; self.pointer = pointer; self.rulePointer = rulePointer
        self.argument = argument; self.count = count; self.id = id; self.sharedId = sharedId
    }

    /// The omitted instances of `finding`'s problem (its pointer wildcarded).
    public init(of finding: Finding, count: Int) {
        self.init(kind: finding.kind, check: finding.check, pointer: finding.wildcardPointer ?? finding.pointer,
                  rulePointer: finding.rulePointer, argument: finding.argument, count: count)
    }

    /// A finding standing for the problem, for computing its id and grouping it with the listed findings.
    public var representative: Finding {
        Finding(kind: kind, check: check, title: "", detail: "", pointer: pointer, rulePointer: rulePointer, argument: argument)
    }

    /// Same as `Finding.problemKey`: what tells this problem apart within its check.
    public var problemKey: String { representative.problemKey }
}
