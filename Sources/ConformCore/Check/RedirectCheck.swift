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

    /// `scheme://host:port` of a URL string, with the default port made explicit.
    public static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var rest = url[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = rest.lowercased()
        let hasPort = host.hasPrefix("[") ? host.contains("]:") : host.contains(":")
        if !hasPort { host += scheme == "https" ? ":443" : ":80" }
        return "\(scheme)://\(host)"
    }
}
