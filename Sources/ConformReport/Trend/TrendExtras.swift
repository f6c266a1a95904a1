/// What one results file records about one suite × target beyond its checks and catalog: the failures its
/// baseline accepted. `TrendSeries.build` asks for it per night, so the baseline work can fill it from the
/// classes it adds to results.json without touching the trend code.
public struct TrendExtras: Sendable, Hashable {
    /// Failures accepted by the run's baseline; nil when the run had none.
    public var known: Int?

    /// Extras with the given values; nothing recorded by default.
    public init(known: Int? = nil) { self.known = known }
}
