import ConformCore

/// Builds a string a pattern matches by walking its parsed tree (`RegexNode`), aiming at a length window
/// (`minLength`/`maxLength`): repetition counts and alternatives are chosen so the text fits, characters are
/// taken from each class (readable ASCII first). Deterministic in the key. The result is a candidate:
/// callers verify it with `RegexProgram` (word boundaries and clashing anchors are not planned for).
struct RegexGenerator {
    private let root: RegexNode
    private let key: SeededRandom
    private var draws = 0

    /// The length window a node's matches can have (`max` nil: unbounded).
    struct Extent { var min: Int; var max: Int? }

    init(_ tree: RegexNode, key: SeededRandom) {
        self.root = tree
        self.key = key
    }

    /// A matching text whose length (in Unicode scalars, as `minLength` counts) lies in `window` when the
    /// pattern allows; without a window, a short natural length. Text the pattern does not anchor may be
    /// padded at the unanchored end up to `window.lowerBound`.
    static func generate(_ tree: RegexNode, key: SeededRandom, window: ClosedRange<Int>?) -> String {
        var g = RegexGenerator(tree, key: key)
        let e = extent(tree)
        var best: [UInt32] = []
        // Optional parts make some lengths unreachable for a given split: a few tries with fresh draws.
        for _ in 0..<8 {
            var target: Int?
            if let w = window {
                let lo = max(w.lowerBound, e.min), hi = min(w.upperBound, e.max ?? Int.max)
                if lo <= hi {
                    // A little above the minimum reads naturally; never past the window.
                    target = min(hi, lo + g.draw(max(1, min(hi - lo + 1, 8))))
                } else {
                    target = e.max.map { min($0, w.upperBound) } ?? e.min
                }
            }
            var scalars: [UInt32] = []
            g.emit(tree, target: target, into: &scalars)
            if let w = window, scalars.count < w.lowerBound {
                let pad = [UInt32](repeating: 0x78, count: w.lowerBound - scalars.count)
                if !endsAnchored(tree) { scalars += pad } else if !startsAnchored(tree) { scalars = pad + scalars }
            }
            best = scalars
            if window?.contains(scalars.count) ?? true { break }
        }
        var text = String.UnicodeScalarView()
        for c in best { if let s = Unicode.Scalar(c) { text.append(s) } }
        return String(text)
    }

    /// The shortest and longest match of a node.
    static func extent(_ node: RegexNode) -> Extent {
        switch node {
        case .empty, .assertion: return Extent(min: 0, max: 0)
        case .literal, .anyExceptNewline, .characterClass: return Extent(min: 1, max: 1)
        case .group(let inner, _, _, _): return extent(inner)
        case .concatenation(let nodes, _):
            var out = Extent(min: 0, max: 0)
            for n in nodes {
                let e = extent(n)
                out.min += e.min
                out.max = out.max.flatMap { a in e.max.map { a + $0 } }
            }
            return out
        case .alternation(let nodes, _):
            let all = nodes.map(extent)
            let lo = all.map(\.min).min() ?? 0
            let hi: Int? = all.contains { $0.max == nil } ? nil : all.compactMap(\.max).max() ?? 0
            return Extent(min: lo, max: hi)
        case .repetition(let inner, let lo, let hi, _, _):
            let e = extent(inner)
            let top: Int? = hi.flatMap { h in e.max.map { h * $0 } }
            return Extent(min: lo * e.min, max: e.max == 0 ? 0 : top)
        }
    }

