import Foundation

/// `content-type`: the response carries the documented media type.
public enum ContentTypeCheck {
    /// "content-type is application/json".
    public static func name(expected: String) -> String { "content-type is \(expected)" }

    /// Compares media types without parameters, case-insensitively. `application/json` also accepts a
    /// structured `+json` type (`application/problem+json`), which is JSON by definition (RFC 6839).
    public static func evaluate(expected: String, response: ObservedResponse, rule: RuleReference) -> CheckResult {
        let name = name(expected: expected)
        let want = mediaType(expected)
        guard let header = response.header("Content-Type") else {
            let f = rule.finding(check: CheckKind.contentType.id, title: "content type missing",
                                 detail: "expected \(want), got no Content-Type header", expected: want, actual: "none")
            return CheckResult.from(name: name, check: CheckKind.contentType.id, findings: [f])
        }
        let got = mediaType(header)
        let matches = got == want || (want == "application/json" && got.hasPrefix("application/") && got.hasSuffix("+json"))
        if matches { return CheckResult(name: name, check: CheckKind.contentType.id, status: .passed) }
        let f = rule.finding(check: CheckKind.contentType.id, title: "content type",
                             detail: "expected \(want), got \(JSONValue.trim(header, 80))", expected: want,
                             actual: "string \(JSONWriter.quote(JSONValue.trim(header, 80)))")
        return CheckResult.from(name: name, check: CheckKind.contentType.id, findings: [f])
    }

    /// `Application/JSON; charset=utf-8` → `application/json`.
    public static func mediaType(_ value: String) -> String {
        let base = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? value
        return base.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
