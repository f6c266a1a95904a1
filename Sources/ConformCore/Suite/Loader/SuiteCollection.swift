/// One file's result: the suite, or every problem in it.
public enum SuiteLoadOutcome: Sendable {
    case loaded(Suite)
    case failed(SuiteLoadFailure)
}

/// The results of loading several files, in the order they were named.
public struct SuiteCollection: Sendable {
    public var outcomes: [SuiteLoadOutcome]

    public init(outcomes: [SuiteLoadOutcome]) { self.outcomes = outcomes }

    public var suites: [Suite] { outcomes.compactMap { if case .loaded(let s) = $0 { return s }; return nil } }
    public var failures: [SuiteLoadFailure] { outcomes.compactMap { if case .failed(let f) = $0 { return f }; return nil } }
}
