/// `status`: the response status is one the case expects.
public enum StatusCheck {
    /// "status is 422", "status is one of 401, 403".
    public static func name(expected: [Int]) -> String {
        expected.count == 1 ? "status is \(expected[0])" : "status is one of " + expected.map(String.init).joined(separator: ", ")
    }

    /// Passes when `actual` is in `expected`. A 2xx where only non-2xx statuses were expected (a request
    /// that must be rejected) is called out as accepted, not merely "wrong status".
    public static func evaluate(expected: [Int], actual: Int, rule: RuleReference, citation: String? = nil) -> CheckResult {
        let name = name(expected: expected)
        guard !expected.contains(actual) else { return CheckResult(name: name, check: CheckKind.status.id, status: .passed) }
        let expectedText = expected.count == 1 ? "integer \(expected[0])" : "one of " + expected.map(String.init).joined(separator: ", ")
        let rejection = expected.allSatisfy { !(200..<300).contains($0) } && (200..<300).contains(actual)
        let title = rejection ? "request that must be rejected was accepted" : "status code"
        let detail = rejection
            ? "expected \(expectedText), got integer \(actual): the server accepted a request the contract says it rejects"
            : "expected \(expectedText), got integer \(actual)"
        let finding = rule.finding(check: CheckKind.status.id, title: title, detail: detail,
                                   expected: expectedText, actual: "integer \(actual)", citation: citation)
        return CheckResult.from(name: name, check: CheckKind.status.id, findings: [finding])
    }
}
