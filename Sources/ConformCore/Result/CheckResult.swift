/// The verdict of one check instance — one JUnit `<testcase>`.
public struct CheckResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable { case passed, failed, error, skipped }

    /// What was checked, readable in a CI UI: "status is 422", "body matches schema", "total_item_count >= len(items)".
    public var name: String
    /// The check kind (`status`, `schema`, `invariant`, `walk.noDuplicateIds`, …).
    public var check: String
    public var status: Status
    /// Everything found; empty when passed. All schema errors are kept, not only the first.
    public var findings: [Finding]
    /// Why the check was skipped, when it was.
    public var skipReason: String?
    /// The identity of the one rule the check stands for, when its name is not stable enough: an
    /// invariant's `Invariant.identity`. Part of the check's id.
    public var rule: String?
    /// The check's stable id (`FindingIdentity`): set by the runner once the suite and target are known.
    public var id: String?
    /// The id without the target: equal for the same check of the same suite on two targets.
    public var sharedId: String?

    public init(name: String, check: String, status: Status, findings: [Finding] = [], skipReason: String? = nil,
                rule: String? = nil, id: String? = nil, sharedId: String? = nil) {
        self.name = name; self.check = check; self.status = status; self.findings = findings; self.skipReason = skipReason
        self.rule = rule; self.id = id; self.sharedId = sharedId
    }

    /// Passed when there are no findings, failed on any failure, error when only errors.
    public static func from(name: String, check: String, findings: [Finding], rule: String? = nil) -> CheckResult {
        let status: Status = findings.isEmpty ? .passed : (findings.contains { $0.kind == .failure } ? .failed : .error)
        return CheckResult(name: name, check: check, status: status, findings: findings, rule: rule)
    }
}
