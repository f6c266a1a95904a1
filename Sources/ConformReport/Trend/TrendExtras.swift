/// What one results file records about one suite × target beyond its checks: failures a baseline accepted and
/// the catalog the list operations saw. `TrendSeries.build` asks for it per night, so the baseline and catalog
/// work can fill it from the fields they add to results.json without touching the trend code.
public struct TrendExtras: Sendable, Hashable {
    /// Failures accepted by the run's baseline; nil when the run had none.
    public var known: Int?
    /// Items listed; nil when not recorded.
    public var catalogSize: Int?
    /// Models added, removed or changed against the previous run; nil when not recorded.
    public var catalogChanges: Int?

    /// Extras with the given values; nothing recorded by default.
    public init(known: Int? = nil, catalogSize: Int? = nil, catalogChanges: Int? = nil) {
        self.known = known; self.catalogSize = catalogSize; self.catalogChanges = catalogChanges
    }
}
