import ConformCore
import Foundation

/// Conforming datasets by suite (its file's bytes), operation, seed and size, built once per process: a
/// self-test's hundreds of drifted mocks share one catalog and arm their one item on a copy
/// (`Dataset.armed(with:)`).
final class DatasetCache: @unchecked Sendable {
    static let shared = DatasetCache()

    private let lock = NSLock()
    private var entries: [String: Dataset] = [:]

    func dataset(suite: Suite, operation: String, seed: UInt64, models: Int, build: () -> Dataset) -> Dataset {
        let key = "\(fingerprint(suite))|\(operation)|\(seed)|\(models)"
        if let hit = lock.withLock({ entries[key] }) { return hit }
        let made = build()
        lock.withLock {
            // A long-lived process that loads many suites (tests) keeps the newest few dozen.
            if entries.count > 64 { entries.removeAll() }
            entries[key] = made
        }
        return made
    }

    private var memos: [String: [[String]]] = [:]

    /// Count paths and other per-suite analyses, by suite and key: computed once per process.
    func memo(suite: Suite, key: String, make: () -> [[String]]) -> [[String]] {
        let full = fingerprint(suite) + "|" + key
        if let hit = lock.withLock({ memos[full] }) { return hit }
        let value = make()
        lock.withLock {
            if memos.count > 4_096 { memos.removeAll() }
            memos[full] = value
        }
        return value
    }

    /// The suite's id, path and a digest of its bytes: an edited file is a different suite.
    private func fingerprint(_ suite: Suite) -> String {
        let path = suite.file.source.path + "|" + suite.id
        let bytes = suite.file.source.bytes
        var hasher = Hasher()
        hasher.combine(bytes.count)
        bytes.withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return path + "|" + String(hasher.finalize())
    }
}
