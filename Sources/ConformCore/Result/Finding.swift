/// One thing found wrong in a response or in the run: a contract failure or an error that stopped a check.
///
/// Failures and errors are kept apart (STYLE habit 4): a `.failure` is a contract that does not hold
/// (JUnit `<failure>`); an `.error` is a check that could not run — unreachable server, timeout, body over
/// the cap (JUnit `<error>`).
public struct Finding: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case failure, error }

    public var kind: Kind
    /// The check kind that produced it, from `CheckKind` (`schema.enum`, `status`, `invariant`, …).
    public var check: String
    /// Short title: "enum membership", "status code", "invariant".
    public var title: String
    /// One-line detail: "actual string \"MISTRAL\"; expected one of \"openai\", \"cohere\", …".
    public var detail: String
    /// JSON Pointer of the value in the response body (`/items/57/model_vendor`), when there is one.
    public var pointer: String?
    /// Where the rule lives: a JSON Pointer into the suite document (`/operations/0/responses/200/schema/...`).
    public var rulePointer: String?
    /// `file:line:col` of the rule in the suite file, when known.
    public var ruleLocation: String?
    /// Expected and actual, each with its JSON type (`integer 422`, `string "3"`), trimmed to ~80 characters.
    public var expected: String?
    public var actual: String?
    /// The promise that was broken, cited from the source document (a rule's `description`).
    public var citation: String?
    /// What names this problem among the rule's possible ones when the pointer does not: the missing
    /// member of `required` / `dependentRequired`. Part of the finding id, so a missing `digest` and a
    /// missing `size` are two problems.
    public var argument: String?
    /// The finding's stable id (`FindingIdentity`): set by the runner once the suite and target are known.
    public var id: String?
    /// The finding's class against `conform run --baseline` (`new`, `known`, `expired`); nil without a baseline.
    public var baseline: BaselineMark?
    /// The id without the target (`FindingIdentity`): equal for the same problem found on two targets.
    public var sharedId: String?
    /// The request whose answer this finding is about, as one curl line (secret as `$ENV_VAR`), when it is not the
    /// case's first request: page 3 of a walk is reproduced by page 3's request, not page 1's. Not part of the id.
    public var curl: String?

    public init(kind: Kind = .failure, check: String, title: String, detail: String, pointer: String? = nil,
                rulePointer: String? = nil, ruleLocation: String? = nil, expected: String? = nil,
                actual: String? = nil, citation: String? = nil, argument: String? = nil, id: String? = nil, sharedId: String? = nil) {
        self.kind = kind; self.check = check; self.title = title; self.detail = detail; self.pointer = pointer
        self.rulePointer = rulePointer; self.ruleLocation = ruleLocation; self.expected = expected
        self.actual = actual; self.citation = citation; self.argument = argument; self.id = id; self.sharedId = sharedId
    }

    /// The value pointer with array indices as `*` (`/items/*/created_at`); nil without a (parsable) pointer.
    public var wildcardPointer: String? { pointer.flatMap { JSONPointer($0)?.wildcarded.description } }

    /// What tells this problem apart within its case and check, without ids: the finding kind of check, its
    /// rule, its argument and its wildcarded pointer (results built by hand, drift verdicts).
    public var problemKey: String {
        [check, rulePointer ?? "", argument ?? "", wildcardPointer ?? ""].joined(separator: "\u{1F}")
    }
}
