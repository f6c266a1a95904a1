@testable import ConformReport
import ConformCore

/// A small run and baseline covering every class: ids are written out so each test reads what it checks.
enum BaselineFixtures {
    static let known = "1111111111111111", expired = "2222222222222222", new = "3333333333333333"
    static let staleId = "4444444444444444", erroredId = "5555555555555555", filteredId = "6666666666666666"
    static let goneId = "7777777777777777", otherTargetId = "8888888888888888", soonId = "9999999999999999"
    static let failingCheck = "aaaaaaaaaaaaaaa1", passingCheck = "aaaaaaaaaaaaaaa2", erroredCheck = "aaaaaaaaaaaaaaa3"

    static func failure(_ id: String, _ title: String) -> Finding {
        Finding(check: "schema.required", title: title, detail: "missing", pointer: "/data/0", id: id)
    }

    /// Suite `s` against target `t`: case `list` fails with three findings, `auth` passes, `broken` errors; `page` was filtered out.
    static func run(failing ids: [String] = [known, expired, new]) -> RunResult {
        let failed = CheckResult(name: "body matches schema", check: "schema", status: ids.isEmpty ? .passed : .failed,
                                 findings: ids.map { failure($0, "required property \($0.prefix(1))") }, id: failingCheck)
        let passed = CheckResult(name: "status is 401", check: "status", status: .passed, id: passingCheck)
        let errored = CheckResult(name: "status is 200", check: "status", status: .error,
                                  findings: [Finding(kind: .error, check: "transport", title: "timed out", detail: "after 5 s")], id: erroredCheck)
        var suite = SuiteResult(suite: "s", title: "S", file: "s.json", baseURL: "http://t", target: "t", suiteHash: "h", cases: [
            CaseResult(id: "list", operation: "list", name: "GET /models", checks: [failed]),
            CaseResult(id: "auth", operation: "list", name: "GET /models › no key", checks: [passed]),
            CaseResult(id: "broken", operation: "list", name: "GET /models › broken", checks: [errored]),
        ], startedAt: "2026-11-20T04:00:00Z")
        suite.unselected = ["page"]
        return RunResult(version: "0.1.0", startedAt: "2026-11-20T04:00:00Z", durationSeconds: 1, suites: [suite])
    }

    static func entry(_ id: String, check: String?, caseId: String?, target: String = "t", expires: String? = nil) -> BaselineEntry {
        BaselineEntry(id: id, reason: "reason \(id.prefix(1))", expires: expires.flatMap(BaselineDate.init), check: check,
                      suite: "s", target: target, caseId: caseId, checkKind: "schema", title: "t")
    }

    /// One entry per class; `today` in the tests is 2026-11-23.
    static let baseline = BaselineFile(entries: [
        entry(known, check: failingCheck, caseId: "list", expires: "2027-01-31"),
        entry(expired, check: failingCheck, caseId: "list", expires: "2026-11-22"),
        entry(staleId, check: passingCheck, caseId: "auth"),
        entry(erroredId, check: erroredCheck, caseId: "broken"),
        entry(filteredId, check: "aaaaaaaaaaaaaaa4", caseId: "page"),
        entry(goneId, check: "aaaaaaaaaaaaaaa5", caseId: "removed-case"),
        entry(otherTargetId, check: failingCheck, caseId: "list", target: "elsewhere"),
    ])

    static let today = BaselineDate("2026-11-23")!
}