    static func startsAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.start, _): return true
        case .group(let inner, _, _, _): return startsAnchored(inner)
        case .concatenation(let nodes, _): return nodes.first.map(startsAnchored) ?? false
        case .alternation(let nodes, _): return nodes.allSatisfy(startsAnchored)
        default: return false
        }
    }

    static func endsAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.end, _): return true
        case .group(let inner, _, _, _): return endsAnchored(inner)
        case .concatenation(let nodes, _): return nodes.last.map(endsAnchored) ?? false
        case .alternation(let nodes, _): return nodes.allSatisfy(endsAnchored)
        default: return false
        }
    }

    /// A number in 0..<bound, a fresh one per call (so the same key walks the same tree the same way).
    private mutating func draw(_ bound: Int) -> Int {
        draws += 1
        return key.child(draws).below(bound)
    }

    /// Appends a match of `node`, of length `target` when given and reachable.
    private mutating func emit(_ node: RegexNode, target: Int?, into out: inout [UInt32]) {
        switch node {
        case .empty, .assertion: return
        case .literal(let c, _): out.append(c)
        case .anyExceptNewline: out.append(pick(RegexCharacterClass(RegexCharacterClass.lineTerminator.ranges, negated: true)))
        case .characterClass(let set, _): out.append(pick(set))
        case .group(let inner, _, _, _): emit(inner, target: target, into: &out)
        case .concatenation(let nodes, _):
            let extents = nodes.map(Self.extent)
            let shares = distribute(target, extents)
            for (n, share) in zip(nodes, shares) { emit(n, target: share, into: &out) }
        case .alternation(let nodes, _):
            let extents = nodes.map(Self.extent)
            var choices = Array(nodes.indices)
            if let t = target {
                let fitting = choices.filter { extents[$0].min <= t && t <= (extents[$0].max ?? Int.max) }
                if !fitting.isEmpty { choices = fitting }
            }
            let k = choices[draw(choices.count)]
            emit(nodes[k], target: target, into: &out)
        case .repetition(let inner, let lo, let hi, _, _):
            let e = Self.extent(inner)
            let top = hi ?? (lo + 3)
            var count: Int
            if let t = target, e.max != 0 {
                // The fewest copies that can reach t without any copy going below its shortest match.
                let fewest = e.max.map { m in (t + m - 1) / m } ?? (t > 0 ? 1 : 0)
                let most = e.min > 0 ? t / e.min : Int.max
                let low = Swift.max(lo, fewest), high = Swift.min(hi ?? Int.max, most)
                count = low <= high ? low : Swift.min(Swift.max(low, lo), hi ?? Int.max)
                count = Swift.min(count, RegexParser.maxCount * 4)
            } else {
                count = lo + draw(Swift.max(1, Swift.min(top, lo + 3) - lo + 1))
            }
            let shares = distribute(target, [Extent](repeating: e, count: count))
            for share in shares { emit(inner, target: share, into: &out) }
        }
    }

    /// Splits `target` over parts with the given extents: each gets its minimum, the rest is spread at random
    /// within each part's maximum. Without a target, each part chooses freely (nil).
    private mutating func distribute(_ target: Int?, _ extents: [Extent]) -> [Int?] {
        guard let t = target else { return extents.map { _ in nil } }
        var shares = extents.map(\.min)
        var rest = t - shares.reduce(0, +)
        var open = extents.indices.filter { (extents[$0].max ?? Int.max) > shares[$0] }
        while rest > 0, !open.isEmpty {
            let pick = open[draw(open.count)]
            let room = (extents[pick].max ?? Int.max) - shares[pick]
            let give = Swift.min(room, Swift.max(1, rest / Swift.max(open.count, 1)))
            shares[pick] += give
            rest -= give
            if (extents[pick].max ?? Int.max) <= shares[pick] { open.removeAll { $0 == pick } }
        }
        return shares.map { Optional($0) }
    }

    /// A code point of the class: readable ASCII first (lower case, digits, upper case, `-`, `_`), then
    /// other printable ASCII, then the first code point of the class that a string can hold.
    private mutating func pick(_ set: RegexCharacterClass) -> UInt32 {
        let tiers: [[ClosedRange<UInt32>]] = [[0x61...0x7A, 0x30...0x39], [0x41...0x5A, 0x2D...0x2D, 0x5F...0x5F], [0x21...0x7E], [0x20...0x20]]
        for tier in tiers {
            var options: [UInt32] = []
            for r in tier { for c in r where set.contains(c) { options.append(c) } }
            if !options.isEmpty { return options[draw(options.count)] }
        }
        for r in set.effectiveRanges {
            for c in r.lowerBound...Swift.min(r.upperBound, r.lowerBound + 0x900) where Unicode.Scalar(c) != nil && c > 0x7F {
                return c
            }
        }
        return 0x61
    }
}
