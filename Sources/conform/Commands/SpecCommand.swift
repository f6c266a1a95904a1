import ConformCore
import ConformReport
import ConformSpec
import Foundation

/// `conform spec diff OLD NEW …` and `conform spec check SUITE --spec SPEC …`: spec drift, as a CI gate.
///
/// ```
/// $ conform spec diff v5-list.yaml v5-get.yaml --operation "GET /v5/models"
/// WARN response-property-enum-value-added  GET /v5/models  200 items[*].model_vendor
///      the enum value "xai" was added  [old v5-list.yaml:140 · new v5-get.yaml:135]  id 5c0f…
/// 1 change: 0 ERR, 1 WARN, 0 INFO
/// ```
enum SpecCommand {
    static let diffSpec = CommandSpec(
        name: "spec diff",
        summary: "Compare two versions of an OpenAPI document: every change with a rule id, a level and both locations.",
        usage: "conform spec diff OLD NEW [--operation \"METHOD /path\"]... [--fail-on ERR|WARN|INFO] [--markdown FILE] [--json FILE] [--ignore FILE]",
        options: sharedOptions + [],
        discussion: """
            OLD and NEW are OpenAPI 3.0 or 3.1 documents in YAML or JSON (one file, a tree of files joined by relative
            $refs, or a Markdown page holding the document in a ```yaml fence). Rule ids are oasdiff's where a rule
            matches one; docs/spec-drift.md lists them with their levels. Without --operation, schemas both documents
            name alike under components.schemas that no compared operation reaches are compared too (operation
            "components"), so two pages that share a schema but not an operation still show its drift.

            EXIT CODES:
              0  no change at or above --fail-on (default ERR)
              1  a change at or above --fail-on that the ignore file does not accept
              2  a document or ignore file that cannot be read, or a usage error
            """)

    static let checkSpec = CommandSpec(
        name: "spec check",
        summary: "Compare a suite with the OpenAPI document it encodes: where they disagree, with both locations.",
        usage: "conform spec check SUITE --spec SPEC [--operation \"METHOD /path\"]... [--fail-on ERR|WARN|INFO] [--markdown FILE] [--json FILE] [--ignore FILE]",
        options: [OptionSpec("spec", value: "SPEC", help: "The OpenAPI document the suite encodes (YAML, JSON or a Markdown page).")] + sharedOptions,
        discussion: """
            The suite's operations, parameters and response schemas are compared with the document's as if the suite
            were the old version and the document the new one, so the same rules apply: a member the document
            requires and the suite leaves optional, an enum closed differently, bounds that differ, an operation the
            document no longer has. Only operations the suite covers are compared (a document's other operations are
            not the suite's business).

            EXIT CODES:
              0  no disagreement at or above --fail-on (default WARN)
              1  a disagreement at or above --fail-on that the ignore file does not accept
              2  a suite, document or ignore file that cannot be read, or a usage error
            """)

    static let sharedOptions = [
        OptionSpec("operation", value: "\"METHOD /path\"", repeatable: true, help: "Compare only this operation (repeatable); path parameter names need not match."),
        OptionSpec("fail-on", value: "ERR|WARN|INFO", help: "Exit 1 when a change at or above this level is present."),
        OptionSpec("markdown", value: "FILE", help: "Also write the changes as Markdown (a PR comment, $GITHUB_STEP_SUMMARY)."),
        OptionSpec("json", value: "FILE", help: "Also write the changes as JSON (each with its id, for the ignore file)."),
        OptionSpec("ignore", value: "FILE", help: "Accepted changes, each with a reason: {\"baselineVersion\": 1, \"entries\": [{\"id\", \"reason\", \"expires\"?}]}."),
    ]

    static let usage = "USAGE: conform spec diff OLD NEW [options] | conform spec check SUITE --spec SPEC [options]\nRun 'conform spec --help' for details."

