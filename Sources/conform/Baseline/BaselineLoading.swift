import ConformCore
import ConformReport
import Foundation

/// Reads a baseline file for `conform run --baseline` and `conform baseline add`, printing positioned errors.
enum BaselineLoading {
    /// The parsed baseline, or nil after printing `file:line:col: error: …` (with the JSON Pointer) to stderr.
    /// A missing file is an error unless `missingIsEmpty` (baseline add creates it).
    static func load(_ path: String, missingIsEmpty: Bool = false) -> BaselineFile? {
        let read = LocalFile.read(path)
        guard case .success(let data) = read else {
            if missingIsEmpty, case .failure(.missing) = read { return BaselineFile() }
            Console.err("error: cannot read baseline file \(path): \(LocalFile.reason(read))")
            return nil
        }
        let source = SourceFile(path: path, bytes: Array(data))
        do {
            return try BaselineFile.parse(source)
        } catch {
            Console.err(error.rendered(in: source))
            Console.err("error: the baseline \(path) cannot be used (format: reports/baseline.schema.json)")
            return nil
        }
    }
}
