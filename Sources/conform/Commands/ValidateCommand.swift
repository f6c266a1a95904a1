import ConformCore
import Foundation

/// `conform validate PATH...`: loads suites strictly and lists every problem with `file:line:col`.
///
/// ```
/// broken.json:17:54: error: unknown query parameter "lmit" for operation "list"; did you mean "limit"? (at /cases/0/query/lmit)
///         { "id": "first", "operation": "list", "query": { "lmit": 10 }, "expect": { "status": 200 } }
///                                                          ^
/// 1 suite valid, 1 with problems
/// ```
/// The problems go to standard error, the summary line to standard output.
/// Exit 0 when every suite is valid, 2 otherwise (and for usage errors).
enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        summary: "Check suite files strictly; list every problem with file:line:col.",
        usage: "conform validate PATH... (suite files or folders of suites)",
        options: [],
        discussion: """
            A folder means its *.json files, except suite.schema.json. Every file is checked and every problem
            listed, not only the first.

            EXIT CODES:
              0  every suite is valid
              2  a suite has problems, a path does not exist, or the command line is wrong
            """)

    static func run(_ args: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(args, spec: spec)
        } catch {
            Console.err("error: \(error.message)\nUSAGE: \(spec.usage)")
            return 2
        }
        if parsed.helpRequested {
            Console.out(spec.helpText)
            return 0
        }
        guard !parsed.positional.isEmpty else {
            Console.err("error: name at least one suite file or folder\nUSAGE: \(spec.usage)")
            return 2
        }
        let collection = SuiteLoader.load(paths: parsed.positional)
        var valid = 0
        var invalid = 0
        for outcome in collection.outcomes {
            switch outcome {
            case .loaded:
                valid += 1
            case .failed(let failure):
                invalid += 1
                // Diagnostics go to standard error, as `conform run` prints them; the summary is the result.
                Console.err(Console.colorEnabled ? highlight(failure.rendered) : failure.rendered)
            }
        }
        let summary = "\(valid) suite\(valid == 1 ? "" : "s") valid, \(invalid) with problems"
        Console.out(invalid == 0 ? Console.paint(summary, .green) : Console.paint(summary, .red))
        return invalid == 0 ? 0 : 2
    }

    /// Paints the `error:` word red on a terminal; the text is otherwise unchanged.
    private static func highlight(_ text: String) -> String {
        text.replacingOccurrences(of: ": error: ", with: ": " + Console.paint("error:", .red) + " ")
    }
}
