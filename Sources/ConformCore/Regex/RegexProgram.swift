/// A compiled pattern that answers "does it match anywhere in this string?" (JSON Schema's unanchored
/// search) in time O(program size × input length): an NFA simulation over Unicode scalars that never
/// backtracks, so `^(a+)+$` against `"aaa…!"` costs microseconds, not seconds.
///
/// Plain literals, with or without `^`/`$`, skip the simulation and compare UTF-8 bytes.
public final class RegexProgram: Sendable {
    /// The pattern as written.
    public let source: String
    /// The parsed tree (for tools such as the mock's string generator).
    public let tree: RegexNode
    let instructions: [RegexInstruction]
    let classes: [RegexCharacterClass]
    /// ASCII membership of each class as two 64-bit masks (code points 0–63, 64–127).
    let asciiMasks: [(UInt64, UInt64)]
    /// True when every path starts with `^`: threads are only started at the first position.
    let anchoredAtStart: Bool
    let literal: RegexLiteralForm?

    /// Parses and compiles `pattern`, or throws the refusal with its position.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        let tree = try RegexParser.parse(pattern)
        let (instructions, classes) = try RegexCompiler.compile(tree)
        self.source = pattern
        self.tree = tree
        self.instructions = instructions
        self.classes = classes
        self.asciiMasks = classes.map { set in
            var lo: UInt64 = 0, hi: UInt64 = 0
            for c in UInt32(0)..<128 where set.contains(c) {
                if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
            }
            return (lo, hi)
        }
        self.anchoredAtStart = Self.startsWithCaret(tree)
        self.literal = RegexLiteralForm(tree)
    }

    /// The number of instructions (the factor the work per input character is bounded by).
    public var size: Int { instructions.count }

    /// True when the pattern matches somewhere in `s` (anchor it with `^…$` for a whole-string match).
    public func matches(_ s: String) -> Bool {
        if let literal { return literal.matches(s) }
        var steps = 0
        return simulate(s, steps: &steps)
    }

    /// Like `matches`, through the NFA simulation even for literals, with the number of steps it took
    /// (each is one instruction visited at one input position): at most 3 × `size` × (input length + 1).
    public func matchCountingSteps(_ s: String) -> (matched: Bool, steps: Int) {
        var steps = 0
        let matched = simulate(s, steps: &steps)
        return (matched, steps)
    }

    private static func startsWithCaret(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.start, _): return true
        case .group(let inner, _, _, _): return startsWithCaret(inner)
        case .concatenation(let nodes, _): return nodes.first.map(startsWithCaret) ?? false
        case .alternation(let alternatives, _): return alternatives.allSatisfy(startsWithCaret)
        default: return false
        }
    }
}
