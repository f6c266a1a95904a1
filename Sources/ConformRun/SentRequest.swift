import ConformCore

/// One request after sending: what went out (as sent and as recorded), every attempt, and the outcome.
struct SentRequest: Sendable {
    /// Exactly what was sent, secret included: never printed, never stored in a result.
    var request: HTTPRequest
    /// The redacted form, safe for reports.
    var recorded: RecordedRequest
    /// One-line curl reproduction with the secret as `$ENV_VAR`.
    var curl: String
    var attempts: [Attempt]
    var outcome: TransportOutcome
    var durationSeconds: Double

    /// The response, when one came back.
    var response: HTTPResponse? { if case .success(let r) = outcome { return r }; return nil }

    /// The response as the checks see it.
    var observed: ObservedResponse? {
        response.map { ObservedResponse(status: $0.status, headers: $0.headers, body: $0.body) }
    }
}
