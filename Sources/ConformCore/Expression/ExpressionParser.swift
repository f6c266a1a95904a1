/// A Pratt parser from tokens to an `ExpressionNode`, checking function names, arity and lambdas as it goes.
struct ExpressionParser {
    /// Longest expression accepted, in UTF-8 bytes.
    static let maxLength = 4096
    /// Deepest nesting of parentheses, calls, brackets and operators accepted.
    static let maxDepth = 64

    let tokens: [ExpressionToken]
    var p = 0
    var nesting = 0

    static func parse(_ bytes: [UInt8]) throws(ExpressionSyntaxError) -> ExpressionNode {
        guard bytes.count <= maxLength else {
            throw ExpressionSyntaxError("expression longer than \(maxLength) bytes", at: maxLength)
        }
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(bytes))
        if parser.peek.kind == .end { throw ExpressionSyntaxError("empty expression", at: 0) }
        let node = try parser.expression(0)
        guard parser.peek.kind == .end else {
            throw ExpressionSyntaxError("unexpected \(parser.peek.described) after the expression", at: parser.peek.start)
        }
        guard node.depth <= maxDepth * 2 else {
            throw ExpressionSyntaxError("expression nested too deeply (limit \(maxDepth * 2) levels)", at: node.start)
        }
        return node
    }

    var peek: ExpressionToken { tokens[p] }
    var peekNext: ExpressionToken { tokens[min(p + 1, tokens.count - 1)] }

    mutating func advance() -> ExpressionToken {
        let t = tokens[p]
        if p < tokens.count - 1 { p += 1 }
        return t
    }

    mutating func expect(_ symbol: String, _ what: String) throws(ExpressionSyntaxError) -> ExpressionToken {
        guard peek.isSymbol(symbol) else { throw ExpressionSyntaxError("expected '\(symbol)' \(what), found \(peek.described)", at: peek.start) }
        return advance()
    }

    mutating func enter() throws(ExpressionSyntaxError) {
        nesting += 1
        if nesting > Self.maxDepth { throw ExpressionSyntaxError("expression nested too deeply (limit \(Self.maxDepth) levels)", at: peek.start) }
    }

    func binaryOperator(_ t: ExpressionToken) -> BinaryOperator? {
        switch t.kind {
        case .symbol(let s): return BinaryOperator(rawValue: s)
        case .keyword("in"): return .in
        default: return nil
        }
    }

    mutating func expression(_ minPrecedence: Int) throws(ExpressionSyntaxError) -> ExpressionNode {
        try enter()
        defer { nesting -= 1 }
        var left = try prefix()
        var chainedComparison = false
        while let op = binaryOperator(peek), op.precedence >= minPrecedence {
            if op.isComparison && chainedComparison {
                throw ExpressionSyntaxError("comparisons cannot be chained; combine them with '&&'", at: peek.start)
            }
            _ = advance()
            let right = try expression(op.isRightAssociative ? op.precedence : op.precedence + 1)
            left = ExpressionNode(kind: .binary(op, left, right), start: left.start, end: right.end)
            chainedComparison = op.isComparison
        }
        return left
    }

    mutating func prefix() throws(ExpressionSyntaxError) -> ExpressionNode {
        let t = peek
        if t.isSymbol("!") {
            _ = advance()
            // Looser than comparisons: `!a == b` is `!(a == b)`; tighter than `&&`.
            let operand = try expression(4)
            return ExpressionNode(kind: .unary(.not, operand), start: t.start, end: operand.end)
        }
        return try signed()
    }

    mutating func signed() throws(ExpressionSyntaxError) -> ExpressionNode {
        let t = peek
        guard t.isSymbol("-") else { return try postfix(try primary()) }
        _ = advance()
        try enter()
        defer { nesting -= 1 }
        let operand = try signed()
        if case .literal(.number(let n)) = operand.kind, !n.text.hasPrefix("-") {
            return ExpressionNode(kind: .literal(.number(JSONNumber(text: "-" + n.text))), start: t.start, end: operand.end)
        }
        return ExpressionNode(kind: .unary(.negate, operand), start: t.start, end: operand.end)
    }

    mutating func postfix(_ base: ExpressionNode) throws(ExpressionSyntaxError) -> ExpressionNode {
        var node = base
        while true {
            if peek.isSymbol(".") {
                let dot = advance()
                let name: String
                switch peek.kind {
                case .identifier(let n), .keyword(let n): name = n
                case .number(let n): throw ExpressionSyntaxError("use [\(n)] to index an array, not .\(n)", at: peek.start)
                default: throw ExpressionSyntaxError("expected a member name after '.', found \(peek.described)", at: peek.start)
                }
                let nameToken = advance()
                _ = dot
                node = ExpressionNode(kind: .member(node, name), start: node.start, end: nameToken.end)
            } else if peek.isSymbol("[") {
                let open = advance()
                if peek.isSymbol("*") && peekNext.isSymbol("]") {
                    _ = advance()
                    let close = advance()
                    try enter()
                    defer { nesting -= 1 }
                    let rest = try postfix(ExpressionNode(kind: .element, start: close.end, end: close.end))
                    return ExpressionNode(kind: .projection(node, rest: rest), start: node.start, end: max(close.end, rest.end))
                }
                if peek.isSymbol("]") { throw ExpressionSyntaxError("expected an index or '*' inside '[]'", at: peek.start) }
                let index = try expression(0)
                let close = try expect("]", "to close the index opened at column \(open.start + 1)")
                node = ExpressionNode(kind: .index(node, index), start: node.start, end: close.end)
            } else if peek.isSymbol("(") {
                throw ExpressionSyntaxError("only a function name can be called", at: peek.start)
            } else {
                return node
            }
        }
    }

    mutating func primary() throws(ExpressionSyntaxError) -> ExpressionNode {
        let t = peek
        switch t.kind {
        case .number(let text):
            _ = advance()
            return ExpressionNode(kind: .literal(.number(JSONNumber(text: text))), start: t.start, end: t.end)
        case .string(let s):
            _ = advance()
            return ExpressionNode(kind: .literal(.string(s)), start: t.start, end: t.end)
        case .keyword("true"), .keyword("false"), .keyword("null"):
            _ = advance()
            let v: JSONValue = t.kind == .keyword("null") ? .null : .bool(t.kind == .keyword("true"))
            return ExpressionNode(kind: .literal(v), start: t.start, end: t.end)
        case .identifier(let name):
            if peekNext.isSymbol("(") { return try call(name) }
            if peekNext.isSymbol("=>") {
                throw ExpressionSyntaxError("a lambda (\(name) => …) is only allowed as a function argument", at: t.start)
            }
            _ = advance()
            return ExpressionNode(kind: .identifier(name), start: t.start, end: t.end)
        case .symbol("("):
            _ = advance()
            let inner = try expression(0)
            let close = try expect(")", "to close the parenthesis opened at column \(t.start + 1)")
            return ExpressionNode(kind: inner.kind, start: t.start, end: close.end)
        case .symbol("["):
            _ = advance()
            try enter()
            defer { nesting -= 1 }
            var items: [ExpressionNode] = []
            if !peek.isSymbol("]") {
                while true {
                    items.append(try expression(0))
                    guard peek.isSymbol(",") else { break }
                    _ = advance()
                    if peek.isSymbol("]") { throw ExpressionSyntaxError("trailing comma before ']'", at: peek.start) }
                }
            }
            let close = try expect("]", "to close the array opened at column \(t.start + 1)")
            return ExpressionNode(kind: .array(items), start: t.start, end: close.end)
        case .end:
            throw ExpressionSyntaxError("unexpected end of expression: expected a value", at: t.start)
        default:
            throw ExpressionSyntaxError("expected a value, found \(t.described)", at: t.start)
        }
    }

    mutating func call(_ name: String) throws(ExpressionSyntaxError) -> ExpressionNode {
        let nameToken = advance()
        guard let function = BuiltinFunctions.named[name] else {
            let hint = NearestName.hint(name, in: BuiltinFunctions.all.map(\.name))
            throw ExpressionSyntaxError("unknown function \"\(name)\"\(hint)", at: nameToken.start)
        }
        _ = advance()  // (
        try enter()
        defer { nesting -= 1 }
        var args: [ExpressionNode] = []
        if !peek.isSymbol(")") {
            while true {
                args.append(try argument())
                guard peek.isSymbol(",") else { break }
                _ = advance()
            }
        }
        let close = try expect(")", "to close the call of \(name)()")
        try function.checkArguments(args, at: nameToken.start)
        return ExpressionNode(kind: .call(name, args), start: nameToken.start, end: close.end)
    }

    mutating func argument() throws(ExpressionSyntaxError) -> ExpressionNode {
        guard case .identifier(let param) = peek.kind, peekNext.isSymbol("=>") else { return try expression(0) }
        let start = advance().start
        _ = advance()  // =>
        let body = try expression(0)
        return ExpressionNode(kind: .lambda(param, body), start: start, end: body.end)
    }
}
