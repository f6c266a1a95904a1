import ConformCore
import ConformReport
import Foundation

/// `conform diff BEFORE.json AFTER.json [--markdown FILE] [--json FILE] [--fail-on new|changed|none]`:
/// compares two results files by finding id (tonight against last night, this branch against main) and
/// prints what is new, fixed, still failing, added, removed, became an error or recovered.
enum DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        summary: "Compare two results files: new, fixed and still-failing findings, checks added or removed, errors.",
        usage: "conform diff BEFORE.json AFTER.json [--markdown FILE] [--json FILE] [--fail-on new|changed|none]",
        options: [
            OptionSpec("markdown", value: "FILE", help: "Write the diff as Markdown for a PR comment or job summary (under 60,000 characters)."),
            OptionSpec("json", value: "FILE", help: "Write the diff as JSON (format: reports/diff.schema.json)."),
            OptionSpec("fail-on", value: "new|changed|none",
                       help: "Exit 1 when: new — a finding is new or a check became an error (default); changed — anything changed but still-failing findings; none — never."),
        ],
        discussion: """
        BEFORE and AFTER are results files written by `conform run --json` (schemaVersion 2). Findings line up
        by id (reports/README.md, "Finding ids"); when the two files ran different suite texts or targets,
        the diff says so and still aligns what it can.

        EXIT CODES:
          0  nothing at or above --fail-on
          1  something at or above --fail-on (default: a new failure or a check that became an error)
          2  usage error, or a results file that cannot be read

        EXAMPLE:
          conform diff last-night/results.json results.json --markdown "$GITHUB_STEP_SUMMARY"
        """)

    /// What makes the command exit 1.
    enum FailOn: String, CaseIterable { case new, changed, none }

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        let failOn: FailOn
        do throws(UsageError) {
            parsed = try ParsedArguments(args, spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            guard parsed.positional.count == 2 else {
                throw UsageError(message: "expected two results files, BEFORE.json and AFTER.json; got \(parsed.positional.count)")
            }
            let text = parsed.value("fail-on") ?? "new"
            guard let value = FailOn(rawValue: text) else {
                let hint = NearestName.find(text, in: FailOn.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                throw UsageError(message: "--fail-on must be new, changed or none, got '\(text)'\(hint)")
            }
            failOn = value
        } catch {
            Console.err("error: \(error.message)\nRun 'conform diff --help' for usage.")
            return 2
        }
        let paths = parsed.positional
        var runs: [RunResult] = []
        for path in paths {
            do { runs.append(try ResultsFiles.decode(file: path)) } catch {
                Console.err("error: \(error.description)")
                return 2
            }
        }
        let diff = RunDiff(before: runs[0], after: runs[1])
        let catalog = CatalogDiff.compare(before: runs[0], after: runs[1])
        let code = exitCode(diff, failOn: failOn)
        Console.out(summary(diff, before: paths[0], after: paths[1]))
        Console.out(catalogSummary(catalog))
        var writeFailed = false
        if let path = parsed.value("markdown") {
            let markdown = DiffMarkdown.render(diff, beforeName: paths[0], afterName: paths[1],
                                               catalog: catalog.comparisons.isEmpty ? [] : [catalog.markdown()])
            writeFailed = !write(markdown, to: path, what: "Markdown") || writeFailed
        }
        if let path = parsed.value("json") {
            let text = DiffJSON.render(diff, before: .init(path: paths[0], startedAt: runs[0].startedAt),
                                       after: .init(path: paths[1], startedAt: runs[1].startedAt), failOn: failOn.rawValue, exitCode: code,
                                       extra: [("catalog", catalog.jsonValue)])
            writeFailed = !write(text, to: path, what: "JSON") || writeFailed
        }
        return writeFailed && code == 0 ? 2 : code
    }

    /// 1 when the diff holds something at or above `failOn`, else 0.
    static func exitCode(_ diff: RunDiff, failOn: FailOn) -> Int32 {
        switch failOn {
        case .new: return diff.count(.new) > 0 || diff.count(.becameError) > 0 ? 1 : 0
        case .changed: return diff.hasChanges ? 1 : 0
        case .none: return 0
        }
    }

    /// The console lines: counts, then one line per new, fixed and became-an-error entry (at most 20 each).
    static func summary(_ diff: RunDiff, before: String, after: String) -> String {
        var lines = ["\(before) → \(after): " + RunDiff.Change.allCases.map { $0.counted(diff.count($0)) }.joined(separator: ", ")]
        for p in diff.pairings {
            if p.suiteChanged { lines.append("note: suite \(p.suite) changed between the runs") }
            if p.targetDiffers { lines.append("note: suite \(p.suite) ran against \(p.beforeTarget ?? "") before and \(p.afterTarget ?? "") after; aligned by target-free ids") }
            if !p.isPaired { lines.append("note: suite \(p.suite) is only in the \(p.beforeTarget == nil ? "after" : "before") run") }
        }
        for (change, mark) in [(RunDiff.Change.new, "✘ new"), (.becameError, "⚠ became an error"), (.fixed, "✔ fixed")] {
            let entries = diff.entries(change)
            for e in entries.prefix(20) {
                let what = e.finding.map { f in
                    f.title + (f.argument.map { " " + JSONWriter.quote($0) } ?? "") + (f.pointer.map { " at \($0.isEmpty ? "(body)" : $0)" } ?? "")
                } ?? (e.errorDetail ?? e.checkName)
                lines.append("  \(mark): \(e.suite) › \(e.caseName) › \(e.checkName): \(what)")
            }
            if entries.count > 20 { lines.append("  … and \(entries.count - 20) more \(change.title)") }
        }
        return lines.joined(separator: "\n")
    }

    /// One line per compared listing: `catalog scale-v4 › list: 3 added, 1 removed (1 confirmed), 2 changed`.
    static func catalogSummary(_ catalog: CatalogDiff) -> String {
        guard !catalog.comparisons.isEmpty else { return "catalog: no listings recorded in both runs" }
        return catalog.comparisons.map { c in
            let head = "catalog \(c.suite) › \(c.operation): "
            if let why = c.inconclusive { return head + "inconclusive — \(why)" }
            return head + "\(c.added.count) added, \(c.removed.count) removed (\(c.confirmedRemovals) confirmed), \(c.changed.count) changed, \(c.unchanged) unchanged"
        }.joined(separator: "\n")
    }

    private static func write(_ text: String, to path: String, what: String) -> Bool {
        do {
            try ReportFile.write(text, to: path)
            Console.out("\(what) diff: \(path)")
            return true
        } catch {
            Console.err("error: \(error)")
            return false
        }
    }
}
