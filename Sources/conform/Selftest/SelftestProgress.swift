import Foundation

/// `[37/215] scale-gp-v4-list-models` on standard error while drifts run — only on a terminal, so logs and
/// pipes get the table alone.
final class SelftestProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private let enabled = isatty(2) == 1

    init(total: Int) { self.total = total }

    /// One more drift finished.
    func advance(_ suite: String) {
        guard enabled else { return }
        lock.withLock {
            done += 1
            Console.errRaw("\r\u{1B}[K[\(done)/\(total)] \(suite)")
        }
    }

    /// Removes the line before the table is printed.
    func clear() {
        guard enabled else { return }
        lock.withLock { Console.errRaw("\r\u{1B}[K") }
    }
}
