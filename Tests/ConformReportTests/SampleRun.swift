import ConformCore

/// A hand-built run that exercises every path of the reports: passes, a failure with 312 aggregated findings
/// out of 400 items, retries, an unreachable target, skips, a case without checks, and hostile text
/// (ANSI escapes, NUL, `]]>`, `<script>`, pipes, backticks, emoji, noncharacters) in every field it can reach.
enum SampleRun {
    /// The text a hostile server or suite might put anywhere.
    static let hostile = "\u{1B}[31mred\u{1B}[0m NUL:\u{0} end:]]> <script>alert('x&y')</script> | `tick` 🚀 \u{FFFE}\u{7F}\u{202E}\r\nline2 **bold** [link](http://x)"

    static var run: RunResult {
        RunResult(version: "0.1.0-test", startedAt: "2026-11-22T04:00:00Z", durationSeconds: 2.5,
                  suites: [modelsSuite, hostileSuite])
    }

    /// 400 items; 312 have a slash-separated date, one has an unknown vendor.
    static var listBody: String {
        let items = (0..<400).map { i -> String in
            let date = i % 100 < 78 ? "2023/11/07" : "2023-11-07T00:00:00Z"
            let vendor = i == 7 ? "MISTRAL" : "openai"
            return "{\"id\":\"m\(i)\",\"created_at\":\"\(date)\",\"model_vendor\":\"\(vendor)\"}"
        }
        return "{\"items\":[" + items.joined(separator: ",") + "],\"total_item_count\":400}"
    }

    static var modelsSuite: SuiteResult {
        let body = listBody
        var findings: [Finding] = []
        for i in 0..<400 where i % 100 < 78 {
            findings.append(Finding(check: "schema.format", title: "date-time format",
                                    detail: "actual string \"2023/11/07\"; expected an RFC 3339 date-time",
                                    pointer: "/items/\(i)/created_at",
                                    rulePointer: "/definitions/Model/properties/created_at/format",
                                    ruleLocation: "suites/scale-v5.json:41:23", expected: "string in date-time format",
                                    actual: "string \"2023/11/07\"", citation: "created_at: RFC 3339 date-time of creation"))
        }
        findings.insert(Finding(check: "schema.enum", title: "enum membership",
                                detail: "actual string \"MISTRAL\"; expected one of \"openai\", \"cohere\"",
                                pointer: "/items/7/model_vendor", rulePointer: "/definitions/Model/properties/model_vendor/enum",
                                ruleLocation: "suites/scale-v5.json:44:20", expected: "one of \"openai\", \"cohere\"",
                                actual: "string \"MISTRAL\"", citation: "model_vendor is one of the listed vendors"), at: 5)
        let request = RecordedRequest(method: "GET", url: "http://127.0.0.1:8080/v5/models",
                                      headers: [Header("x-api-key", "$SGP_API_KEY"), Header("user-agent", "conform/0.1.0-test")])
        let list = CaseResult(
            id: "list.default", operation: "listModels", name: "GET /v5/models › lists models", citation: "GET /v5/models lists models",
            request: request, attempts: [Attempt(number: 1, status: 200, durationSeconds: 0.3)],
            response: RecordedResponse(status: 200, headers: [Header("Content-Type", "application/json")],
                                       bodySize: body.utf8.count, bodyExcerpt: body),
            durationSeconds: 0.3, curl: "curl -sS 'http://127.0.0.1:8080/v5/models' -H 'x-api-key: $SGP_API_KEY'",
            checks: [
                CheckResult(name: "status is 200", check: "status", status: .passed),
                CheckResult.from(name: "body matches schema", check: "schema", findings: findings),
                CheckResult(name: "total_item_count >= len(items)", check: "invariant", status: .passed),
            ])
        let limit = CaseResult(
            id: "list.limit.above-maximum", operation: "listModels", name: "GET /v5/models?limit=1001 › rejects limit above maximum",
            request: RecordedRequest(method: "GET", url: "http://127.0.0.1:8080/v5/models?limit=1001", headers: []),
            attempts: [Attempt(number: 1, status: 503, durationSeconds: 0.01, waitSeconds: 1),
                       Attempt(number: 2, status: 200, durationSeconds: 0.012)],
            response: RecordedResponse(status: 200, headers: [], bodySize: 11, bodyExcerpt: "{\"items\":[]"),
            durationSeconds: 1.022, curl: "curl -sS 'http://127.0.0.1:8080/v5/models?limit=1001'",
            checks: [CheckResult.from(name: "status is 422", check: "status", findings: [
                Finding(check: "status", title: "status code", detail: "actual integer 200; expected integer 422",
                        expected: "integer 422", actual: "integer 200", citation: "limit: maximum 1000"),
            ])])
        let missing = CaseResult(
            id: "get.missing", operation: "getModel", name: "GET /v5/models/{id} › unknown id is 404",
            checks: [CheckResult(name: "status is 404", check: "status", status: .skipped,
                                 skipReason: "getModel is not in this API version")])
        return SuiteResult(suite: "scale-v5", title: "Scale GP v5 models", file: "suites/scale-v5.json",
                           baseURL: "http://127.0.0.1:8080", target: "127.0.0.1:8080", suiteHash: SHA256.hex("scale-v5"),
                           cases: stamped([list, limit, missing]), durationSeconds: 1.5, startedAt: "2026-11-22T04:00:00Z")
    }

