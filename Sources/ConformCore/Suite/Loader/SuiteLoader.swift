import Foundation

/// Loads suite files strictly: every problem — malformed JSON, a duplicate or unknown key, a wrong type, an
/// unresolved `$ref`, an expression that does not parse, a field no schema mentions, an unknown operation or
/// parameter — is reported with its position, and a suite with any problem does not load.
///
/// ```
/// broken.json:14:65: error: invariant does not parse: expected ')' to close the call of len(), found end of expression at column 19 of "total >= len(items" (at /operations/0/responses/200/invariants/0)
///                                   "invariants": ["total >= len(items", "len(items) <= 3"] } } }
///                                                                     ^
/// ```
public enum SuiteLoader {
    /// Suite files reject duplicate keys and keep every value's offset for messages.
    public static let parserOptions = JSONParser.Options(rejectDuplicateKeys: true, recordLocations: true)

    /// The JSON Schema of the format itself, found beside the suites; never loaded as a suite.
    public static let formatSchemaName = "suite.schema.json"

    /// Whether a file in a suites folder is a suite: any `*.json` but the published schemas (`*.schema.json`:
    /// the suite format, the targets file format).
    public static func isSuiteFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasSuffix(".schema.json")
    }

    /// Reads and loads one suite file.
    public static func load(path: String) throws(SuiteLoadFailure) -> Suite {
        switch LocalFile.read(path) {
        case .success(let bytes): return try load(source: SourceFile(path: path, bytes: bytes))
        case .failure(let problem):
            let message = problem == .folder ? "is a folder, not a suite file" : problem.description
            throw SuiteLoadFailure(path: path, source: nil, errors: [SuiteLoadError(message, pointer: nil, offset: nil)])
        }
    }

    /// Loads a suite from bytes already read (the path is used in messages and to resolve `$ref`'d files).
    public static func load(source: SourceFile) throws(SuiteLoadFailure) -> Suite {
        let parsed: (value: JSONValue, locations: JSONLocations)
        do {
            parsed = try JSONParser.parseWithLocations(source.bytes, options: parserOptions)
        } catch {
            throw SuiteLoadFailure(path: source.path, source: source,
                                   errors: [SuiteLoadError(error.message, pointer: nil, offset: error.offset)])
        }
        let builder = SuiteBuilder(file: SuiteFile(source: source, document: parsed.value, locations: parsed.locations))
        let suite = builder.build()
        let errors = builder.reader.sortedErrors
        guard let suite, errors.isEmpty else {
            throw SuiteLoadFailure(path: source.path, source: source, errors: errors.isEmpty
                ? [SuiteLoadError("suite did not load", pointer: .root, offset: 0)] : errors)
        }
        return suite
    }

    /// Loads every suite a list of files and folders names (a folder: its `*.json` files but the format
    /// schema, sorted by name). Every file is loaded, so all problems of all files are reported at once.
    public static func load(paths: [String]) -> SuiteCollection {
        var outcomes: [SuiteLoadOutcome] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                outcomes.append(.failed(SuiteLoadFailure(path: path, source: nil,
                                                         errors: [SuiteLoadError("no such file or folder", pointer: nil, offset: nil)])))
                continue
            }
            if isFolder.boolValue {
                outcomes += loadFolder(path: path).outcomes
            } else {
                outcomes.append(outcome(path))
            }
        }
        return SuiteCollection(outcomes: outcomes)
    }

    /// Loads every `*.json` suite in a folder (not recursively; `suite.schema.json` skipped). A folder
    /// without suites is a failure: a mistyped folder must not validate as "nothing wrong".
    public static func loadFolder(path: String) -> SuiteCollection {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            return SuiteCollection(outcomes: [.failed(SuiteLoadFailure(path: path, source: nil,
                errors: [SuiteLoadError("cannot list the folder", pointer: nil, offset: nil)]))])
        }
        let files = names.filter(isSuiteFileName).sorted()
        guard !files.isEmpty else {
            return SuiteCollection(outcomes: [.failed(SuiteLoadFailure(path: path, source: nil,
                errors: [SuiteLoadError("no suite files (*.json) in this folder", pointer: nil, offset: nil)]))])
        }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return SuiteCollection(outcomes: files.map { outcome(prefix + $0) })
    }

    private static func outcome(_ path: String) -> SuiteLoadOutcome {
        do { return .loaded(try load(path: path)) } catch { return .failed(error) }
    }

}
