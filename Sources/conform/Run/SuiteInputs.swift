import ConformCore
import Foundation

/// The suites named on the command line: files as given, folders expanded to their `*.json` suites.
enum SuiteInputs {
    /// Suite files under the paths, in a stable order; a missing path is a usage problem.
    static func files(_ paths: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = []
        var problems: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append("\(path): no such file or folder")
                continue
            }
            guard isDir.boolValue else { files.append(path); continue }
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
            // `suite.schema.json` (the format's own schema) and other `*.schema.json` are not suites.
            let suites = names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }
            if suites.isEmpty { problems.append("\(path): no suite files (*.json) in this folder") }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += suites.map { "\(base)/\($0)" }
        }
        return (files, problems)
    }

    /// Loads every file; all problems of all files are returned, so one run lists them all.
    static func load(_ files: [String]) -> (suites: [Suite], problems: [String]) {
        var suites: [Suite] = []
        var problems: [String] = []
        for file in files {
            switch loadOne(file) {
            case .success(let suite): suites.append(suite)
            case .failure(let failure): problems.append(failure.rendered)
            }
        }
        return (suites, problems)
    }

    static func loadOne(_ file: String) -> Result<Suite, LoadProblem> {
        .failure(LoadProblem(rendered: "\(file): error: suite loading is not available in this build"))
    }

    /// A suite that did not load, rendered with `file:line:col` for each problem.
    struct LoadProblem: Error { let rendered: String }
}
