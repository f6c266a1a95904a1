import Foundation
import ConformCore
import ConformMock
#if canImport(Glibc)
import Glibc
#endif

/// `conform mock PATH...`: serves the suites' operations from a synthesised dataset until SIGINT/SIGTERM.
///
/// ```
/// $ conform mock suites/ --port 0
/// conform mock listening on http://127.0.0.1:40117
/// ```
/// The first stdout line is the URL (scripts read it); routes and base URLs go to stderr.
enum MockCommand {
    static let spec = CommandSpec(
        name: "mock",
        summary: "Serve the suites' operations from a synthesised dataset (optionally drifted).",
        usage: "conform mock PATH... [--host 127.0.0.1] [--port N] [--seed N] [--models N] [--drift NAME|list] [--any-id]",
        options: [
            OptionSpec("host", value: "ADDRESS", help: "Address to listen on (default 127.0.0.1)."),
            OptionSpec("port", value: "N", help: "Port (default 0: a free port, printed)."),
            OptionSpec("seed", value: "N", help: "Seed of the synthesised data (default 1)."),
            OptionSpec("models", value: "N", help: "Objects behind each list operation (default 57)."),
            OptionSpec("drift", value: "NAME", help: "Break exactly one rule; 'list' lists the drifts of the suites."),
            OptionSpec("any-id", help: "Get-by-id answers any id with a synthesised object carrying it."),
        ],
        discussion: """
            Serve each suite at its paths under the base path its baseUrl implies: run a suite whose baseUrl ends
            in /api (Open WebUI) with --base-url <printed URL>/api, one ending in /v1 (OpenAI) with <URL>/v1.
            Credentials: a suite's environment variable when set, else any non-empty key.

            EXIT CODES:
              0  stopped by SIGINT/SIGTERM, or --drift list printed
              2  usage or suite error, or the port could not be bound
            """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        let port, seed, models: Double
        do {
            parsed = try ParsedArguments(args, spec: spec)
            port = try parsed.number("port", default: 0, range: 0...65535)
            seed = try parsed.number("seed", default: 1, range: 0...9_007_199_254_740_991)
            models = try parsed.number("models", default: 57, range: 0...100_000)
        } catch {
            Console.err("error: \(error.message)\nUSAGE: \(spec.usage)")
            return 2
        }
        if parsed.helpRequested { Console.out(spec.helpText); return 0 }
        guard !parsed.positional.isEmpty else {
            Console.err("error: name at least one suite file or folder\nUSAGE: \(spec.usage)")
            return 2
        }
        let collection = SuiteLoader.load(paths: parsed.positional)
        guard collection.failures.isEmpty else {
            for f in collection.failures { Console.err(f.rendered) }
            return 2
        }
        let suites = collection.suites
        var drift: Drift?
        if let name = parsed.value("drift") {
            if name == "list" { listDrifts(suites); return 0 }
            guard let found = DriftCatalog.drift(named: name, in: suites) else {
                let names = suites.flatMap { DriftCatalog.drifts(for: $0).map(\.name) }
                Console.err("error: unknown drift '\(name)'\(NearestName.find(name, in: names).map { "; did you mean '\($0)'?" } ?? "")\n"
                            + "Run 'conform mock \(parsed.positional.joined(separator: " ")) --drift list' for the list.")
                return 2
            }
            drift = found
        }
        // Block the stop signals before any thread starts, so every thread inherits the mask and sigwait gets them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        let app = MockApp(suites: suites, seed: UInt64(seed), models: Int(models), drift: drift, anyID: parsed.flag("any-id"))
        let server: HTTPServer
        do {
            server = try HTTPServer(host: parsed.value("host") ?? "127.0.0.1", port: UInt16(port), handler: app.handle)
            try server.start()
        } catch {
            Console.err("error: cannot listen: \(error)")
            return 2
        }
        Console.out("conform mock listening on \(server.baseURL)")
        for suite in suites {
            Console.err("  \(suite.id): --base-url \(server.baseURL)\(suite.basePath)")
        }
        if let drift { Console.err("  drift \(drift.name): \(drift.breaks) (expect \(drift.expectedCheck))") }
        else {
            // The oracle: every answer the suites' cases and walks will get, checked before anyone asks.
            for problem in app.problems { Console.err("warning: \(problem)") }
        }
        var received: Int32 = 0
        sigwait(&signals, &received)
        server.stop()
        Console.err("conform mock stopped (\(received == SIGINT ? "SIGINT" : "SIGTERM"))")
        return 0
    }

    private static func listDrifts(_ suites: [Suite]) {
        for suite in suites {
            let drifts = DriftCatalog.drifts(for: suite)
            Console.out("\(suite.id) (\(drifts.count) drifts)")
            let width = min(60, (drifts.map(\.name.count).max() ?? 0) + 2)
            for d in drifts {
                Console.out("  " + d.name.padding(toLength: max(width, d.name.count + 1), withPad: " ", startingAt: 0)
                            + "\(d.breaks) [\(d.expectedCheck)]")
            }
        }
    }
}