    static var hostileSuite: SuiteResult {
        let nasty = CaseResult(
            id: "hostile.\(hostile)", operation: "list|\(hostile)", name: "GET /echo?q=\(hostile)", citation: hostile,
            request: RecordedRequest(method: "GET", url: "http://127.0.0.1:9/api/echo", headers: [Header("x-echo", hostile)]),
            attempts: [Attempt(number: 1, status: 200, durationSeconds: 0.0004)],
            response: RecordedResponse(status: 200, headers: [Header("Content-Type", "text/html")], bodySize: 4096, bodyExcerpt: hostile),
            durationSeconds: 0.0004, curl: "curl -sS 'http://127.0.0.1:9/api/echo' -d '```\(hostile)'",
            checks: [CheckResult.from(name: "echo is JSON \(hostile)", check: "body.json", findings: [
                Finding(check: "body.json", title: "not JSON \(hostile)", detail: hostile, pointer: "",
                        expected: "a JSON body", actual: "string \"\(hostile)\"", citation: "# not a heading\n1. not a list \(hostile)"),
                Finding(check: "body.json", title: "odd key", detail: hostile, pointer: "/a~1b/0/\(hostile)",
                        expected: hostile, actual: hostile),
            ])])
        let unreachable = CaseResult(
            id: "unreachable", operation: "listModels", name: "GET /api/models › answers",
            request: RecordedRequest(method: "GET", url: "http://127.0.0.1:9/api/models", headers: []),
            attempts: (1...3).map { Attempt(number: $0, error: "connection refused", durationSeconds: 0.001, waitSeconds: $0 < 3 ? 0.5 : nil) },
            durationSeconds: 1.003, curl: "curl -sS 'http://127.0.0.1:9/api/models'",
            checks: [CheckResult.from(name: "status is 200", check: "status", findings: [
                Finding(kind: .error, check: "transport", title: "connection refused",
                        detail: "nothing listens on 127.0.0.1:9 (3 attempts)"),
            ])])
        let empty = CaseResult(id: "no-checks", operation: "listModels", name: "GET /api/models › made no checks")
        return SuiteResult(suite: "hostile", title: "Title \(hostile)", file: "suites/hostile|\(hostile).json",
                           baseURL: "http://127.0.0.1:9/api?x=\(hostile)", cases: [nasty, unreachable, empty],
                           durationSeconds: 1.0, startedAt: "2026-11-22T04:00:01Z")
    }

    /// Ids as the runner would give them (built here from case, check and wildcarded pointer: no suite model).
    static func stamped(_ cases: [CaseResult]) -> [CaseResult] {
        cases.map { c in
            var c = c
            for k in c.checks.indices {
                c.checks[k].id = FindingIdentity.hash([c.id, c.checks[k].check, c.checks[k].name])
                for f in c.checks[k].findings.indices {
                    let finding = c.checks[k].findings[f]
                    let wild = finding.pointer.flatMap { JSONPointer($0)?.wildcarded.description } ?? ""
                    c.checks[k].findings[f].id = FindingIdentity.hash([c.id, c.checks[k].name, finding.check, finding.rulePointer ?? "", wild])
                    c.checks[k].findings[f].sharedId = FindingIdentity.hash(["shared", c.id, c.checks[k].name, finding.check, finding.rulePointer ?? "", wild])
                }
                for o in c.checks[k].omitted.indices {
                    let counted = c.checks[k].omitted[o]
                    c.checks[k].omitted[o].id = FindingIdentity.hash([c.id, c.checks[k].name, counted.check, counted.rulePointer ?? "", counted.pointer ?? ""])
                    c.checks[k].omitted[o].sharedId = FindingIdentity.hash(["shared", c.id, c.checks[k].name, counted.check, counted.rulePointer ?? "", counted.pointer ?? ""])
                }
            }
            return c
        }
    }
}