    static func run(_ args: [String]) -> Int32 {
        guard let sub = args.first, sub != "--help", sub != "-h" else {
            if args.first == nil { Console.err("error: 'spec' needs a subcommand: diff or check\n" + usage); return 2 }
            Console.out("conform spec — OpenAPI drift\n\nSUBCOMMANDS:\n  diff      \(diffSpec.summary)\n  check     \(checkSpec.summary)\n\n"
                        + diffSpec.helpText + "\n\n" + checkSpec.helpText)
            return 0
        }
        guard sub == "diff" || sub == "check" else {
            let hint = NearestName.find(sub, in: ["diff", "check"]).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("error: unknown subcommand 'spec \(sub)'\(hint)\n" + usage)
            return 2
        }
        let spec = sub == "diff" ? diffSpec : checkSpec
        let parsed: ParsedArguments
        let failOn: SpecLevel
        let today: String
        do throws(UsageError) {
            parsed = try ParsedArguments(Array(args.dropFirst()), spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            let text = parsed.value("fail-on") ?? (sub == "diff" ? "ERR" : "WARN")
            guard let level = SpecLevel(text) else { throw UsageError(message: "--fail-on must be ERR, WARN or INFO, got '\(text)'") }
            failOn = level
            today = try Today.date(environment: ProcessInfo.processInfo.environment).description
            if sub == "diff", parsed.positional.count != 2 {
                throw UsageError(message: "expected two documents, OLD and NEW; got \(parsed.positional.count)")
            }
            if sub == "check" {
                guard parsed.positional.count == 1 else { throw UsageError(message: "expected one suite file; got \(parsed.positional.count)") }
                guard parsed.value("spec") != nil else { throw UsageError(message: "--spec SPEC is required") }
            }
        } catch {
            Console.err("error: \(error.message)\nRun 'conform spec \(sub) --help' for usage.")
            return 2
        }
        let report: SpecChangeReport
        do throws(SpecError) {
            let ignore = try parsed.value("ignore").map { p throws(SpecError) in try SpecIgnoreFile(path: p) }
            let changes: [SpecChange]
            let title: String
            if sub == "diff" {
                let old = try OpenAPIDocument(path: parsed.positional[0])
                let new = try OpenAPIDocument(path: parsed.positional[1])
                let selectors = parsed.all("operation")
                // An operation may exist in one version only (that is a change), but not in neither.
                for selector in selectors where (try? old.select([selector])) == nil && (try? new.select([selector])) == nil {
                    _ = try new.select([selector])
                }
                changes = try SpecDiff.compare(old: .init(documents: old.documents, operations: try old.select(selectors, lenient: true)),
                                               new: .init(documents: new.documents, operations: try new.select(selectors, lenient: true)),
                                               components: selectors.isEmpty)
                title = "Spec diff: \(parsed.positional[0]) → \(parsed.positional[1])"
            } else {
                let suitePath = parsed.positional[0], specPath = parsed.value("spec")!
                let suite: Suite
                do { suite = try SuiteLoader.load(path: suitePath) } catch {
                    Console.err(error.rendered)
                    return 2
                }
                changes = try SpecCheck.compare(suite: suite, spec: OpenAPIDocument(path: specPath), operations: parsed.all("operation"))
                title = "Spec check: \(suitePath) against \(specPath)"
            }
            var open: [SpecChange] = []
            var accepted: [(change: SpecChange, reason: String)] = []
            for c in changes {
                if let e = ignore?.entry(for: c, today: today) { accepted.append((c, e.reason)) } else { open.append(c) }
            }
            report = SpecChangeReport(title: title, changes: open, accepted: accepted)
        } catch {
            Console.err(error.rendered)
            return 2
        }
        for line in report.text { Console.out(line) }
        var code: Int32 = report.changes.contains { $0.level >= failOn } ? 1 : 0
        if let path = parsed.value("markdown"), !write(report.markdown, to: path) { code = max(code, 2) }
        if let path = parsed.value("json"), !write(JSONWriter.write(report.json, pretty: true) + "\n", to: path) { code = max(code, 2) }
        return code
    }

    private static func write(_ text: String, to path: String) -> Bool {
        do { try ReportFile.write(text, to: path); return true } catch {
            Console.err("error: \(error)")
            return false
        }
    }
}
