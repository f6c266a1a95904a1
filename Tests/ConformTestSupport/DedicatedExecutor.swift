import Dispatch
import Foundation

/// Executors with a thread of their own, off Swift concurrency's cooperative pool (one thread per core: two
/// here). Tests run in parallel: a test holding a pool thread — computing for seconds, or blocked — delays
/// every other test's continuations, so
/// - CPU-heavy async work (an in-process self-test: hundreds of runs) runs under `heavy { … }`, and
/// - work whose duration a test asserts runs under `promptly { … }` (`timed` does), where nothing else waits
///   in line before its continuations.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    /// Heavy test work.
    public static let heavy = DedicatedExecutor(label: "conform.tests.heavy", concurrent: true)
    /// Timed test work: light, and never queued behind heavy work.
    public static let prompt = DedicatedExecutor(label: "conform.tests.prompt", concurrent: true)

    private let queue: DispatchQueue

    init(label: String, concurrent: Bool = false) {
        queue = DispatchQueue(label: label, attributes: concurrent ? [.concurrent] : [])
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { unowned.runSynchronously(on: executor) }
    }
}

/// Runs `body` (and every task it starts) on `DedicatedExecutor.heavy`.
public func heavy<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
    try await withTaskExecutorPreference(DedicatedExecutor.heavy, operation: body)
}

/// Runs `body` (and every task it starts) on `DedicatedExecutor.prompt`.
public func promptly<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
    try await withTaskExecutorPreference(DedicatedExecutor.prompt, operation: body)
}

/// Runs blocking `work` (waiting for a subprocess) on a thread of its own while the caller's task is suspended.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
