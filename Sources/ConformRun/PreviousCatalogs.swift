import ConformCore

/// The catalogs of an earlier run (`conform run --confirm-removals BEFORE.json`), by suite and list operation.
public struct PreviousCatalogs: Sendable {
    /// suite id → its listings (the first occurrence of a suite when the earlier run had it twice).
    let listings: [String: [CatalogListing]]

    /// The catalogs recorded by an earlier run.
    public init(_ run: RunResult) {
        var listings: [String: [CatalogListing]] = [:]
        for suite in run.suites where listings[suite.suite] == nil { listings[suite.suite] = suite.catalogs }
        self.listings = listings
    }

    /// The earlier listing of one suite's list operation, when it recorded one.
    public func listing(suite: String, operation: String) -> CatalogListing? {
        listings[suite]?.first { $0.operation == operation }
    }
}
