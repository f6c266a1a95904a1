/// `json`: the body is complete, valid JSON; returns the parsed value for the checks that follow.
public enum JSONBodyCheck {
    /// The check name in reports.
    public static let name = "body is JSON"

    /// Parses the body. Truncated, empty, HTML, invalid UTF-8 or malformed bodies become failures that
    /// quote the start of the body, so the reader sees what came back instead of JSON.
    public static func evaluate(_ response: ObservedResponse, rule: RuleReference) -> (result: CheckResult, value: JSONValue?) {
        var findings: [Finding] = []
        let start = response.excerpt(limit: 120)
        if response.truncated {
            let got = response.body.count
            let want = response.declaredLength.map { " of \($0) announced" } ?? ""
            findings.append(rule.finding(check: CheckKind.json.id, title: "truncated body",
                detail: "the connection closed after \(got) bytes\(want); body starts: \(start)",
                expected: response.declaredLength.map { "\($0) bytes" }, actual: "\(got) bytes"))
            return (CheckResult.from(name: name, check: CheckKind.json.id, findings: findings), nil)
        }
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            findings.append(rule.finding(check: CheckKind.json.id, title: "empty body",
                detail: "expected a JSON document, got an empty body", expected: "JSON", actual: "empty body"))
            return (CheckResult.from(name: name, check: CheckKind.json.id, findings: findings), nil)
        }
        do {
            let value = try JSONParser.parse(response.body)
            return (CheckResult(name: name, check: CheckKind.json.id, status: .passed), value)
        } catch {
            let html = looksLikeHTML(response.body)
            let title = html ? "HTML instead of JSON" : "body is not valid JSON"
            let detail = html
                ? "expected JSON, got HTML (Content-Type \(response.header("Content-Type") ?? "none")); body starts: \(start)"
                : "\(error.message) at byte \(error.offset); body starts: \(start)"
            findings.append(rule.finding(check: CheckKind.json.id, title: title, detail: detail,
                                         expected: "JSON", actual: html ? "HTML" : "invalid JSON"))
            return (CheckResult.from(name: name, check: CheckKind.json.id, findings: findings), nil)
        }
    }

    static func looksLikeHTML(_ body: [UInt8]) -> Bool {
        let head = String(decoding: body.prefix(64), as: UTF8.self).drop { $0.isWhitespace || $0 == "\u{FEFF}" }.lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
    }
}
