import ConformCore
import ConformReport
import ConformRun
import Foundation

/// `conform run PATH...`: loads every suite, checks every credential variable, then sends, checks and
/// writes reports. Nothing is sent unless every suite loaded and every required credential is set.
enum RunCommand {
    static let spec = CommandSpec(
        name: "run",
        summary: "Run suites against a live server (or a mock) and write reports.",
        usage: "conform run PATH... [options]",
        options: [
            OptionSpec("base-url", value: "URL", help: "Send every suite to this base URL instead of its baseUrl (may carry a path prefix)."),
            OptionSpec("target-name", value: "NAME", help: "Label the target in every report and finding id (default: the base URL's host:port)."),
            OptionSpec("junit", value: "FILE", stdout: true, help: "Write a JUnit XML report (replaced atomically; - for standard output)."),
            OptionSpec("markdown", value: "FILE", stdout: true, help: "Write a Markdown report sized for a PR comment (under 60,000 characters; - for standard output)."),
            OptionSpec("json", value: "FILE", stdout: true, help: "Write the JSON results (format: reports/results.schema.json; - for standard output)."),
            OptionSpec("html", value: "FILE", stdout: true, help: "Write one self-contained HTML page with every finding (- for standard output)."),
            OptionSpec("timeout", value: "SECONDS", help: "Per-request timeout (default 30)."),
            OptionSpec("deadline", value: "SECONDS", help: "Whole-run deadline; requests after it are errors (default none)."),
            OptionSpec("concurrency", value: "N", help: "Cases in flight at once (default 4); a walk's pages stay in order."),
            OptionSpec("retries", value: "N", help: "Retries on connection errors, 429 and 503, honouring Retry-After (default 2)."),
            OptionSpec("max-body", value: "BYTES", help: "Largest response body read (default 67108864 = 64 MiB); larger is an error."),
            WalkBudgetOption.spec,
        ] + NetworkOptions.specs(insecure: true) + [
            OptionSpec("filter", value: "PATTERN", help: "Only cases whose id or name contains PATTERN (or matches it as a glob with *)."),
            OptionSpec("shard", value: "I/N", help: "Run only part I of N of the cases (a deterministic partition by case; a walk stays whole); combine the N results with conform merge."),
            OptionSpec("var", value: "NAME=VALUE", repeatable: true,
                       help: "Define a variable (repeatable): ${NAME} in case, walk and cross-check query/path values becomes VALUE; expressions read it as request.vars.NAME (a number or boolean when VALUE is one)."),
            OptionSpec("baseline", value: "FILE", help: "Accept the failures listed in FILE (reports/baseline.schema.json): known ones do not fail the run; new, expired and stale entries do."),
            OptionSpec("allow-stale", help: "With --baseline: a stale entry (its failure is fixed) is a warning instead of a failure."),
            OptionSpec("confirm-removals", value: "BEFORE.json",
                       help: "Fetch by id (through the suite's get-by-id operation) each model BEFORE.json's catalog listed that this run's listing lacks; 404/410 confirms the removal (at most 50 per listing)."),
            OptionSpec("quiet", short: "q", help: "Print only failing cases and the summary."),
            OptionSpec("verbose", short: "v", help: "Also print passed and skipped checks, and every case's attempts."),
        ],
        discussion: """
        PATH is a suite file or a folder of suites (its *.json files, *.schema.json excepted).
        The credential is read from the environment variable each suite names in auth.env; its value is
        redacted from every output (console, reports, curl lines) and never sent to another origin.
        https is verified against the system trust store unless --cacert, CURL_CA_BUNDLE, SSL_CERT_FILE or
        SSL_CERT_DIR say otherwise (TLS 1.2 or later, host name checked). Proxies: https_proxy/HTTPS_PROXY
        (a CONNECT tunnel), http_proxy (absolute-form requests), all_proxy, no_proxy/NO_PROXY, as curl reads
        them (docs/tls.md).

        A report FILE of - goes to standard output, and the console lines go to standard error (one - per run).

        EXIT CODES:
          0  every check held
          1  a check failed (also when failures and errors mix)
          2  usage or suite error, a required credential variable is unset or cannot be sent in a header, or
             the TLS or proxy settings cannot be used (nothing was sent)
          3  checks could not run (unreachable, timeouts, TLS, body over --max-body) and none failed,
             or a report could not be written (requests were sent; a failed check still exits 1)
        With --baseline: 1 means a new or expired failure, or a stale entry without --allow-stale; known
        failures count as accepted; an unusable baseline file is 2 (nothing was sent). "Today" for expiry
        is the UTC date, or CONFORM_TODAY=YYYY-MM-DD (for tests and reproducible CI).

        EXAMPLE:
          SGP_API_KEY=… conform run suites/scale-gp-v5-list-models.json --base-url http://127.0.0.1:8080 --junit junit.xml
        """)

    static func run(_ args: [String]) -> Int32 {
        let invocation: RunInvocation
        do {
            let parsed = try ParsedArguments(args, spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            invocation = try RunInvocation(parsed)
        } catch {
            Console.err("error: \(error.message)\nRun 'conform run --help' for usage.")
            return 2
        }
        return invocation.execute()
    }
}
