import ConformCore
import Foundation

/// The checks of answers already evaluated, so a run that receives the very same answer to the very same
/// request in the same place (a case, or page N of a walk) reuses them instead of parsing and validating
/// the body again.
///
/// `conform selftest` runs a suite once against the conforming mock and then hundreds of times against
/// drifted mocks, and most answers of a drifted run are byte for byte the conforming ones (a drift breaks
/// one rule, usually in one answer). Exact by construction: the checks of an answer are a function of the
/// place that asked (its expectation, its variables), the request as sent, and the response's status,
/// headers and body — all compared in full, never by a hash. Only the recording run writes; `seal()` ends
/// recording, after which lookups are lock-free reads of a fixed table.
public final class EvaluationMemo: @unchecked Sendable {
    struct Entry {
        var request: HTTPRequest
        var status: Int
        var headers: [Header]
        var body: [UInt8]
        var checks: [CheckResult]
        var parsed: JSONValue?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var sealed = false
    private var hits = 0, misses = 0

    public init() {}

    /// Ends recording: later runs only read.
    public func seal() {
        lock.lock(); sealed = true; lock.unlock()
    }

    /// Answers looked up and found, and looked up and not found (or different), since the seal.
    public var counts: (hits: Int, misses: Int) {
        lock.lock(); defer { lock.unlock() }
        return (hits, misses)
    }

    /// The recorded checks for this place, when the request and response are exactly the recorded ones.
    func lookup(_ place: String, _ sent: SentRequest) -> (checks: [CheckResult], body: JSONValue?)? {
        guard let response = sent.response else { return nil }
        lock.lock(); defer { lock.unlock() }
        guard sealed else { return nil }
        guard let e = entries[place], e.status == response.status, e.request == sent.request,
              e.headers == response.headers, Self.same(e.body, response.body) else {
            misses += 1
            return nil
        }
        hits += 1
        return (e.checks, e.parsed)
    }

    /// Byte-for-byte equality with `memcmp` (the generic `==` compares element by element).
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// Records the checks of an answer (only before `seal()`; the first answer of a place wins).
    func record(_ place: String, _ sent: SentRequest, checks: [CheckResult], body: JSONValue?) {
        guard let response = sent.response else { return }
        lock.lock(); defer { lock.unlock() }
        guard !sealed, entries[place] == nil else { return }
        entries[place] = Entry(request: sent.request, status: response.status, headers: response.headers, body: response.body,
                               checks: checks, parsed: body)
    }
}
