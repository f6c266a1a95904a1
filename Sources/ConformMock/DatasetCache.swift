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
        var made = build()
        made.catalogKey = key
        made.written = WrittenItems(made.items)
        lock.withLock {
            // A long-lived process that loads many suites (tests) keeps the newest few dozen.
            if entries.count > 64 { entries.removeAll() }
            entries[key] = made
        }
        return made
    }

    private var memos: [String: any Sendable] = [:]

    /// An analysis of a suite (its drifts, count paths, a catalog's order for one request), by suite and key:
    /// computed once per process, since it depends on nothing else.
    func remember<T: Sendable>(suite: Suite, key: String, make: () -> T) -> T {
        remember(key: fingerprint(suite) + "|" + key, make: make)
    }

    /// As `remember(suite:key:make:)`, with a key that already says which suite (a `Dataset.catalogKey`).
    func remember<T: Sendable>(key: String, make: () -> T) -> T {
        // Bound first, then cast: a remembered nil (`T` optional) is a hit, not a miss.
        if let stored = lock.withLock({ memos[key] }), let hit = stored as? T { return hit }
        let value = make()
        lock.withLock {
            // A long-lived process that loads many suites (tests, a mock serving for days) stays bounded.
            if memos.count > 8_192 { memos.removeAll() }
            memos[key] = value
        }
        return value
    }

    /// The suite's id, path and a digest of its bytes (computed once per loaded file): an edited file is a
    /// different suite.
    private func fingerprint(_ suite: Suite) -> String {
        suite.file.source.path + "|" + suite.id + "|" + suite.file.sourceHash
    }
}
