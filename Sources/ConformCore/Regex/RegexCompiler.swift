/// Turns a `RegexNode` tree into `RegexInstruction`s, expanding counted repetition (`x{2,4}` becomes
/// two copies of `x` and two nested optional ones) under a size cap, so the per-character work of a
/// match — proportional to the program's size — stays bounded.
struct RegexCompiler {
    /// Programs larger than this are refused: each character of input costs up to a few steps per instruction.
    static let maxInstructions = 20_000

    private(set) var instructions: [RegexInstruction] = []
    private(set) var classes: [RegexCharacterClass] = []

    /// The program for `root`, ending in `.match`.
    static func compile(_ root: RegexNode) throws(RegexSyntaxError) -> (instructions: [RegexInstruction], classes: [RegexCharacterClass]) {
        var compiler = RegexCompiler()
        try compiler.emit(root)
        compiler.instructions.append(.match)
        return (compiler.instructions, compiler.classes)
    }

    private mutating func append(_ instruction: RegexInstruction, for node: RegexNode) throws(RegexSyntaxError) -> Int {
        guard instructions.count < Self.maxInstructions else {
            throw RegexSyntaxError("pattern expands to more than \(Self.maxInstructions) instructions (nested counted repetition); simplify it",
                                   at: node.span.lowerBound)
        }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            return
        case .literal(let c, _):
            _ = try append(.scalar(c), for: node)
        case .anyExceptNewline:
            _ = try append(.anyExceptNewline, for: node)
        case .characterClass(let set, _):
            classes.append(set)
            _ = try append(.set(classes.count - 1), for: node)
        case .assertion(let a, _):
            _ = try append(.assert(a), for: node)
        case .group(let inner, _, _, _):
            try emit(inner)
        case .concatenation(let nodes, _):
            for n in nodes { try emit(n) }
        case .alternation(let alternatives, _):
            try alternation(alternatives[...], node: node)
        case .repetition(let inner, let min, let max, _, _):
            try repetition(inner, min: min, max: max, node: node)
        }
    }

    private mutating func alternation(_ alternatives: ArraySlice<RegexNode>, node: RegexNode) throws(RegexSyntaxError) {
        guard let first = alternatives.first else { return }
        guard alternatives.count > 1 else { return try emit(first) }
        let split = try append(.split(0, 0), for: node)
        try emit(first)
        let jump = try append(.jump(0), for: node)
        let second = instructions.count
        try alternation(alternatives.dropFirst(), node: node)
        instructions[split] = .split(split + 1, second)
        instructions[jump] = .jump(instructions.count)
    }

    private mutating func repetition(_ inner: RegexNode, min: Int, max: Int?, node: RegexNode) throws(RegexSyntaxError) {
        for _ in 0..<min { try emit(inner) }
        guard let max else {
            // L: split body, end; body; jump L
            let loop = try append(.split(0, 0), for: node)
            try emit(inner)
            _ = try append(.jump(loop), for: node)
            instructions[loop] = .split(loop + 1, instructions.count)
            return
        }
        // Nested optionals: split a, end; x; split b, end; x; … end
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(try append(.split(0, 0), for: node))
            try emit(inner)
        }
        for s in splits { instructions[s] = .split(s + 1, instructions.count) }
    }
}
