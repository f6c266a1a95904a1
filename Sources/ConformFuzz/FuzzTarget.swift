/// One fuzzed entry point: a parser Conform runs on bytes it does not control (suites, schemas, invariants,
/// server responses, client requests). The raw value names the target on the command line, in
/// `CONFORM_FUZZ_TARGET` and as the corpus folder (`Tests/Fuzz/corpus/json/`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `JSONParser`: any bytes; what parses must write and parse back to the same value.
    case json
    /// `Expression.parse`, then every analysis and an evaluation against a small body.
    case expression
    /// `SuiteLoader.load(source:)` on the bytes as a suite file, rendering every error it reports.
    case suite
    /// A schema and an instance (split at the first NUL byte): compile, then validate.
    case schema
    /// The client's `ResponseReader`: head and body off a stream served in fuzzed slices.
    case response
    /// The mock's `HTTPRequestParser`: every pipelined request in the bytes.
    case request

    /// Runs one input; throws when an invariant of the target breaks. A crash or a hang is a finding too:
    /// libFuzzer (or the replaying test) notices those by itself.
    public func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .json: try JSONHarness.run(bytes)
        case .expression: try ExpressionHarness.run(bytes)
        case .suite: try SuiteHarness.run(bytes)
        case .schema: try SchemaHarness.run(bytes)
        case .response: try ResponseHarness.run(bytes)
        case .request: try RequestHarness.run(bytes)
        }
    }
}

/// An invariant a harness checks that did not hold for an input.
public struct FuzzFailure: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// A failure described in one line.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
