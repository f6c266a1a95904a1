import ConformCore
import Foundation

/// `conform demo`: the README's first command. Runs every suite in `suites/` against the conforming mock,
/// writes the three reports, then shows — labelled as a demonstration — one drifted run and its failure.
enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo",
        summary: "Start the mock, run every suite in suites/, write reports/out/, show one drifted run.",
        usage: "conform demo [--suites DIR] [--reports DIR] [--port N] [--drift SUITE/NAME] [--quiet]",
        options: [
            OptionSpec("suites", value: "DIR", help: "Folder (or file) of suites (default: suites/ in the current directory)."),
            OptionSpec("reports", value: "DIR", help: "Where the reports go (default: reports/out/, which git ignores)."),
            OptionSpec("port", value: "N", help: "Serve the mocks on ports N, N+1, … in suite order (default: free ports)."),
            OptionSpec("drift", value: "SUITE/NAME", help: "The drift of the demonstration (default: an enum value outside its enum in the v5 list)."),
            OptionSpec("quiet", short: "q", help: "Print only failing cases and the summaries."),
        ],
        discussion: """
        Needs no API key and no network beyond loopback: each suite gets its own mock on a free port of
        127.0.0.1, and the runner sends generated test credentials (your environment's keys are not read).
        Writes DIR/junit.xml, DIR/report.md, DIR/report.html and DIR/results.json for the conforming run,
        and the same files under DIR/drift-demo/ for the demonstration's drifted run. The committed samples
        in reports/samples/ were written this way (--reports reports/samples).

        EXIT CODES:
          0  every suite passed against the conforming mock and the demonstration's drift was caught
          1  a suite failed against the conforming mock, or the drift was not caught
          2  usage or suite error, or no suites found (nothing was run)
          3  the mock could not start, checks could not run, or a report could not be written
        """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(args, spec: spec)
        } catch {
            Console.err("error: \(error.message)\nRun 'conform demo --help' for usage.")
            return 2
        }
        if parsed.helpRequested { Console.out(spec.helpText); return 0 }
        guard parsed.positional.isEmpty else {
            Console.err("error: conform demo takes no arguments (use --suites DIR), got '\(parsed.positional[0])'")
            return 2
        }
        let folder = parsed.value("suites") ?? "suites"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            Console.err("error: no suites at '\(folder)': run conform demo from the repository's root (it has suites/), or pass --suites DIR")
            return 2
        }
        let port: Int?
        do { port = parsed.value("port") == nil ? nil : try parsed.integer("port", default: 0, range: 1...65_000) } catch {
            Console.err("error: \(error.message)\nRun 'conform demo --help' for usage.")
            return 2
        }
        var demo = DemoRun(suitesPath: folder, reportsDirectory: parsed.value("reports") ?? DemoRun.defaultReports,
                           driftName: parsed.value("drift"), verbosity: parsed.flag("quiet") ? .quiet : .normal)
        demo.firstPort = port
        return demo.execute()
    }
}
