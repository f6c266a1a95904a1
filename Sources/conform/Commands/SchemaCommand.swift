import Foundation
import ConformCore

/// `conform schema check --schema FILE[#POINTER] [--map URL_PREFIX=DIR]... INSTANCE...`: validates JSON files
/// against a JSON Schema (or a schema inside an OpenAPI or suite file). Prints, per instance:
///
///     response.json: invalid
///       /items/0/id: type: expected string, got integer 3 (schema /properties/items/items/properties/id/type)
///     other.json: valid
///
/// Exit codes: 0 every instance valid · 1 an instance is invalid (or not JSON) · 2 bad schema or usage.
enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema check",
        summary: "Validate JSON files against a JSON Schema (2020-12, plus OpenAPI 3.0 nullable and discriminator).",
        usage: "conform schema check --schema FILE[#POINTER] [--map URL_PREFIX=DIR]... INSTANCE...",
        options: [
            OptionSpec("schema", value: "FILE[#POINTER]", help: "The schema file; #POINTER picks a schema inside it (e.g. openapi.json#/components/schemas/Model)."),
            OptionSpec("map", value: "URL_PREFIX=DIR", repeatable: true, help: "Resolve remote $refs starting with URL_PREFIX from files under DIR."),
        ],
        discussion: """
            Formats date-time, date, time, uuid, uri, email, ipv4 and ipv6 are checked; others are annotations.
            Relative $refs (other.json#/X) are read from files next to the schema.

            EXIT CODES:
              0  every instance is valid
              1  an instance is invalid or is not JSON
              2  the schema cannot be used (malformed, unresolved $ref) or a usage error
            """)

    static let usage = "USAGE: conform schema check --schema FILE[#POINTER] [--map URL_PREFIX=DIR]... INSTANCE...\nRun 'conform schema --help' for details."

    static func run(_ args: [String]) -> Int32 {
        guard let sub = args.first, sub != "--help", sub != "-h" else {
            if args.first == nil { Console.err("error: 'schema' needs a subcommand: check\n" + usage); return 2 }
            Console.out("conform schema — JSON Schema tools\n\nSUBCOMMANDS:\n  check     " + spec.summary + "\n\n" + spec.helpText)
            return 0
        }
        guard sub == "check" else {
            let hint = NearestName.find(sub, in: ["check"]).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("error: unknown subcommand 'schema \(sub)'\(hint)\n" + usage)
            return 2
        }
        do {
            let parsed = try ParsedArguments(Array(args.dropFirst()), spec: spec)
            if parsed.helpRequested { Console.out(spec.helpText); return 0 }
            return try check(parsed)
        } catch {
            Console.err("error: \(error.message)\n" + usage)
            return 2
        }
    }

    private static func check(_ parsed: ParsedArguments) throws(UsageError) -> Int32 {
        guard let schemaArgument = parsed.value("schema") else { throw UsageError(message: "--schema FILE is required") }
        guard !parsed.positional.isEmpty else { throw UsageError(message: "no INSTANCE files given") }
        var prefixes: [(prefix: String, directory: String)] = []
        for m in parsed.all("map") {
            guard let eq = m.firstIndex(of: "="), eq != m.startIndex, m.index(after: eq) != m.endIndex else {
                throw UsageError(message: "--map expects URL_PREFIX=DIR, got '\(m)'")
            }
            prefixes.append((String(m[..<eq]), String(m[m.index(after: eq)...])))
        }
        let (schemaPath, fragment) = URIReference.splitFragment(schemaArgument)
        guard let pointer = JSONPointer(fragment) else { throw UsageError(message: "'#\(fragment)' is not a JSON Pointer (use #/components/schemas/Name)") }
        guard let validator = loadSchema(path: schemaPath, pointer: pointer, prefixes: prefixes) else { return 2 }

        var exit: Int32 = 0
        for path in parsed.positional {
            exit = max(exit, checkInstance(path: path, validator: validator, pointer: pointer))
        }
        return exit
    }

    /// The validator, or nil after printing why the schema cannot be used (positioned when it is in the file).
    private static func loadSchema(path: String, pointer: JSONPointer, prefixes: [(prefix: String, directory: String)]) -> SchemaValidator? {
        let read = LocalFile.read(path)
        guard case .success(let data) = read else {
            Console.err("error: cannot read schema file \(path): \(LocalFile.reason(read))")
            return nil
        }
        let source = SourceFile(path: path, bytes: [UInt8](data))
        let document: JSONValue
        let locations: JSONLocations
        do {
            (document, locations) = try JSONParser.parseWithLocations(source.bytes, options: .init(rejectDuplicateKeys: true, recordLocations: true))
        } catch {
            Console.err(error.rendered(in: source))
            return nil
        }
        let registry = SchemaRegistry(loader: SchemaRegistry.fileLoader(prefixes: prefixes))
        let uri = FileURI.forPath(path)
        let validator = SchemaValidator(document: document, uri: uri, registry: registry)
        let problems = validator.compileProblems(at: pointer)
        guard problems.isEmpty else {
            for p in problems {
                let remote = p.message.contains("cannot load \"http://") || p.message.contains("cannot load \"https://")
                let message = p.message + (remote ? " (conform never fetches schemas: add --map URL_PREFIX=DIR)" : "")
                if p.documentURI == validator.uri {
                    Console.err(source.render(message: message, at: locations.offset(of: p.pointer, preferKey: true)))
                } else {
                    Console.err("\(p.documentURI)#\(p.pointer): error: \(message)")
                }
            }
            return nil
        }
        return validator
    }

    private static func checkInstance(path: String, validator: SchemaValidator, pointer: JSONPointer) -> Int32 {
        let read = LocalFile.read(path)
        guard case .success(let data) = read else {
            Console.out("\(path): " + Console.paint("error", .red) + ": cannot read file: \(LocalFile.reason(read))")
            return 2
        }
        let source = SourceFile(path: path, bytes: [UInt8](data))
        let instance: JSONValue
        do {
            instance = try JSONParser.parse(source.bytes)
        } catch {
            Console.out("\(path): " + Console.paint("invalid JSON", .red))
            Console.out(error.rendered(in: source).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
            return 1
        }
        let errors = validator.validate(instance, schemaAt: pointer)
        if errors.isEmpty {
            Console.out("\(path): " + Console.paint("valid", .green))
            return 0
        }
        Console.out("\(path): " + Console.paint("invalid", .red) + " (\(errors.count) error\(errors.count == 1 ? "" : "s"))")
        for e in errors { Console.out("  \(e)") }
        return 1
    }
}
