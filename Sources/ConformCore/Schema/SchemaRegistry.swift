import Foundation

/// Documents by absolute URI, plus an optional loader for URIs not yet known (files, `--map` prefixes).
///
/// A registry may be shared by many validators (one per suite file, one per official test): it holds raw
/// documents only, never compiled schemas, so two validators never see each other's `$id`s.
public final class SchemaRegistry: @unchecked Sendable {
    private let loader: (@Sendable (String) -> JSONValue?)?
    private let lock = NSLock()
    private var documents: [String: JSONValue] = [:]
    /// Absolute `$id`s of embedded resources → URI of the added document that holds them.
    private var embedded: [String: String] = [:]
    /// URIs the loader already failed on, so a missing file is looked for once.
    private var missing: Set<String> = []

    /// `loader` is called with an absolute URI (no fragment) the registry does not hold yet.
    public init(loader: (@Sendable (String) -> JSONValue?)? = nil) { self.loader = loader }

    /// Registers a document under its retrieval URI (and under every `$id` it declares).
    public func add(_ document: JSONValue, uri: String) {
        let uri = URIReference.splitFragment(uri).resource
        var ids: [String] = []
        SchemaResourceIndex.scanIDs(document, base: uri) { ids.append($0) }
        lock.lock(); defer { lock.unlock() }
        documents[uri] = document
        for id in ids where id != uri && embedded[id] == nil { embedded[id] = uri }
    }

    /// The document at `uri`, or the URI of a held document embedding a resource with that `$id`;
    /// asks the loader when neither is known.
    func lookup(_ uri: String) -> (document: JSONValue, uri: String)? {
        lock.lock()
        if let d = documents[uri] { lock.unlock(); return (d, uri) }
        if let holder = embedded[uri], let d = documents[holder] { lock.unlock(); return (d, holder) }
        let known = missing.contains(uri)
        lock.unlock()
        guard !known, let loader else { return nil }
        // The loader does I/O: call it outside the lock.
        guard let loaded = loader(uri) else {
            lock.lock(); missing.insert(uri); lock.unlock()
            return nil
        }
        add(loaded, uri: uri)
        return (loaded, uri)
    }
}
