/// A node of a parsed expression, with the UTF-8 range of the source text it came from.
public struct ExpressionNode: Sendable {
    public indirect enum Kind: Sendable {
        case literal(JSONValue)
        case array([ExpressionNode])
        /// A bare name: a lambda parameter, a variable, `request`/`response`/`body`, or a member of the body.
        case identifier(String)
        /// The element an enclosing projection is visiting (the base of `.model_vendor` in `items[*].model_vendor`).
        case element
        case member(ExpressionNode, String)
        case index(ExpressionNode, ExpressionNode)
        /// `base[*]` followed by `rest`, which is evaluated once per element (rooted at `.element`).
        case projection(ExpressionNode, rest: ExpressionNode)
        case unary(UnaryOperator, ExpressionNode)
        case binary(BinaryOperator, ExpressionNode, ExpressionNode)
        case call(String, [ExpressionNode])
        /// `v => body`: only allowed as the argument of a function that takes one.
        case lambda(String, ExpressionNode)
    }

    public var kind: Kind
    /// UTF-8 range of the node's source text inside the expression.
    public var start: Int
    public var end: Int

    /// True for a path: an identifier followed by members, indexes and projections.
    public var isPath: Bool {
        switch kind {
        case .identifier, .element: return true
        case .member(let base, _), .index(let base, _): return base.isPath
        case .projection(let base, _): return base.isPath
        default: return false
        }
    }

    var isLiteral: Bool { if case .literal = kind { return true }; return false }

    /// A literal or an array literal of constants: its value needs no explaining.
    var isConstant: Bool {
        switch kind {
        case .literal: return true
        case .array(let items): return items.allSatisfy(\.isConstant)
        default: return false
        }
    }

    /// Depth of the tree, which bounds the evaluator's recursion.
    var depth: Int {
        switch kind {
        case .literal, .identifier, .element: return 1
        case .array(let items): return 1 + (items.map(\.depth).max() ?? 0)
        case .member(let b, _): return 1 + b.depth
        case .index(let b, let i): return 1 + max(b.depth, i.depth)
        case .projection(let b, let r): return 1 + max(b.depth, r.depth)
        case .unary(_, let o): return 1 + o.depth
        case .binary(_, let l, let r): return 1 + max(l.depth, r.depth)
        case .call(_, let args): return 1 + (args.map(\.depth).max() ?? 0)
        case .lambda(_, let body): return 1 + body.depth
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case coalesce = "??"
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    /// Binding power: higher binds tighter. `!` sits between `&&` and the comparisons (see docs/expressions.md).
    var precedence: Int {
        switch self {
        case .coalesce: return 1
        case .or: return 2
        case .and: return 3
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return 5
        case .add, .subtract: return 6
        case .multiply, .divide, .remainder: return 7
        }
    }

    public var isComparison: Bool { precedence == 5 }
    var isRightAssociative: Bool { self == .coalesce }
}
