import ConformCore
import Foundation

/// Hand-built nights for the trend tests: each suite night fails the named rules (one finding each), has
/// some passing checks and some errors.
enum TrendNights {
    /// One suite's night: `failing` names the members reported missing by its schema check (each a distinct
    /// failure), `catalog` the ids of the models listed (each item's content hash is `hash-ID` unless `changed`
    /// names it), nil for a run that recorded no catalog.
    struct SuiteNight {
        var suite = "scale-v5"
        var title = "Scale GP v5 models"
        var baseURL = "http://127.0.0.1:8080"
        var failing: [String] = []
        var passed = 5
        var errors = 0
        var target = ""
        /// Whether findings carry their `id`, as results.json does (false: results built without one).
        var ids = true
        var catalog: [String]? = nil
        var changed: Set<String> = []
        var catalogStatus = CatalogListing.Status.complete
    }

    static func run(_ date: String, _ suites: [SuiteNight]) -> RunResult {
        RunResult(version: "0.1.0-test", startedAt: date, durationSeconds: 1, suites: suites.map(suite))
    }

    static func run(_ date: String, failing: [String], errors: Int = 0, ids: Bool = true) -> RunResult {
        run(date, [SuiteNight(failing: failing, errors: errors, ids: ids)])
    }

    static func suite(_ night: SuiteNight) -> SuiteResult {
        var checks = (0..<night.passed).map { CheckResult(name: "check \($0)", check: "status", status: .passed) }
        // One schema check every night: failing with a finding per missing member, or passing.
        checks.append(CheckResult.from(name: "body matches schema", check: "schema", findings: night.failing.map { member in
            Finding(check: "schema.required", title: "required member", detail: "missing member \"\(member)\"",
                    pointer: "/items/3", rulePointer: "/definitions/Model/required", argument: member,
                    id: night.ids ? "\(night.suite)-required-\(member)" : nil)
        }))
        checks += (0..<night.errors).map { i in
            CheckResult.from(name: "reachable \(i)", check: "transport", findings: [
                Finding(kind: .error, check: "transport", title: "unreachable", detail: "connection refused", rulePointer: "/transport/\(i)"),
            ])
        }
        return SuiteResult(suite: night.suite, title: night.title, file: "suites/\(night.suite).json", baseURL: night.baseURL,
                           target: night.target,
                           cases: [CaseResult(id: "list.default", operation: "listModels", name: "GET /v5/models", checks: checks)],
                           durationSeconds: 1, startedAt: "",
                           catalogs: night.catalog.map { ids in
                               [CatalogListing(operation: "listModels", source: "catalog", itemId: "id", status: night.catalogStatus, requests: 1,
                                               items: ids.map { CatalogItem(id: $0, hash: SHA256.digest(of: ("hash-\($0)" + (night.changed.contains($0) ? "-v2" : "")).utf8), members: nil) })]
                           } ?? [])
    }

    /// A temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-trend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
