/// A set of code points as sorted, non-overlapping, non-adjacent ranges, plus a negation flag
/// (`[^…]` keeps its ranges and sets `negated`, so a generator can still read what was written).
public struct RegexCharacterClass: Sendable, Equatable {
    /// Sorted, merged ranges of code points the class names (before negation).
    public private(set) var ranges: [ClosedRange<UInt32>]
    /// True for `[^…]`: the class matches every code point outside `ranges`.
    public var negated: Bool

    /// The largest code point.
    public static let maxCodePoint: UInt32 = 0x10FFFF

    /// A class of the given ranges (in any order, overlaps allowed).
    public init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        self.ranges = Self.merged(ranges)
        self.negated = negated
    }

    /// `\d`: ASCII digits (ECMA-262 without the `u` flag's Unicode meaning).
    public static let digit = RegexCharacterClass([0x30...0x39])
    /// `\w`: ASCII letters, digits and `_`.
    public static let word = RegexCharacterClass([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMA-262 WhiteSpace and LineTerminator.
    public static let space = RegexCharacterClass([0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
                                                   0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF])
    /// The line terminators `.` does not match.
    public static let lineTerminator = RegexCharacterClass([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])

    /// Whether the class matches the code point `c`.
    public func contains(_ c: UInt32) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < c { lo = mid + 1 } else { hi = mid }
        }
        let inside = lo < ranges.count && ranges[lo].contains(c)
        return inside != negated
    }

    /// The code points outside this class's ranges (ignoring `negated`), as ranges.
    public var complementRanges: [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            if r.upperBound == Self.maxCodePoint { return out }
            next = r.upperBound + 1
        }
        out.append(next...Self.maxCodePoint)
        return out
    }

    /// The ranges this class matches, negation applied.
    public var effectiveRanges: [ClosedRange<UInt32>] { negated ? complementRanges : ranges }

    private static func merged(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<UInt32>] = []
        for r in sorted {
            if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
