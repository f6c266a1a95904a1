/// At most `limit` drifted runs in flight across every suite of a self-test (suites overlap, so one
/// suite's conforming run and drift survey — mostly one core — run while another suite's drifts fill the
/// rest; the drifted runs themselves still keep to `Selftest.concurrency`).
actor RunSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { free = max(1, limit) }

    /// Waits for a free slot and takes it.
    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Gives a slot back (to the longest waiter, if any).
    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }

    /// `body` in a slot.
    func within<R: Sendable>(_ body: @Sendable () async -> R) async -> R {
        await acquire()
        let result = await body()
        release()
        return result
    }
}
