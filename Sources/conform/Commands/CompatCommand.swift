import ConformCore
import ConformReport
import ConformRun
import Foundation

/// `conform compat SUITE... --targets FILE`: every suite against every target of a targets file, one
/// matrix aligned by `sharedId`, written as Markdown, HTML, JSON and JUnit (docs/compat.md).
enum CompatCommand {
    static let spec = CommandSpec(
        name: "compat",
        summary: "Run suites against many targets and build one aligned compatibility matrix.",
        usage: "conform compat SUITE... --targets FILE [--markdown FILE] [--html FILE] [--json FILE] [--junit FILE] [options]\n       conform compat --from RESULTS.json... [--targets FILE] [--markdown FILE] [--html FILE] [--json FILE] [--junit FILE]",
        options: [
            OptionSpec("from", help: "Build the matrix from results files of separate jobs (conform run --target-name NAME --json) instead of running suites; with --targets, in its order and with its labels."),
            OptionSpec("targets", value: "FILE", help: "The targets file (format: suites/targets.schema.json): name, baseUrl, credentials, labels per target."),
            OptionSpec("markdown", value: "FILE", help: "Write the matrix as Markdown: scores, the differing rules as GFM tables, failures per target (under 60,000 characters)."),
            OptionSpec("html", value: "FILE", help: "Write the matrix as one self-contained HTML page (no external requests; filters and an evidence panel)."),
            OptionSpec("json", value: "FILE", help: "Write the matrix as JSON (format: reports/compat.schema.json)."),
            OptionSpec("junit", value: "FILE", help: "Write JUnit XML with one <testsuite> per suite × target, named 'suite @ target'."),
            OptionSpec("target-concurrency", value: "N", help: "Targets measured at once (default 4)."),
            OptionSpec("concurrency", value: "N", help: "Cases in flight at once per target (default 4); a walk's pages stay in order."),
            OptionSpec("timeout", value: "SECONDS", help: "Per-request timeout (default 30)."),
            OptionSpec("retries", value: "N", help: "Retries on connection errors, 429 and 503, honouring Retry-After (default 2)."),
            OptionSpec("max-body", value: "BYTES", help: "Largest response body read (default 67108864 = 64 MiB); larger is an error."),
            WalkBudgetOption.spec,
            OptionSpec("filter", value: "PATTERN", help: "Only cases whose id or name contains PATTERN (or matches it as a glob with *)."),
        ] + NetworkOptions.specs(insecure: false),
        discussion: """
        Each target gets only its own secret: credentials maps the variable a suite names to the variable
        holding that target's secret; a suite variable a target does not map is sent to it without a
        credential (map it to itself to use the suite's own variable). Every target's secret is redacted from
        every output. A cell is pass, fail (classified: member missing, null where not allowed, wrong type,
        value outside the enum, format, bound, invariant, status, content type, pagination), not implemented
        (404/405 or HTML), not checked after a failure, error (harness: unreachable, timeout, TLS) or skipped.
        Score = passed / applicable; a target whose every check errored is "not measured", never 0 %.

        EXIT CODES:
          0  every target holds every rule
          1  a target fails a rule
          2  usage, suite or targets-file error, or a mapped credential variable is unset (nothing was sent)
          3  a target could not be measured (or a check could not run) and none failed

        EXAMPLE:
          LITELLM_MASTER_KEY=… conform compat suites/openai-list-models.json --targets targets.json --html compat.html --markdown "$GITHUB_STEP_SUMMARY"
        """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        var options: RunOptions
        let maxBody: Int, targetConcurrency: Int
        let targetsPath: String
        let network: NetworkOptions
        do throws(UsageError) {
            parsed = try ParsedArguments(args, spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            guard !parsed.positional.isEmpty else {
                throw UsageError(message: parsed.flag("from") ? "no results file given: conform compat --from RESULTS.json..." : "no suite given: conform compat SUITE... --targets FILE")
            }
            let path = parsed.value("targets")
            guard path != nil || parsed.flag("from") else { throw UsageError(message: "--targets FILE is required (format: suites/targets.schema.json)") }
            targetsPath = path ?? ""
            let timeout = try parsed.number("timeout", default: 30, range: 0.001...86_400)
            let concurrency = try parsed.integer("concurrency", default: 4, range: 1...256)
            let retries = try parsed.integer("retries", default: 2, range: 0...20)
            targetConcurrency = try parsed.integer("target-concurrency", default: 4, range: 1...256)
            maxBody = try parsed.integer("max-body", default: 64 << 20, range: 1...(1 << 40))
            options = RunOptions(timeout: timeout, concurrency: concurrency, retryPolicy: RetryPolicy(retries: retries),
                                 filter: parsed.value("filter"))
            try WalkBudgetOption.apply(parsed, to: &options)
            network = try NetworkOptions(parsed)
            options.compressed = network.compressed
        } catch {
            Console.err("error: \(error.message)\nRun 'conform compat --help' for usage.")
            return 2
        }
        if parsed.flag("from") { return fromResults(parsed) }
        let (suites, problems) = SuiteInputs.load(parsed.positional)
        let targets: [Target]
        do { targets = try TargetsLoader.load(path: targetsPath) } catch {
            Console.err(error.rendered)
            Console.err("error: the targets file did not load; nothing was sent")
            return 2
        }
        guard problems.isEmpty else {
            for p in problems { Console.err(p) }
            Console.err("error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the suites; nothing was sent")
            return 2
        }
        let environment = ProcessInfo.processInfo.environment
        let missing = TargetCredentials.missing(targets, suites: suites, environment: environment)
        guard missing.isEmpty else {
            for m in missing {
                Console.err("error: target '\(m.target)' maps \(m.suiteVariable) (suite '\(m.suite)') to environment variable \(m.targetVariable), which is unset or empty")
            }
            Console.err("nothing was sent: set the variable\(missing.count == 1 ? "" : "s") above (or mark the suite's auth optional)")
            return 2
        }
        var unsendable = 0
        for target in targets {
            let credentials = TargetCredentials(target: target, environment: environment)
            for u in Runner.unsendableCredentials(in: suites, environment: credentials.environment) {
                unsendable += 1
                Console.err("error: target '\(target.name)': the credential in \(credentials.names[u.env] ?? u.env) (for \(u.env), suite '\(u.suite.id)') cannot be sent in an HTTP header: it holds \(u.problem)")
            }
        }
        guard unsendable == 0 else {
            Console.err("nothing was sent: fix the variable\(unsendable == 1 ? "" : "s") above")
            return 2
        }
        for target in targets {
            for suite in TargetCredentials.unmapped(target, suites: suites) {
                Console.err("note: target '\(target.name)' maps no credential for \(suite.auth?.env ?? "") (suite '\(suite.id)'): its requests go without one")
            }
        }
        let transport: NetworkTransport
        switch network.transport(maxBody: maxBody, environment: environment) {
        case .success(let t): transport = t
        case .failure(let problem):
            Console.err("error: \(problem.message); nothing was sent")
            return 2
        }
        var withProxySecrets = options
        withProxySecrets.otherSecrets += transport.configuration.proxy.secrets
        let runner = CompatRunner(transport: transport, options: withProxySecrets, environment: environment, targetConcurrency: targetConcurrency)
        let runs = Blocking.wait {
            await runner.run(suites, targets: targets) { run in
                let t = run.result.counts
                Console.out("\(run.target.name) → \(run.target.baseURL): \(t.passed) passed, \(t.failed) failed, \(t.errors) errors, \(t.skipped) skipped")
            }
        }
        return report(runs, parsed)
    }

    /// Prints the scores and writes the chosen reports; returns the exit code.
    static func report(_ runs: [TargetRun], _ parsed: ParsedArguments) -> Int32 {
        let matrix = CompatMatrix(runs)
        Console.out("")
        let width = matrix.columns.map(\.name.count).max() ?? 0
        for c in matrix.columns { Console.out("  \(c.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(c.score.text)") }
        Console.out("Interop: \(matrix.interop) of \(matrix.rows.count) rules pass on every measured target (\(matrix.measuredColumns.count) of \(matrix.columns.count) measured)")
        var writeFailed = false
        let outputs: [(String, String?, () -> String)] = [
            ("Markdown", parsed.value("markdown"), { CompatMarkdown.render(matrix) }),
            ("HTML", parsed.value("html"), { CompatHTML.render(matrix) }),
            ("JSON", parsed.value("json"), { CompatJSON.render(matrix) }),
            ("JUnit", parsed.value("junit"), { JUnitReport.render(runs) }),
        ]
        for (what, path, render) in outputs {
            guard let path else { continue }
            do {
                try ReportFile.write(render(), to: path)
                Console.out("\(what) report: \(path)")
            } catch {
                Console.err("error: \(error)")
                writeFailed = true
            }
        }
        return writeFailed && matrix.exitCode == 0 ? 2 : matrix.exitCode
    }

    /// `--from`: the matrix of results files written by separate jobs.
    static func fromResults(_ parsed: ParsedArguments) -> Int32 {
        guard !parsed.positional.isEmpty else {
            Console.err("error: no results file given: conform compat --from RESULTS.json...\nRun 'conform compat --help' for usage.")
            return 2
        }
        var files: [(path: String, run: RunResult)] = []
        for path in parsed.positional {
            do { files.append((path, try ResultsFiles.decode(file: path))) } catch {
                Console.err("error: \(error.description)")
                return 2
            }
        }
        var targets: [Target]?
        if let path = parsed.value("targets") {
            do { targets = try TargetsLoader.load(path: path) } catch {
                Console.err(error.rendered)
                return 2
            }
        }
        do { return report(try CompatInputs.runs(from: files, targets: targets), parsed) } catch {
            for p in error.problems { Console.err("error: \(p)") }
            return 2
        }
    }
}
