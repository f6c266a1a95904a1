import ConformCore
import ConformSelftest
import Foundation

/// `conform selftest PATH...`: each suite against the conforming mock (must pass), then against every drift
/// of it (each must fail on the rule it breaks); prints the table and the surviving drifts (blind spots).
enum SelftestCommand {
    static let spec = CommandSpec(
        name: "selftest",
        summary: "Run each suite against the mock and against every drift; list blind spots.",
        usage: "conform selftest PATH... [--filter TEXT] [--min-coverage PERCENT] [--concurrency N] [--deadline SECONDS] [--verbose]",
        options: [
            OptionSpec("filter", value: "TEXT", help: "Only drifts whose name (or SUITE/NAME) contains TEXT."),
            OptionSpec("min-coverage", value: "PERCENT", help: "Fail when a suite's rule coverage is below PERCENT (default 0)."),
            OptionSpec("concurrency", value: "N", help: "Drifted runs in flight at once (default 2)."),
            OptionSpec("deadline", value: "SECONDS", help: "Whole-run deadline of each conforming or drifted run (default 30)."),
            OptionSpec("verbose", short: "v", help: "Show what each drift breaks and the failure that caught it."),
        ],
        discussion: """
        Each run starts its own mock on a free loopback port (127.0.0.1) with a generated test credential,
        so no API key is needed and nothing leaves the machine. A drift is caught when some failed check has
        the kind the drift breaks (✔); caught only by other kinds (~) is shown but not a survivor; a drift
        no check notices survives (✘): a rule of the suite that nothing checks.

        Rule coverage lists every rule of the suite (each schema keyword instance in a checked schema, each
        invariant, walk rule, cross-check, parameter rule, auth rejection and content type) as caught,
        survived, or without a drift (–, with the reason); the percentage is caught over all measured rules.
        Before the drifts, the conforming mock answers every request the suite will send in-process and
        checks each answer against the suite: a rule it cannot satisfy is printed (✘ the mock cannot satisfy …).

        EXIT CODES:
          0  every conforming run passed, no drift survived, coverage ≥ --min-coverage
          1  a conforming run failed, a drift survived, or coverage is below --min-coverage
          2  usage or suite error
        """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        var selftest = Selftest()
        var minimumCoverage = 0.0
        do throws(UsageError) {
            parsed = try ParsedArguments(args, spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            selftest.concurrency = try parsed.integer("concurrency", default: 2, range: 1...32)
            selftest.driftDeadline = try parsed.number("deadline", default: 30, range: 1...3600)
            selftest.filter = parsed.value("filter")
            minimumCoverage = try parsed.number("min-coverage", default: 0, range: 0...100)
            guard !parsed.positional.isEmpty else { throw UsageError(message: "no suite given: conform selftest PATH... (a suite file or a folder)") }
        } catch {
            Console.err("error: \(error.message)\nRun 'conform selftest --help' for usage.")
            return 2
        }
        let (suites, problems) = SuiteInputs.load(parsed.positional)
        guard problems.isEmpty else {
            for p in problems { Console.err(p) }
            Console.err("error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the suites; nothing was run")
            return 2
        }
        let surveyor = selftest
        let counts = Blocking.wait { await surveyor.driftCounts(suites) }
        if let filter = selftest.filter, counts.allSatisfy({ $0 == 0 }) {
            Console.err("error: --filter '\(filter)' matches no drift (see 'conform mock PATH --drift list')")
            return 2
        }
        let verbose = parsed.flag("verbose")
        let progress = SelftestProgress(total: counts.reduce(0, +))
        selftest.onDrift = { suite, _ in progress.advance(suite.id) }
        selftest.onSuite = { one in
            progress.clear()
            for line in SelftestTable.lines(for: one, verbose: verbose) { Console.out(paint(line)) }
            if !one.conformingPassed, let conforming = one.conforming {
                Console.out(Console.paint("  the conforming mock failed the suite:", .red))
                for line in SelftestOutput.conformingFailures(conforming) { Console.out("    " + line) }
            }
            Console.out("")
        }
        let work = selftest
        let result = Blocking.wait { await work.run(suites) }
        for line in SelftestTable.survivorLines(result) { Console.out(paint(line)) }
        for line in SelftestTable.summaryLines(result) { Console.out(line) }
        for s in result.suites where s.coverageFigure.percent + 1e-9 < minimumCoverage {
            Console.err("error: \(s.suite.id): rule coverage \(String(format: "%.1f", s.coverageFigure.percent))% is below --min-coverage \(String(format: "%g", minimumCoverage))%")
        }
        return result.exitCode(minimumCoverage: minimumCoverage)
    }

    /// Colours the verdict glyph at the start of a table row.
    static func paint(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        let indent = String(line.prefix(line.count - trimmed.count))
        for (glyph, color) in [("✔ ", Console.Color.green), ("~ ", .yellow), ("✘ ", .red)] where trimmed.hasPrefix(glyph) {
            return indent + Console.paint(String(glyph.dropLast()), color) + " " + trimmed.dropFirst(glyph.count)
        }
        if line.hasPrefix("Surviving drifts (blind spots): none") { return Console.paint(line, .green) }
        if line.hasPrefix("Surviving drifts") { return Console.paint(line, .red) }
        return line
    }
}
