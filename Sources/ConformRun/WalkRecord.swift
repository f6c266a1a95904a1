import ConformCore

/// What a walk's result keeps of its requests: the first few in full (the result lists them), the count of all,
/// their attempts and time. Bounded whatever the number of pages.
struct WalkRecord: Sendable {
    /// Requests kept in full (the first page's included).
    let recordedRequests: Int
    /// The first request: its record and curl line.
    private(set) var first: (recorded: RecordedRequest, curl: String)?
    /// The requests after the first that are kept in full.
    private(set) var extraRequests: [RecordedRequest] = []
    /// The attempts of the kept requests.
    private(set) var attempts: [Attempt] = []
    /// Every request sent.
    private(set) var requests = 0
    private(set) var durationSeconds = 0.0

    init(recordedRequests: Int) { self.recordedRequests = max(1, recordedRequests) }

    mutating func add(_ sent: SentRequest) {
        requests += 1
        durationSeconds += sent.durationSeconds
        guard requests <= recordedRequests else { return }
        if first == nil { first = (sent.recorded, sent.curl) } else { extraRequests.append(sent.recorded) }
        attempts += sent.attempts
    }
}
