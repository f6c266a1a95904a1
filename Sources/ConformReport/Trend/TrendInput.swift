import ConformCore
import Foundation

/// A results file `conform trend` cannot use: which file, where in it (a JSON Pointer, empty for the whole
/// file), and what is wrong there.
public struct TrendInputError: Error, Sendable, Equatable, CustomStringConvertible {
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

/// Turns the arguments of `conform trend` into decoded runs, oldest first: files in the order given, and for a
/// folder its `*.json` files in name order (name nightly results so that name order is time order:
/// `results-2026-11-22.json`).
public enum TrendInput {
    /// The results files the arguments name: each file as given, each folder's `*.json` (not hidden, not in
    /// subfolders) sorted by name.
    public static func files(_ paths: [String]) throws(TrendInputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TrendInputError(file: path, message: "no such file or folder")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw TrendInputError(file: path, message: "cannot list the folder")
            }
            let found = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
                .filter { name in
                    var sub: ObjCBool = false
                    return FileManager.default.fileExists(atPath: join(path, name), isDirectory: &sub) && !sub.boolValue
                }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard !found.isEmpty else {
                throw TrendInputError(file: path, message: "the folder holds no *.json results files (write them with conform run --json FILE)")
            }
            files += found.map { join(path, $0) }
        }
        return files
    }

    /// Reads and decodes every results file the arguments name, in order.
    public static func load(_ paths: [String]) throws(TrendInputError) -> [(file: String, run: RunResult)] {
        try files(paths).map { (file) throws(TrendInputError) in (file, try decode(file: file)) }
    }

    /// One results file decoded, or an error naming the file and the JSON Pointer of what is wrong in it.
    public static func decode(file: String) throws(TrendInputError) -> RunResult {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw TrendInputError(file: file, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TrendInputError(file: file, message: "not UTF-8 text (expected a results.json written by conform run --json)")
        }
        do { return try JSONReport.decode(text) } catch let error as JSONReportError {
            throw TrendInputError(file: file, pointer: error.pointer, message: error.message)
        } catch {
            throw TrendInputError(file: file, message: "\(error)")
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
