import ConformCore
import ConformMock
import ConformReport
import ConformRun
import ConformSelftest
import Foundation

/// The work of `conform demo`: the conforming run with reports, then the labelled drift demonstration.
struct DemoRun {
    var suitesPath: String
    var reportsDirectory: String
    var driftName: String?
    var verbosity: ConsoleReporter.Verbosity
    /// `--port N`: the mocks listen on N, N+1, …; nil for free ports.
    var firstPort: Int? = nil

    /// Where reports go by default: git ignores it, so the README's first command leaves a clone clean.
    static let defaultReports = "reports/out"

    /// The drift shown when none is asked for: one value outside its enum, the easiest failure to read.
    static let preferredDrift = "scale-gp-v5-list-models/enum:InferenceModelVendor"

    func execute() -> Int32 {
        let (suites, problems) = SuiteInputs.load([suitesPath])
        guard problems.isEmpty else {
            for p in problems { Console.err(p) }
            Console.err("error: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the suites; nothing was run")
            return 2
        }
        guard !suites.isEmpty else {
            Console.err("error: no suite in '\(suitesPath)'")
            return 2
        }
        let drift: Drift
        if let name = driftName {
            guard let found = DriftCatalog.drift(named: name, in: suites) else {
                Console.err("error: unknown drift '\(name)' (see 'conform mock \(suitesPath) --drift list')")
                return 2
            }
            drift = found
        } else {
            guard let found = Self.defaultDrift(in: suites) else {
                Console.err("error: the suites allow no drift to demonstrate")
                return 2
            }
            drift = found
        }

        guard let (conforming, written) = runAll(suites, reports: reportsDirectory, verbosity: verbosity) else { return 3 }
        let suite = suites.first { $0.id == drift.suite }
        let rule = drift.rulePointer.flatMap { p in suite.map { "\($0.file.location(of: p))" } }
        Console.out("")
        Console.out(Console.paint("— Demonstration: the same suite against a drifted mock (drift: \(drift.name) — breaks: \(drift.breaks)) —", .bold))
        Console.out("The mock now breaks one rule on purpose; \(drift.expectedCheck) should fail\(rule.map { " (rule \($0))" } ?? ""):")
        guard let suite, let (drifted, driftWritten) = runDrift(suite, drift) else { return 3 }
        let verdict = DriftVerdict(drift: drift, result: drifted.suites.first ?? SuiteResult(suite: suite.id, title: suite.title, file: "", baseURL: ""),
                                   document: suite.file.document)
        switch verdict.outcome {
        case .caught:
            Console.out(Console.paint("Caught: \(verdict.evidence?.check ?? drift.expectedCheck) failed, as the drift intends.", .green)
                        + " (This failure is the point of the demonstration; the run above is the one that counts.)")
        case .caughtByOther:
            Console.out(Console.paint("Caught only by other checks (\(verdict.failedKinds.joined(separator: ", "))), not by \(drift.expectedCheck).", .yellow))
        case .survived:
            Console.out(Console.paint("Not caught: no check failed. The rule is a blind spot of the suite.", .red))
        }
        if driftWritten { Console.out("Drifted run's reports: \(reportsDirectory)/drift-demo/ (junit.xml, report.md, report.html, results.json)") }
        if !written || !driftWritten { return 3 }
        return conforming.exitCode == 0 && verdict.outcome == .caught ? 0 : 1
    }

    /// The preferred drift when the suites have it, else the first enum drift, else the first drift.
    static func defaultDrift(in suites: [Suite]) -> Drift? {
        if let d = DriftCatalog.drift(named: preferredDrift, in: suites) { return d }
        let all = suites.flatMap { DriftCatalog.drifts(for: $0) }
        return all.first { $0.expectedCheck == "schema.enum" } ?? all.first
    }

