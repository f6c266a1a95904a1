// CONTRACT PLACEHOLDER — the generation of probe and auth cases is written by branch `loader`.

/// Everything a suite asks to be sent, in order: explicit cases, then generated boundary probes and auth
/// rejection cases (as ordinary `Case`s), then pagination walks and cross-request checks.
public struct SuitePlan: Sendable {
    public var cases: [Case]
    public var walks: [Walk]
    public var crossChecks: [CrossCheck]

    public init(suite: Suite) {
        cases = suite.cases
        walks = suite.walks
        crossChecks = suite.crossChecks
    }
}
