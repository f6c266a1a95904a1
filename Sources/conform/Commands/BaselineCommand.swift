import ConformCore
import ConformReport
import Foundation

/// `conform baseline add RESULTS.json --reason TEXT [--expires YYYY-MM-DD] [--ticket URL] [--id ID]... --to FILE`:
/// accepts a run's failures (or the chosen ones) into a baseline file, creating it when absent:
///
///     $ conform baseline add results.json --reason "vendor omits owned_by" --expires 2026-12-31 --to baseline.json
///     baseline.json: 1 entry added, 0 already listed (lastSeen updated), 1 entry in all
enum BaselineCommand {
    static let addSpec = CommandSpec(
        name: "baseline add",
        summary: "Accept a run's failures (or the chosen ids) into a baseline file, with a reason.",
        usage: "conform baseline add RESULTS.json --reason TEXT [--expires YYYY-MM-DD] [--ticket URL] [--id ID]... --to FILE",
        options: [
            OptionSpec("reason", value: "TEXT", help: "Why the failures are accepted (required, non-empty)."),
            OptionSpec("expires", value: "YYYY-MM-DD", help: "Last day the entries accept the failure; from the day after it fails the run again."),
            OptionSpec("ticket", value: "URL", help: "The http(s) URL of the ticket that tracks the fix."),
            OptionSpec("id", value: "ID", repeatable: true, help: "Add only this finding id (repeatable); default: every failing finding of the run."),
            OptionSpec("to", value: "FILE", help: "The baseline file (created when absent; existing entries and their dates are kept)."),
        ],
        discussion: """
            RESULTS.json is the --json output of 'conform run' (reports/results.schema.json). The file written
            follows reports/baseline.schema.json. Entries already in FILE keep their reason, ticket, expiry and
            firstSeen; their lastSeen becomes the run's date. New entries get firstSeen = lastSeen = the run's date.

            EXIT CODES:
              0  the baseline was written
              2  usage error, unreadable results or baseline, an empty reason or an unknown --id (nothing written)

            EXAMPLE:
              conform run suites/ --json results.json
              conform baseline add results.json --reason "vendor omits owned_by (T-12)" --expires 2026-12-31 --to baseline.json
              conform run suites/ --baseline baseline.json
            """)

    static let usage = "USAGE: " + addSpec.usage + "\nRun 'conform baseline add --help' for details."

    static func run(_ args: [String]) -> Int32 {
        guard let sub = args.first, sub != "--help", sub != "-h" else {
            if args.first == nil { Console.err("error: 'baseline' needs a subcommand: add\n" + usage); return 2 }
            Console.out("conform baseline — accepted failures with a reason and an expiry\n\nSUBCOMMANDS:\n  add       "
                        + addSpec.summary + "\n\nA baseline is read by 'conform run --baseline FILE [--allow-stale]'.\n\n" + addSpec.helpText)
            return 0
        }
        guard sub == "add" else {
            let hint = NearestName.find(sub, in: ["add"]).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("error: unknown subcommand 'baseline \(sub)'\(hint)\n" + usage)
            return 2
        }
        do {
            let parsed = try ParsedArguments(Array(args.dropFirst()), spec: addSpec)
            if parsed.helpRequested { Console.out(addSpec.helpText); return 0 }
            return try add(parsed)
        } catch {
            Console.err("error: \(error.message)\n" + usage)
            return 2
        }
    }

    private static func add(_ parsed: ParsedArguments) throws(UsageError) -> Int32 {
        guard parsed.positional.count == 1, let resultsPath = parsed.positional.first else {
            throw UsageError(message: "give exactly one RESULTS.json (got \(parsed.positional.count))")
        }
        guard let reason = parsed.value("reason") else { throw UsageError(message: "--reason TEXT is required: say why the failures are accepted") }
        guard let to = parsed.value("to") else { throw UsageError(message: "--to FILE is required (the baseline to write)") }
        var expires: BaselineDate?
        if let text = parsed.value("expires") {
            guard let d = BaselineDate(text) else { throw UsageError(message: "--expires must be a date YYYY-MM-DD, got '\(text)'") }
            expires = d
        }
        let run: RunResult
        do { run = try ResultsFiles.decode(file: resultsPath) } catch {
            Console.err("error: \(error.description)")
            return 2
        }
        guard var baseline = BaselineLoading.load(to, missingIsEmpty: true) else { return 2 }
        // The run's own date (its startedAt), so re-adding an old results file does not claim it was seen today.
        var seenOn = BaselineDate(String(run.startedAt.prefix(10)))
        if seenOn == nil { seenOn = try Today.date(environment: ProcessInfo.processInfo.environment) }
        let addition: BaselineFile.Addition
        let text: String
        do {
            addition = try baseline.adding(run, reason: reason, expires: expires, ticket: parsed.value("ticket"),
                                           ids: parsed.all("id"), seenOn: seenOn!)
            text = try baseline.render()
        } catch let error as BaselineAddError {
            Console.err("error: \(error.message); \(to) was not written")
            return 2
        } catch {
            Console.err("error: \(error); \(to) was not written")
            return 2
        }
        do { try ReportFile.write(text, to: to) } catch {
            Console.err("error: \(error)")
            return 2
        }
        Console.out("\(to): \(count(addition.added.count, "entry", "entries")) added, \(addition.refreshed.count) already listed (lastSeen updated), "
                    + "\(count(baseline.entries.count, "entry", "entries")) in all")
        return 0
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }
}
