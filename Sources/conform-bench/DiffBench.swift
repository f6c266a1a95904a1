import ConformCore
import ConformReport
import Foundation

/// `conform-bench --diff`: `conform diff` on two nights of a large catalog — both results files read,
/// findings and catalogs compared, Markdown and JSON rendered — next to `JSONSerialization` merely parsing
/// the same two files, measured in the same run.
///
/// Night 2 differs from night 1 the way real catalogs drift: 1 % of the models removed, 1 % added, 1 %
/// with a changed member; and 200 cases each with one finding, half of them moved to another member.
enum DiffBench {
    static func run(items: Int, repetitions: Int, json: Bool) throws {
        let night1 = try results(items: items, night: 1), night2 = try results(items: items, night: 2)
        let megabytes = Double(night1.utf8.count + night2.utf8.count) / 1_000_000
        var summary = ""
        let diff = try BenchTimer.best(repetitions) { () -> Int in
            let before = try JSONReport.decode(night1), after = try JSONReport.decode(night2)
            let runs = RunDiff(before: before, after: after)
            let catalog = CatalogDiff.compare(before: before, after: after)
            let markdown = DiffMarkdown.render(runs, beforeName: "night1.json", afterName: "night2.json", catalog: [catalog.markdown()])
            let text = DiffJSON.render(runs, before: .init(path: "night1.json", startedAt: before.startedAt),
                                       after: .init(path: "night2.json", startedAt: after.startedAt), failOn: "new", exitCode: 1,
                                       extra: [("catalog", catalog.jsonValue)])
            let c = catalog.comparisons.first
            summary = "\(runs.count(.new)) new, \(runs.count(.fixed)) fixed, \(runs.count(.stillFailing)) still failing; catalog "
                + "\(c?.added.count ?? 0) added, \(c?.removed.count ?? 0) removed, \(c?.changed.count ?? 0) changed"
            return markdown.count + text.count
        }
        let peak = BenchTimer.peakResidentMB()
        let data1 = Data(night1.utf8), data2 = Data(night2.utf8)
        let foundation = try BenchTimer.best(repetitions) { (try JSONSerialization.jsonObject(with: data1), try JSONSerialization.jsonObject(with: data2)) }
        if json {
            print(String(format: "{\"diff_items\":%d, \"diff_input_mb\":%.2f, \"diff_ms\":%.2f, \"diff_cpu_ms\":%.2f, \"foundation_parse_ms\":%.2f, \"diff_peak_rss_mb\":%.1f}",
                         items, megabytes, diff.seconds * 1000, diff.cpuSeconds * 1000, foundation.seconds * 1000, peak ?? -1))
            return
        }
        print(String(format: "conform diff of two nights, %d models each: results files %.2f MB together, best of %d", items, megabytes, repetitions))
        print("  " + summary)
        print(String(format: "  read both + compare + render Markdown and JSON   %8.1f ms wall  %8.1f ms CPU   goal < 1000 ms", diff.seconds * 1000, diff.cpuSeconds * 1000))
        print(String(format: "  JSONSerialization parsing both (baseline)        %8.1f ms wall  %8.1f ms CPU", foundation.seconds * 1000, foundation.cpuSeconds * 1000))
        if let peak { print(String(format: "  peak RSS %.1f MB", peak)) }
    }

    /// One night's results file text.
    static func results(items: Int, night: Int) throws -> String {
        let page = try JSONParser.parse(ModelPage(itemCount: items).bytes())
        var models = page["items"]?.arrayValue ?? []
        let step = 100
        if night == 2 {
            for i in stride(from: 0, to: models.count, by: step) {
                guard case .object(var o) = models[i] else { continue }
                o["display_name"] = .string("renamed on night 2")
                models[i] = .object(o)
            }
            models = models.enumerated().filter { $0.offset % step != 1 }.map(\.element)
            for i in 0..<(items / step) {
                guard case .object(var o) = models[i] else { continue }
                o["id"] = .string("added-\(i)")
                models.append(.object(o))
            }
        }
        let listing = CatalogListing.record(operation: "list", source: "walk:walk", itemId: "id", status: .complete,
                                            requests: items / 100, items: models, redact: { $0 })
        var cases: [CaseResult] = []
        for i in 0..<200 {
            let member = night == 2 && i % 2 == 0 ? "size" : "digest"
            let shared = FindingIdentity.hash(["case-\(i)", "schema.required", member])
            let finding = Finding(check: "schema.required", title: "required property", detail: "missing required property \"\(member)\"",
                                  pointer: "/items/\(i)", rulePointer: "/definitions/Model/required", expected: "property \"\(member)\"",
                                  actual: "missing", argument: member, id: FindingIdentity.hash(["bench", shared]), sharedId: shared)
            let checkShared = FindingIdentity.hash(["case-\(i)", "schema"])
            cases.append(CaseResult(id: "case-\(i)", operation: "list", name: "GET /models?page=\(i)", curl: "curl 'http://bench/models?page=\(i)'",
                                    checks: [CheckResult.from(name: "body matches schema", check: "schema", findings: [finding])].map {
                                        var c = $0; c.id = FindingIdentity.hash(["bench", checkShared]); c.sharedId = checkShared; return c
                                    }))
        }
        let suite = SuiteResult(suite: "bench", title: "Bench", file: "bench.json", baseURL: "http://bench", target: "bench",
                                suiteHash: SHA256.hex("bench"), cases: cases, catalogs: [listing])
        return JSONReport.render(RunResult(version: ConformVersion.current, startedAt: "2026-11-\(night)T04:00:00Z", durationSeconds: 1, suites: [suite]))
    }
}
