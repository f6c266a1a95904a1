/// Deterministic randomness keyed by position: a value depends on (seed, item, data path), never on how
/// many values were drawn before, so the same member comes out the same in a list and in a get-by-id.
struct SeededRandom: Sendable, Hashable {
    private(set) var state: UInt64

    init(_ state: UInt64) { self.state = state }

    /// A child key for a member name (FNV-1a of the name, mixed).
    func child(_ name: String) -> SeededRandom {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return SeededRandom(Self.mix(state ^ h))
    }

    /// A child key for an array index.
    func child(_ index: Int) -> SeededRandom { SeededRandom(Self.mix(state &+ 0x9e37_79b9_7f4a_7c15 &* UInt64(index + 1))) }

    /// A value in 0..<bound (bound ≥ 1).
    func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(Self.mix(state ^ 0x5851_f42d_4c95_7f2d) % UInt64(bound)) }

    /// A value in a closed range.
    func within(_ range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        if width == 0 { return Int64(bitPattern: Self.mix(state)) }
        return range.lowerBound &+ Int64(bitPattern: Self.mix(state ^ 0x2545_f491_4f6c_dd1d) % width)
    }

    /// True with probability percent/100.
    func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// SplitMix64's finaliser.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
