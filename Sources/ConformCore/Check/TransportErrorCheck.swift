/// `transport`: the request could not produce a response the checks can read.
public enum TransportErrorCheck {
    /// The check name in reports.
    public static let name = "request completes"

    /// An error (not a failure): the contract could not be checked because no answer came back.
    public static func evaluate(_ message: String, attempts: Int, rule: RuleReference) -> CheckResult {
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        // No rule location: the failure is the exchange's, not a rule's.
        let f = Finding(kind: .error, check: CheckKind.transport.id, title: "request could not complete", detail: "\(message)\(tries)")
        return CheckResult.from(name: name, check: CheckKind.transport.id, findings: [f])
    }
}
