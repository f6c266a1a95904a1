import ConformCore
import Foundation

/// A results file `conform diff`, `trend` or `baseline` cannot use: which file, where in it (a JSON Pointer, empty for the whole
/// file), and what is wrong there.
public struct ResultsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as given (or as found in a folder).
    public var file: String
    /// JSON Pointer of the offending member; empty when the file as a whole is the problem.
    public var pointer: String
    /// What is wrong and what would be right.
    public var message: String
    /// An error in `file` at `pointer`.
    public init(file: String, pointer: String = "", message: String) { self.file = file; self.pointer = pointer; self.message = message }
    public var description: String { file + (pointer.isEmpty ? "" : " at \(pointer)") + ": " + message }
}

/// Reads results files (`conform run --json`) for the commands that compare runs; for `conform trend`, turns
/// its arguments into decoded runs, oldest first: files in the order given, and for a folder its `*.json` files
/// in name order (name nightly results so that name order is time order:
/// `results-2026-11-22.json`).
public enum ResultsFiles {
    /// The results files the arguments name: each file as given, each folder's `*.json` (not hidden, not in
    /// subfolders) sorted by name.
    public static func files(_ paths: [String]) throws(ResultsFileError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ResultsFileError(file: path, message: "no such file or folder")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw ResultsFileError(file: path, message: "cannot list the folder")
            }
            let found = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .filter { name in
                    var sub: ObjCBool = false
                    return FileManager.default.fileExists(atPath: join(path, name), isDirectory: &sub) && !sub.boolValue
                }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard !found.isEmpty else {
                throw ResultsFileError(file: path, message: "the folder holds no *.json results files (write them with conform run --json FILE)")
            }
            files += found.map { join(path, $0) }
        }
        return files
    }

    /// Reads and decodes every results file the arguments name, in order.
    public static func load(_ paths: [String]) throws(ResultsFileError) -> [(file: String, run: RunResult)] {
        try files(paths).map { (file) throws(ResultsFileError) in (file, try decode(file: file)) }
    }

    /// One results file decoded, or an error naming the file and the JSON Pointer of what is wrong in it.
    public static func decode(file: String) throws(ResultsFileError) -> RunResult {
        // Results of big catalogs run to tens of megabytes: a larger bound than a suite's.
        let read = LocalFile.read(file, limit: 1 << 30)
        guard case .success(let data) = read else {
            throw ResultsFileError(file: file, message: "cannot read the file: \(LocalFile.reason(read))")
        }
        guard let text = String(data: Data(data), encoding: .utf8) else {
            throw ResultsFileError(file: file, message: "not UTF-8 text (expected a results.json written by conform run --json)")
        }
        do { return try JSONReport.decode(text) } catch let error as JSONReportError {
            throw ResultsFileError(file: file, pointer: error.pointer, message: error.message)
        } catch {
            throw ResultsFileError(file: file, message: "\(error)")
        }
    }

    /// One warning per run that started before the run given ahead of it: the trend keeps the given order.
    public static func orderWarnings(_ runs: [(file: String, run: RunResult)]) -> [String] {
        zip(runs, runs.dropFirst()).compactMap { earlier, later in
            later.run.startedAt < earlier.run.startedAt
                ? "\(later.file) started at \(later.run.startedAt), before \(earlier.file) (\(earlier.run.startedAt)) given ahead of it; the trend keeps the order given"
                : nil
        }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
