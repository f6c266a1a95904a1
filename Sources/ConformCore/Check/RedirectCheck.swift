/// `redirect`: a redirect to another origin is refused, and reported.
public enum RedirectCheck {
    /// The check name in reports.
    public static let name = "no redirect to another origin"

    /// The finding for a refused cross-origin redirect (`from` and `to` already redacted).
    public static func evaluate(from: String, to: String, rule: RuleReference) -> CheckResult {
        let f = rule.finding(check: CheckKind.redirect.id, title: "redirect to another origin refused",
            detail: "\(origin(of: from)) redirects to \(origin(of: to)) (\(JSONValue.trim(to, 100))); Conform does not follow it and never sends the credential there",
            expected: "an answer from \(origin(of: from))", actual: "redirect to \(JSONValue.trim(to, 80))")
        return CheckResult.from(name: name, check: CheckKind.redirect.id, findings: [f])
    }

    /// `scheme://host:port` of a URL string for messages (`Origin`), or the text itself when it has none.
    public static func origin(of url: String) -> String { Origin(url)?.description ?? url }
}
