/// A suite that did not load: its file and every problem found in it, in file order.
public struct SuiteLoadFailure: Error, Sendable, CustomStringConvertible {
    /// The path as given (`suites/x.json`).
    public var path: String
    /// The file's bytes, when it could be read (for `line:col` and source lines).
    public var source: SourceFile?
    public var errors: [SuiteLoadError]

    public init(path: String, source: SourceFile?, errors: [SuiteLoadError]) {
        self.path = path; self.source = source; self.errors = errors
    }

    /// Every problem rendered, one block each.
    public var rendered: String {
        errors.map { e in
            if let source { return e.rendered(in: source) }
            return "\(path): error: \(e.description)"
        }.joined(separator: "\n")
    }

    public var description: String { rendered }
}
