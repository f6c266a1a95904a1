/// `body-size`: the body stayed under the size cap.
public enum BodySizeCheck {
    /// The check name in reports.
    public static let name = "body fits the size cap"

    /// Passes when the body was read whole; over the cap is an error (its checks cannot run).
    public static func evaluate(received: Int, declared: Int?, cap: Int, overCap: Bool, rule: RuleReference) -> CheckResult {
        guard overCap else { return CheckResult(name: name, check: CheckKind.bodySize.id, status: .passed) }
        let size = declared.map { "\($0) bytes announced" } ?? "more than \(cap) bytes"
        let f = rule.finding(kind: .error, check: CheckKind.bodySize.id, title: "body over the size cap",
                             detail: "\(size); reading stopped at the cap of \(cap) bytes (--max-body)",
                             expected: "at most \(cap) bytes", actual: size)
        return CheckResult.from(name: name, check: CheckKind.bodySize.id, findings: [f])
    }
}
