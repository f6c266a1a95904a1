import ConformCore
import ConformReport
import ConformRun
import Foundation

/// A checked `conform run` command line, ready to execute.
struct RunInvocation {
    var paths: [String]
    var options: RunOptions
    var maxBody: Int
    var junit: String?
    var markdown: String?
    var json: String?
    var html: String?
    var verbosity: ConsoleReporter.Verbosity
    /// `--baseline FILE` and `--allow-stale`.
    var baseline: String?
    var allowStale: Bool
    /// `--cacert`, `--insecure`, `--cert`, `--key`.
    var network: NetworkOptions

    init(_ parsed: ParsedArguments) throws(UsageError) {
        guard !parsed.positional.isEmpty else { throw UsageError(message: "no suite given: conform run PATH... (a suite file or a folder)") }
        if parsed.flag("quiet") && parsed.flag("verbose") { throw UsageError(message: "--quiet and --verbose exclude each other") }
        paths = parsed.positional
        let timeout = try parsed.number("timeout", default: 30, range: 0.001...86_400)
        let deadline = parsed.value("deadline") == nil ? nil : try parsed.number("deadline", default: 0, range: 0.001...604_800)
        let concurrency = try parsed.integer("concurrency", default: 4, range: 1...256)
        let retries = try parsed.integer("retries", default: 2, range: 0...20)
        maxBody = try parsed.integer("max-body", default: 64 << 20, range: 1...(1 << 40))
        var baseURL = parsed.value("base-url")
        if let url = baseURL {
            let lower = url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.count > 8, !url.contains("?"), !url.contains("#") else {
                throw UsageError(message: "--base-url must be an absolute http(s) URL without query or fragment, got '\(url)'")
            }
            while baseURL?.hasSuffix("/") == true { baseURL?.removeLast() }
        }
        var variables: [String: String] = [:]
        for definition in parsed.all("var") {
            guard let eq = definition.firstIndex(of: "=") else {
                throw UsageError(message: "--var expects NAME=VALUE, got '\(definition)'")
            }
            let name = String(definition[..<eq])
            guard let first = name.first, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw UsageError(message: "--var name '\(name)' must be letters, digits and _ (not starting with a digit)")
            }
            guard !["request", "response", "body", "page", "item", "true", "false", "null"].contains(name) else {
                throw UsageError(message: "--var name '\(name)' is reserved by the expression language")
            }
            variables[name] = String(definition[definition.index(after: eq)...])
        }
        let targetName = parsed.value("target-name")
        if let name = targetName {
            guard !name.isEmpty, name.count <= 100, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw UsageError(message: "--target-name must be 1 to 100 printable characters, got \(JSONWriter.quote(name))")
            }
        }
        options = RunOptions(timeout: timeout, deadline: deadline, concurrency: concurrency,
                             retryPolicy: RetryPolicy(retries: retries), baseURL: baseURL,
                             filter: parsed.value("filter"), variables: variables)
        options.targetName = targetName
        try WalkBudgetOption.apply(parsed, to: &options)
        if let text = parsed.value("shard") {
            guard let shard = Shard(text) else { throw UsageError(message: "--shard expects I/N with 1 <= I <= N <= 1000, got '\(text)'") }
            options.shard = shard
        }
        if let before = parsed.value("confirm-removals") { options.previousCatalogs = try Self.previousCatalogs(before) }
        junit = parsed.value("junit"); markdown = parsed.value("markdown"); json = parsed.value("json"); html = parsed.value("html")
        if [junit, markdown, json, html].filter({ $0 == "-" }).count > 1 {
            throw UsageError(message: "only one report can go to standard output (-) per run")
        }
        verbosity = parsed.flag("quiet") ? .quiet : (parsed.flag("verbose") ? .verbose : .normal)
        baseline = parsed.value("baseline"); allowStale = parsed.flag("allow-stale")
        if allowStale && baseline == nil { throw UsageError(message: "--allow-stale needs --baseline FILE") }
        network = try NetworkOptions(parsed)
        options.insecureTLS = network.insecure
        options.compressed = network.compressed
    }

    /// Loads, preflights, runs, reports. Returns the exit code.
    func execute() -> Int32 {
        Console.stdoutTakenByReport = [junit, markdown, json, html].contains("-")
        let (suites, problems) = SuiteInputs.load(paths)
        guard problems.isEmpty else {
            for p in problems { Console.err(p) }
            Console.err("error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the suites; nothing was sent")
            return 2
        }
        let environment = ProcessInfo.processInfo.environment
        var accepted: (file: BaselineFile, today: BaselineDate)?
        if let path = baseline {
            guard let file = BaselineLoading.load(path) else { Console.err("nothing was sent"); return 2 }
            do { accepted = (file, try Today.date(environment: environment)) } catch {
                Console.err("error: \(error.message); nothing was sent")
                return 2
            }
        }
        let missing = Runner.missingCredentials(in: suites, environment: environment)
        guard missing.isEmpty else {
            for m in missing {
                Console.err("error: suite '\(m.suite.id)' (\(m.suite.file.source.path)) needs the credential in environment variable \(m.env), which is unset or empty")
            }
            Console.err("nothing was sent: set the variable\(missing.count == 1 ? "" : "s") above (or mark the suite's auth optional)")
            return 2
        }
        let unsendable = Runner.unsendableCredentials(in: suites, environment: environment)
        guard unsendable.isEmpty else {
            for u in unsendable {
                Console.err("error: the credential in \(u.env) (suite '\(u.suite.id)') cannot be sent in an HTTP header: it holds \(u.problem) (often a trailing newline from a file or a secret store)")
            }
            Console.err("nothing was sent: fix the variable\(unsendable.count == 1 ? "" : "s") above")
            return 2
        }
        // TLS and proxy settings are checked like credentials: before anything is sent, on every scheme.
        let transport: NetworkTransport
        switch network.transport(maxBody: maxBody, environment: environment) {
        case .success(let t): transport = t
        case .failure(let problem):
            Console.err("error: \(problem.message); nothing was sent")
            return 2
        }
        if network.insecure { Console.err("warning: \(RunResult.insecureTLSWarning)") }
        var options = self.options
        options.otherSecrets += transport.configuration.proxy.secrets
        let selection = self.options
        let planned = suites.reduce(0) { total, suite in
            let plan = SuitePlan(suite: suite)
            let inShard = { (id: String) in selection.shard?.selects(suite: suite.id, caseId: id) ?? true }
            return total + plan.cases.filter { selection.selects(id: $0.id, name: $0.name) && inShard($0.id) }.count
                + plan.walks.filter { selection.selects(id: $0.id, name: $0.name) && inShard($0.id) }.count
                + plan.crossChecks.filter { selection.selects(id: $0.id, name: $0.name) && inShard($0.id) }.count
        }
        // An empty shard still writes its (empty) results, so the merge sees every shard.
        if planned == 0 && selection.shard == nil {
            Console.err("error: " + (selection.filter.map { "--filter '\($0)' matches no case" } ?? "the suites plan no case") + "; nothing was sent")
            return 2
        }
        let reporter = ConsoleReporter(verbosity: verbosity, totalCases: planned)
        let known = accepted
        options.onCase = { suite, result in
            // Known failures print as accepted while the run goes on, not as failures to act on.
            reporter.caseFinished(suite, known.map { BaselineClassifier.marked(result, baseline: $0.file, today: $0.today) } ?? result)
        }
        options.onSuite = { suite, baseURL in reporter.suiteStarted(suite, baseURL: baseURL) }
        let runner = Runner(transport: transport, options: options, environment: environment)
        var result = Blocking.wait { await runner.run(suites) }
        if let accepted, let path = baseline {
            result = BaselineClassifier.classify(result, against: accepted.file, file: path, today: accepted.today, allowStale: allowStale)
        }
        reporter.finish()
        for suiteResult in result.suites {
            if let suite = suites.first(where: { $0.id == suiteResult.suite }), let hint = PathPrefixHint.hint(for: suite, result: suiteResult) {
                Console.err(hint)
            }
        }
        if verbosity != .quiet { Console.out("") }
        Console.out(reporter.summary(result))
        if result.insecureTLS == true { Console.out(Console.paint(RunResult.insecureTLSWarning, .red)) }
        if let summary = result.baseline { BaselineConsole.print(summary, run: result) }
        if options.previousCatalogs != nil { CatalogConsole.lines(result).forEach(Console.out) }
        var writeFailed = false
        for (flag, path, render) in [("JUnit", junit, JUnitReport.render), ("Markdown", markdown, MarkdownReport.render),
                                     ("JSON", json, JSONReport.render), ("HTML", html, RunHTML.render)] as [(String, String?, (RunResult) -> String)] {
            guard let path else { continue }
            if path == "-" { Console.report(render(result)); continue }
            do {
                // The results file is written as it is made: a big catalog's is never held whole.
                if flag == "JSON" { try JSONReport.write(result, to: path) } else { try ReportFile.write(render(result), to: path) }
                Console.out("\(flag) report: \(path)")
            } catch {
                Console.err("error: \(error)")
                writeFailed = true
            }
        }
        // Requests went out, so never 2 ("nothing was sent"): a lost report makes the run incomplete (3),
        // unless a check failed (1 says more).
        if writeFailed && result.exitCode == 0 { return 3 }
        return result.exitCode
    }
}

/// Runs async work to completion from synchronous command code.
enum Blocking {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        // The semaphore orders the write before this read.
        return box.value!
    }

    private final class Box<T>: @unchecked Sendable { var value: T? }
}
