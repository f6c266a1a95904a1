import ConformCore

/// `SuiteLoader.load(source:)` on the bytes as a suite file. The path names a folder that does not exist, so a
/// relative `$ref` finds nothing on disk. A suite that does not load must say why, with offsets inside the file,
/// and every error must render (the line and caret a user sees).
enum SuiteHarness {
    static let path = "/nonexistent-conform-fuzz/suite.json"

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let source = SourceFile(path: path, bytes: bytes)
        do {
            _ = try SuiteLoader.load(source: source)
        } catch {
            guard !error.errors.isEmpty else { throw FuzzFailure("a suite failed to load without an error") }
            for problem in error.errors {
                if let offset = problem.offset, !(0...bytes.count).contains(offset) {
                    throw FuzzFailure("error offset \(offset) outside 0...\(bytes.count): \(problem.message)")
                }
            }
            _ = error.rendered
        }
    }
}
