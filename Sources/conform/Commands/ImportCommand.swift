import ConformCore
import ConformReport
import ConformSpec
import Foundation

/// `conform import openapi SPEC [--operation "GET /path"]... [--base-url URL] [--auth-env NAME] -o SUITE.json`:
/// writes a suite for the chosen operations of an OpenAPI document, then loads it strictly.
enum ImportCommand {
    static let spec = CommandSpec(
        name: "import openapi",
        summary: "Generate a suite from an OpenAPI 3.0/3.1 document (YAML, JSON, many files, or a Markdown page).",
        usage: "conform import openapi SPEC [--operation \"METHOD /path\"]... [--base-url URL] [--auth-env NAME] [--suite-id ID] -o SUITE.json",
        options: [
            OptionSpec("operation", value: "\"METHOD /path\"", repeatable: true, help: "Import this operation (repeatable); default: every GET operation."),
            OptionSpec("base-url", value: "URL", help: "The suite's baseUrl (default: the document's first absolute servers[].url)."),
            OptionSpec("auth-env", value: "NAME", help: "Environment variable the credential is read from (default: from the document's title, e.g. OPENAI_API_KEY)."),
            OptionSpec("suite-id", value: "ID", help: "The suite id (default: the output file's name without .json)."),
            OptionSpec("output", short: "o", value: "SUITE.json", help: "Where to write the suite (required)."),
        ],
        discussion: """
            The suite holds: definitions for every schema the operations reference (each citing SPEC:line), the
            parameters with their bounds (so probes are generated), parameterError from a documented 400/422, auth from
            securitySchemes, a default case per operation, and a pagination walk when page + limit or a cursor make
            the style obvious (otherwise none, and the suite's description says so). It is loaded strictly before
            anything is written. docs/spec-drift.md explains each choice.

            EXIT CODES:
              0  the suite was written and loads strictly
              2  the document cannot be read or used, the generated suite does not load, or a usage error
            """)

    static let usage = "USAGE: conform import openapi SPEC [--operation \"METHOD /path\"]... [--base-url URL] -o SUITE.json\nRun 'conform import --help' for details."

    static func run(_ args: [String]) -> Int32 {
        guard let sub = args.first, sub != "--help", sub != "-h" else {
            if args.first == nil { Console.err("error: 'import' needs a format: openapi\n" + usage); return 2 }
            Console.out("conform import — generate suites\n\nSUBCOMMANDS:\n  openapi   " + spec.summary + "\n\n" + spec.helpText)
            return 0
        }
        guard sub == "openapi" else {
            let hint = NearestName.find(sub, in: ["openapi"]).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("error: unknown format 'import \(sub)'\(hint)\n" + usage)
            return 2
        }
        let parsed: ParsedArguments
        let output: String
        do throws(UsageError) {
            parsed = try ParsedArguments(Array(args.dropFirst()), spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            guard parsed.positional.count == 1 else { throw UsageError(message: "expected one OpenAPI document; got \(parsed.positional.count)") }
            guard let o = parsed.value("output") else { throw UsageError(message: "-o SUITE.json is required") }
            output = o
            if let env = parsed.value("auth-env"), !VariableName.isValid(env) {
                throw UsageError(message: "--auth-env must be an environment variable name (A-Z, 0-9, _), got '\(env)'")
            }
        } catch {
            Console.err("error: \(error.message)\nRun 'conform import --help' for usage.")
            return 2
        }
        let specPath = parsed.positional[0]
        let suiteID = parsed.value("suite-id") ?? ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        let text: String
        do throws(SpecError) {
            let document = try OpenAPIDocument(path: specPath)
            let selectors = parsed.all("operation")
            var operations = try document.select(selectors)
            if selectors.isEmpty { operations = operations.filter { $0.key.method == "GET" } }
            guard !operations.isEmpty else { throw SpecError("the document has no GET operation to import (name one with --operation)", path: specPath) }
            let importer = SuiteImporter(document: document, citePath: specPath, suiteID: suiteID,
                                         baseURL: parsed.value("base-url"), authEnv: parsed.value("auth-env"))
            text = JSONWriter.write(try importer.suite(for: operations), pretty: true) + "\n"
        } catch {
            Console.err(error.rendered)
            return 2
        }
        // Written only when it loads: an importer that wrote a suite Conform refuses would hand over a broken file.
        do {
            _ = try SuiteLoader.load(source: SourceFile(path: output, text: text))
        } catch {
            Console.err("error: the generated suite does not load (a bug in the importer; please report it):\n" + error.rendered)
            return 2
        }
        do { try ReportFile.write(text, to: output) } catch {
            Console.err("error: \(error)")
            return 2
        }
        Console.out("wrote \(output) (suite \(suiteID)) from \(specPath)")
        return 0
    }
}
