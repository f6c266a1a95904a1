/// One node of a parsed regular expression (the ECMA-262 subset `RegexParser` accepts).
///
/// Code points are `UInt32` rather than `Unicode.Scalar` because `\uD800`-style escapes may name a lone
/// surrogate, which no Swift string holds (such a literal simply never matches). Every node carries
/// `span`, the UTF-8 byte range of its source inside the pattern, so tools can point at it.
public indirect enum RegexNode: Sendable, Equatable {
    /// Matches the empty string (an empty pattern, an empty alternative, `()`).
    case empty(span: Range<Int>)
    /// One code point, written plainly or as an escape (`a`, `\.`, `\u00e9`).
    case literal(UInt32, span: Range<Int>)
    /// `.`: any code point except the line terminators `\n \r \u2028 \u2029`.
    case anyExceptNewline(span: Range<Int>)
    /// A set of code points: `[…]`, `[^…]`, or a class escape (`\d \D \w \W \s \S`).
    case characterClass(RegexCharacterClass, span: Range<Int>)
    /// A zero-width test: `^ $ \b \B`.
    case assertion(RegexAssertion, span: Range<Int>)
    /// `( … )`, `(?: … )` or `(?<name> … )`; capturing only matters to tools that extract groups.
    case group(RegexNode, capturing: Bool, name: String?, span: Range<Int>)
    /// Nodes matched one after the other.
    case concatenation([RegexNode], span: Range<Int>)
    /// `a|b|…`: any one of the alternatives.
    case alternation([RegexNode], span: Range<Int>)
    /// `x* x+ x? x{n} x{n,} x{n,m}` (`max` nil: unbounded); `lazy` for the `?`-suffixed forms, which
    /// accept the same strings (a yes/no match cannot tell them apart).
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool, span: Range<Int>)

    /// The UTF-8 byte range of this node inside the pattern.
    public var span: Range<Int> {
        switch self {
        case .empty(let s), .literal(_, let s), .anyExceptNewline(let s), .characterClass(_, let s), .assertion(_, let s),
             .group(_, _, _, let s), .concatenation(_, let s), .alternation(_, let s), .repetition(_, _, _, _, let s):
            return s
        }
    }
}

/// A zero-width assertion of the supported subset.
public enum RegexAssertion: Sendable, Equatable {
    /// `^`: the start of the input (no multiline flag in JSON Schema).
    case start
    /// `$`: the end of the input (a trailing newline does not count).
    case end
    /// `\b`: between a word character (`[A-Za-z0-9_]`) and a non-word character or an edge.
    case wordBoundary
    /// `\B`: not at a word boundary.
    case notWordBoundary
}