    /// Runs every suite against its conforming mock, prints the console output and summary, writes the
    /// reports (and whether they were all written). Nil when the mocks could not start.
    func runAll(_ suites: [Suite], reports: String, verbosity: ConsoleReporter.Verbosity) -> (RunResult, Bool)? {
        let fleet: MockFleet
        do { fleet = try MockFleet(suites: suites, firstPort: firstPort) } catch {
            Console.err("error: the mock could not start: \(error)")
            return nil
        }
        defer { fleet.stop() }
        Console.out("conform demo: \(suites.count) suite\(suites.count == 1 ? "" : "s") from \(suitesPath.hasSuffix("/") || suitesPath.hasSuffix(".json") ? suitesPath : suitesPath + "/"), each against its own mock on 127.0.0.1 (test credentials, no API key)")
        Console.out("")
        let result = run(fleet, verbosity: verbosity)
        fleet.stop()
        Console.out("")
        Console.out(ConsoleReporter(verbosity: verbosity, totalCases: 0).summary(result))
        let written = writeReports(result, to: reports)
        Console.out("Mocks stopped.")
        return (result, written)
    }

    /// Runs the drifted suite; prints only its failing cases (the first in full), writes drift-demo reports.
    func runDrift(_ suite: Suite, _ drift: Drift) -> (RunResult, Bool)? {
        let fleet: MockFleet
        do { fleet = try MockFleet(suites: [suite], drift: drift, firstPort: firstPort) } catch {
            Console.err("error: the mock could not start: \(error)")
            return nil
        }
        defer { fleet.stop() }
        let result = run(fleet, verbosity: nil)
        fleet.stop()
        let reporter = ConsoleReporter(verbosity: .quiet, totalCases: 0)
        let failing = result.suites.flatMap(\.cases).filter { c in c.checks.contains { $0.status == .failed } }
        let first = failing.first { c in c.checks.contains { $0.findings.contains { DriftVerdict.kind($0.check, satisfies: drift.expectedCheck) } } } ?? failing.first
        if let first { for line in reporter.lines(for: first) { Console.out(line) } }
        if failing.count > 1 { Console.out("  … and \(failing.count - 1) more case\(failing.count == 2 ? "" : "s") failed on the same drift (see the drift-demo reports)") }
        Console.out("Drifted run: " + reporter.summary(result))
        return (result, writeReports(result, to: reportsDirectory + "/drift-demo"))
    }

    /// Runs the fleet's suites; prints cases as they finish when `verbosity` is given.
    private func run(_ fleet: MockFleet, verbosity: ConsoleReporter.Verbosity?) -> RunResult {
        var options = RunOptions(timeout: 10, deadline: 120, concurrency: 4)
        if let verbosity {
            let planned = fleet.suites.reduce(0) { n, s in let p = SuitePlan(suite: s); return n + p.cases.count + p.walks.count + p.crossChecks.count }
            let reporter = ConsoleReporter(verbosity: verbosity, totalCases: planned)
            options.onCase = { suite, result in reporter.caseFinished(suite, result) }
            options.onSuite = { suite, baseURL in reporter.suiteStarted(suite, baseURL: baseURL) }
            let runner = Runner(transport: NetworkTransport(), options: options, environment: fleet.environment)
            let result = Blocking.wait { await runner.run(fleet.suites) }
            reporter.finish()
            return result
        }
        let runner = Runner(transport: NetworkTransport(), options: options, environment: fleet.environment)
        return Blocking.wait { await runner.run(fleet.suites) }
    }

    /// Writes junit.xml, report.md, report.html and results.json into `directory`, saying where; false when one failed.
    private func writeReports(_ result: RunResult, to directory: String) -> Bool {
        var written: [String] = []
        let reports: [(String, (RunResult) -> String)] = [("junit.xml", JUnitReport.render), ("report.md", MarkdownReport.render),
                                                           ("report.html", RunHTML.render), ("results.json", JSONReport.render)]
        for (file, render) in reports {
            let path = directory + "/" + file
            do {
                try ReportFile.write(render(result), to: path)
                written.append(path)
            } catch {
                Console.err("error: \(error)")
            }
        }
        if !written.isEmpty, !directory.hasSuffix("drift-demo") { Console.out("Reports: " + written.joined(separator: ", ")) }
        return written.count == reports.count
    }
}
