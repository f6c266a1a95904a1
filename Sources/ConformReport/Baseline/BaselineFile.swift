import ConformCore

/// A baseline: the failures a team accepts for a while, each with a reason (`conform run --baseline FILE`).
///
/// ```json
/// {
///   "baselineVersion": 1,
///   "entries": [
///     {"id": "5e0b6a8f1c2d3e4f", "reason": "vendor omits owned_by; fix promised for v2", "ticket": "https://example.com/T-12",
///      "expires": "2026-12-31", "firstSeen": "2026-11-22", "lastSeen": "2026-11-23", "check": "0c1d2e3f4a5b6c7d",
///      "suite": "openai-list-models", "target": "api.example.com:443", "case": "list.default", "checkKind": "schema",
///      "title": "required property", "pointer": "/data/*"}
///   ]
/// }
/// ```
public struct BaselineFile: Sendable, Hashable {
    /// Bumped when a reader would need to change.
    public static let version = 1

    /// Entries in file order; ids are unique.
    public var entries: [BaselineEntry]

    /// A baseline holding `entries`.
    public init(entries: [BaselineEntry] = []) { self.entries = entries }

    /// The entry accepting finding `id`, if any.
    public func entry(id: String) -> BaselineEntry? { entries.first { $0.id == id } }
}
