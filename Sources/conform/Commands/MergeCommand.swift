import ConformCore
import ConformReport
import Foundation

/// `conform merge RESULTS.json... [--junit FILE] [--markdown FILE] [--json FILE]`: one run out of the
/// results of `conform run --shard I/N` jobs; fails closed (exit 2) when a shard is missing or given twice,
/// the shards split the run differently, or they ran other suite texts or targets.
enum MergeCommand {
    static let spec = CommandSpec(
        name: "merge",
        summary: "Combine the results of sharded runs (conform run --shard I/N) into one run and its reports.",
        usage: "conform merge RESULTS.json... [--junit FILE] [--markdown FILE] [--json FILE]",
        options: [
            OptionSpec("junit", value: "FILE", help: "Write the merged run as JUnit XML."),
            OptionSpec("markdown", value: "FILE", help: "Write the merged run as Markdown."),
            OptionSpec("json", value: "FILE", help: "Write the merged results (format: reports/results.schema.json, shard null)."),
        ],
        discussion: """
        Every shard 1…N must be given exactly once, all with the same N, the same suites, suite hashes and
        targets; otherwise nothing is written and the command says what is missing, duplicated or mismatched.
        The merged tally, check ids and findings are those of the unsharded run; within a suite, cases come
        shard by shard.

        EXIT CODES:
          0  every check held
          1  a check failed
          2  usage error, an unreadable results file, or shards that do not make one whole run
          3  checks could not run and none failed

        EXAMPLE:
          conform merge shard-1/results.json shard-2/results.json shard-3/results.json --junit junit.xml --markdown "$GITHUB_STEP_SUMMARY"
        """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        do throws(UsageError) {
            parsed = try ParsedArguments(args, spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            guard !parsed.positional.isEmpty else { throw UsageError(message: "no results file given: conform merge RESULTS.json...") }
        } catch {
            Console.err("error: \(error.message)\nRun 'conform merge --help' for usage.")
            return 2
        }
        var parts: [ShardMerge.Part] = []
        for path in parsed.positional {
            do { parts.append(ShardMerge.Part(path: path, run: try ResultsFiles.decode(file: path))) } catch {
                Console.err("error: \(error.description)")
                return 2
            }
        }
        let merged: RunResult
        do { merged = try ShardMerge.merge(parts) } catch {
            for p in error.problems { Console.err("error: \(p)") }
            Console.err("nothing was written: the shards do not make one whole run")
            return 2
        }
        let t = merged.counts
        Console.out("merged \(parts.count) shard\(parts.count == 1 ? "" : "s"): \(t.passed) passed, \(t.failed) failed, \(t.errors) errors, \(t.skipped) skipped (\(t.total) checks in \(merged.suites.reduce(0) { $0 + $1.cases.count }) cases)")
        var writeFailed = false
        for (what, path, render) in [("JUnit", parsed.value("junit"), JUnitReport.render), ("Markdown", parsed.value("markdown"), MarkdownReport.render),
                                     ("JSON", parsed.value("json"), JSONReport.render)] as [(String, String?, (RunResult) -> String)] {
            guard let path else { continue }
            do {
                try ReportFile.write(render(merged), to: path)
                Console.out("\(what) report: \(path)")
            } catch {
                Console.err("error: \(error)")
                writeFailed = true
            }
        }
        return writeFailed && merged.exitCode == 0 ? 2 : merged.exitCode
    }
}
