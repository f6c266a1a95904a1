/// One part of a run split across CI jobs (`conform run --shard I/N`): a deterministic partition by case,
/// so every case (a whole walk, a whole cross-check) runs in exactly one shard, the same one every time.
public struct Shard: Sendable, Hashable, Codable {
    /// 1-based: 1 … count.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    /// `2/3`.
    public var description: String { "\(index)/\(count)" }

    /// Parses `I/N` with 1 ≤ I ≤ N ≤ 1000; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 1000, i >= 1, i <= n else { return nil }
        self.init(index: i, count: n)
    }

    /// Whether the case `caseId` of suite `suite` belongs to this shard: the SHA-256 of `suite ␟ caseId`,
    /// read as a number, modulo `count` — independent of the plan's order and of the other cases.
    public func selects(suite: String, caseId: String) -> Bool {
        let hex = SHA256.hex(suite + "\u{1F}" + caseId).prefix(12)
        return Int(UInt64(hex, radix: 16)! % UInt64(count)) == index - 1
    }
}
