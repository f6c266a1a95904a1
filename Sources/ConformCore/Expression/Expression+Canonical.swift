/// One spelling per meaning, so a rule keeps its identity when its text is reformatted.
extension Expression {
    /// The expression with whitespace, redundant parentheses and lambda parameter names normalised:
    /// `total>=len( items )` and `(total >= len(items))` both read `(total >= len(items))`;
    /// `all(items, m => m.id != "")` and `all(items, x => x.id != "")` both read `all(items, $1 => ($1.id != ""))`.
    public var canonicalText: String {
        var printer = CanonicalPrinter()
        return printer.text(root)
    }
}

/// Prints an expression tree fully parenthesised, renaming lambda parameters by nesting depth.
private struct CanonicalPrinter {
    /// Lambda parameter names in scope, innermost last, with their canonical names.
    var bound: [(name: String, canonical: String)] = []

    mutating func text(_ node: ExpressionNode) -> String {
        switch node.kind {
        case .literal(let value):
            return JSONWriter.write(value, pretty: false)
        case .array(let items):
            return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
        case .identifier(let name):
            return bound.last(where: { $0.name == name })?.canonical ?? name
        case .element:
            return ""
        case .member(let base, let name):
            return text(base) + (Self.isIdentifier(name) ? "." + name : "[" + JSONWriter.quote(name) + "]")
        case .index(let base, let index):
            return text(base) + "[" + text(index) + "]"
        case .projection(let base, let rest):
            return text(base) + "[*]" + text(rest)
        case .unary(let op, let operand):
            return op.rawValue + text(operand)
        case .binary(let op, let left, let right):
            return "(" + text(left) + " " + op.rawValue + " " + text(right) + ")"
        case .call(let name, let arguments):
            return name + "(" + arguments.map { text($0) }.joined(separator: ", ") + ")"
        case .lambda(let parameter, let body):
            let canonical = "$\(bound.count + 1)"
            bound.append((parameter, canonical))
            defer { bound.removeLast() }
            return canonical + " => " + text(body)
        }
    }

    /// Letters, digits and `_`, not starting with a digit: printable after a dot.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !(48...57).contains(first.value) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.value < 128 && ($0.properties.isAlphabetic || (48...57).contains($0.value))) }
    }
}
