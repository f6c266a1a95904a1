import Foundation
import ConformCore

/// `conform`: entry point; dispatches to one command per file under Commands/.
/// Exit codes: 0 all held · 1 a check failed · 2 usage or suite error · 3 checks could not run.
nonisolated(unsafe) let commands: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("run", "Run suites against a live server (or a mock) and write reports.", RunCommand.run),
    ("compat", "Run suites against many targets (a targets file) and build one aligned compatibility matrix.", CompatCommand.run),
    ("merge", "Combine the results of sharded runs (run --shard I/N) into one run; fails closed.", MergeCommand.run),
    ("diff", "Compare two results files: new, fixed, still failing, checks added or removed, errors.", DiffCommand.run),
    ("validate", "Check suite files strictly; list every problem with file:line:col.", ValidateCommand.run),
    ("schema", "Validate JSON files against a JSON Schema: conform schema check …", SchemaCommand.run),
    ("import", "Generate a suite from an OpenAPI document: conform import openapi SPEC -o SUITE.json", ImportCommand.run),
    ("spec", "Spec drift: conform spec diff OLD NEW (rule ids, levels), conform spec check SUITE --spec SPEC.", SpecCommand.run),
    ("mock", "Serve the suites' operations from a synthesised dataset (optionally drifted).", MockCommand.run),
    ("baseline", "Accept known failures with a reason and an expiry: conform baseline add …", BaselineCommand.run),
    ("trend", "Tabulate and chart many nights of results per suite and target (Markdown, SVG).", TrendCommand.run),
    ("selftest", "Run each suite against the mock and against every drift; list blind spots.", SelftestCommand.run),
    ("demo", "Start the mock, run every suite in suites/, write reports/out/, show one drifted run.", DemoCommand.run),
]

func topLevelHelp() -> String {
    var lines = ["conform \(ConformVersion.current) — contract-conformance harness for model-listing APIs", "",
                 "USAGE: conform <command> [options]", "", "COMMANDS:"]
    for c in commands { lines.append("  " + c.name.padding(toLength: 10, withPad: " ", startingAt: 0) + c.summary) }
    lines += ["", "Run 'conform help <command>' (or 'conform <command> --help') for a command's options.",
              "Every command also takes --ascii: print + x > -> instead of ✔ ✘ › → (automatic when the locale is not UTF-8).", "",
              "Results go to standard output, diagnostics (errors, warnings, hints, progress) to standard error.", "",
              "EXIT CODES:", "  0  every check held", "  1  a check failed (also when failures and errors mix)",
              "  2  usage or suite error (nothing was sent)",
              "  3  checks could not run (unreachable, timeouts, TLS) and none failed, or a report could not be written after sending"]
    return lines.joined(separator: "\n")
}

// A reader that goes away (`conform run … | head -1`) must not kill the run before its reports are written:
// writes to a closed pipe fail with EPIPE instead, and Console stops writing to that stream.
signal(SIGPIPE, SIG_IGN)

var argv = Array(CommandLine.arguments.dropFirst())
// `--ascii` is taken by every command, anywhere before `--`.
let optionsEnd = argv.firstIndex(of: "--") ?? argv.endIndex
if argv[..<optionsEnd].contains("--ascii") {
    Console.ascii = true
    argv = argv[..<optionsEnd].filter { $0 != "--ascii" } + argv[optionsEnd...]
}
guard let first = argv.first else {
    Console.err(topLevelHelp())
    exit(2)
}
switch first {
case "--help", "-h", "help":
    // `conform help run` is `conform run --help`.
    if first == "help", argv.count > 1 {
        guard let command = commands.first(where: { $0.name == argv[1] }) else {
            let hint = NearestName.find(argv[1], in: commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("error: unknown command '\(argv[1])'\(hint)\nRun 'conform --help' for the list of commands.")
            exit(2)
        }
        exit(command.run(["--help"]))
    }
    Console.out(topLevelHelp())
    exit(0)
case "--version", "-V":
    Console.out("conform \(ConformVersion.current)")
    exit(0)
default:
    guard let command = commands.first(where: { $0.name == first }) else {
        let hint = NearestName.find(first, in: commands.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
        Console.err("error: unknown command '\(first)'\(hint)\nRun 'conform --help' for the list of commands.")
        exit(2)
    }
    exit(command.run(Array(argv.dropFirst())))
}
