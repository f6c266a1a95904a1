/// Everything a suite asks to be sent, in order: explicit cases, then generated boundary probes and auth
/// rejection cases (as ordinary `Case`s), then pagination walks and cross-request checks.
///
/// Probes come by operation, then parameter, in file order; auth cases last (`auth.missing`, `auth.wrong`).
/// The rules are documented in `suites/README.md` ("Generated probes").
public struct SuitePlan: Sendable {
    public var cases: [Case]
    public var walks: [Walk]
    public var crossChecks: [CrossCheck]

    public init(suite: Suite) {
        cases = suite.cases + Self.generatedCases(for: suite)
        walks = suite.walks
        crossChecks = suite.crossChecks
    }

    /// The generated cases alone: probes, then auth rejection.
    public static func generatedCases(for suite: Suite) -> [Case] {
        probes(for: suite) + authCases(for: suite)
    }

    /// `auth.missing` and `auth.wrong`, when the suite's auth has a `rejection`.
    public static func authCases(for suite: Suite) -> [Case] {
        guard let auth = suite.auth, let rejection = auth.rejection,
              let op = rejection.operation.flatMap(suite.operation) ?? suite.operations.first else { return [] }
        let documented = rejection.statuses.contains { op.response(for: $0)?.schemaPointer != nil }
        let expect = Expectation(statuses: rejection.statuses, validateSchema: rejection.schemaPointer != nil || documented,
                                 schemaPointer: rejection.schemaPointer, responseInvariants: false,
                                 invariants: rejection.invariants, pointer: rejection.pointer)
        let description = rejection.description ?? auth.description
        return [
            Case(id: "auth.missing", name: "rejects a request without the credential", description: description,
                 operation: op.id, query: op.probeQuery, pathParams: op.probePath, auth: .none, expect: expect,
                 pointer: rejection.pointer),
            Case(id: "auth.wrong", name: "rejects a request with a wrong credential", description: description,
                 operation: op.id, query: op.probeQuery, pathParams: op.probePath, auth: .wrong, expect: expect,
                 pointer: rejection.pointer),
        ]
    }
}
