/// A hash index of positions into a sequence the caller keeps (the ids of a walk, the items of a catalog): it
/// answers "is an equal element already there, and where" without holding a copy of any element.
///
/// A `Set` of 100,000 ids holds 100,000 copies in a table kept at most three-quarters full; this holds one word
/// per slot at most half full (≈ 16 bytes an element), the word packing the position with 16 bits of the hash so
/// most probes are settled without comparing elements. Open addressing, linear probing, doubling.
public struct PositionIndex: Sendable {
    /// 0 is an empty slot; otherwise `hashTag << 48 | (position + 1)`.
    private var slots: [UInt64] = []
    /// Elements indexed.
    public private(set) var count = 0

    /// Positions are kept in 48 bits.
    static let positionLimit = (1 << 48) - 1

    public init() {}

    /// Adds the element at `position` unless an equal one is indexed already; returns that one's position then.
    /// `hash` is the element's hash, `hashAt(p)` the hash of the element at an indexed position (used when the
    /// table grows), `matches(p)` whether the element at indexed position `p` equals the new one.
    public mutating func insert(_ position: Int, hash: Int, hashAt: (Int) -> Int, matches: (Int) -> Bool) -> Int? {
        precondition(position >= 0 && position < Self.positionLimit, "position out of range")
        if (count + 1) * 2 > slots.count { grow(hashAt: hashAt) }
        let tag = Self.tag(hash)
        let mask = slots.count - 1
        var slot = Self.start(hash, mask: mask)
        while true {
            let word = slots[slot]
            if word == 0 {
                slots[slot] = (tag << 48) | UInt64(position + 1)
                count += 1
                return nil
            }
            if word >> 48 == tag {
                let existing = Int(word & 0xFFFF_FFFF_FFFF) - 1
                if matches(existing) { return existing }
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow(hashAt: (Int) -> Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(16, old.count * 2))
        let mask = slots.count - 1
        for word in old where word != 0 {
            var slot = Self.start(hashAt(Int(word & 0xFFFF_FFFF_FFFF) - 1), mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }
    }

    /// The slot a hash starts probing at: its low bits, mixed so nearby hashes spread.
    private static func start(_ hash: Int, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(hash)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// 16 bits of the hash kept beside the position.
    private static func tag(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) >> 48 }
}
