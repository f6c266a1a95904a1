import Dispatch
import Foundation

/// An executor of its own for CPU-heavy async test work (an in-process self-test: hundreds of runs), so its
/// tasks and child tasks never occupy Swift concurrency's cooperative pool (one thread per core: two here),
/// where they would delay every other test's continuations.
public final class HeavyWorkExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor of heavy test work: heavy tests take turns, which bounds how much they load the machine.
    public static let shared = HeavyWorkExecutor()

    private let queue = DispatchQueue(label: "conform.tests.heavy")

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { unowned.runSynchronously(on: executor) }
    }
}

/// Runs `body` (and every task it starts) on `HeavyWorkExecutor.shared`, off the cooperative pool.
public func heavy<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
    try await withTaskExecutorPreference(HeavyWorkExecutor.shared, operation: body)
}
