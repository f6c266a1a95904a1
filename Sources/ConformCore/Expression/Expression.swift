/// A parsed invariant expression (`total_item_count >= len(items)`); the language is described in docs/expressions.md.
public struct Expression: Sendable {
    /// The expression text as written in the suite.
    public let source: String
    /// The parsed tree: tools (the mock's solver, the drift catalog) read this, never `source`.
    public let root: ExpressionNode

    /// Context variables the runner binds (`page` in walks, `item` in cross-checks); `bodyPaths` leaves them out.
    public static let contextVariables: Set<String> = ["page", "item"]

    /// Parses an expression; errors carry the offset inside the expression.
    public static func parse(_ source: String) throws(ExpressionParseError) -> Expression {
        let bytes = Array(source.utf8)
        do {
            return Expression(source: source, root: try ExpressionParser.parse(bytes))
        } catch {
            let offset = min(max(0, error.offset), bytes.count)
            let column = String(decoding: bytes[0..<offset], as: UTF8.self).count + 1
            throw ExpressionParseError(message: error.message, offset: offset, column: column)
        }
    }

    /// Member paths into the response body the expression reads (roots other than `request`, `response`,
    /// lambda parameters and context variables), e.g. `[["total_item_count"], ["items"], ["items", "*", "id"]]`.
    public var bodyPaths: [[String]] { bodyPaths(variables: Self.contextVariables) }

    /// `bodyPaths`, leaving out the given variable names instead of `contextVariables`.
    public func bodyPaths(variables: Set<String>) -> [[String]] {
        var collector = BodyPathCollector(variables: variables)
        collector.walk(root, bindings: [:], element: nil)
        return collector.paths
    }

    /// Evaluates to a value, or a problem (missing path, type mismatch) — never traps.
    public func evaluate(in context: EvaluationContext) -> EvaluationResult {
        let evaluator = ExpressionEvaluator(context: context, source: Array(source.utf8))
        do {
            return .value(try evaluator.evaluate(root).value)
        } catch {
            return .problem(EvaluationProblem(message: error.message, pointer: error.pointer))
        }
    }

    /// Evaluates one node of this expression's tree (a side of a comparison, an argument) in `context`.
    public func evaluate(_ node: ExpressionNode, in context: EvaluationContext) -> EvaluationResult {
        let evaluator = ExpressionEvaluator(context: context, source: Array(source.utf8))
        do {
            return .value(try evaluator.evaluate(node).value)
        } catch {
            return .problem(EvaluationProblem(message: error.message, pointer: error.pointer))
        }
    }

    /// The source text of one node of the tree (`meta.total` in `meta.total >= len(models)`).
    public func text(of node: ExpressionNode) -> String {
        let bytes = Array(source.utf8)
        let lo = max(0, min(node.start, bytes.count)), hi = max(lo, min(node.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Evaluates as an invariant: holds only when the value is boolean `true`.
    public func check(in context: EvaluationContext) -> InvariantVerdict {
        ExpressionEvaluator(context: context, source: Array(source.utf8)).verdict(root)
    }
}

/// An expression that does not parse: message and position inside the expression.
public struct ExpressionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based UTF-8 offset inside the expression text.
    public let offset: Int
    /// 1-based column inside the expression text (in characters).
    public let column: Int
    /// A parse error at `offset` (bytes) / `column` (characters) inside the expression.
    public init(message: String, offset: Int, column: Int) { self.message = message; self.offset = offset; self.column = column }
    public var description: String { "column \(column): \(message)" }
}

/// What an expression can see.
public struct EvaluationContext: Sendable {
    /// The parsed response body; bare identifiers (`items`, `meta.total`) resolve here. `body` names it too.
    public var body: JSONValue?
    /// `request`: an object of the `RequestMember`s (`method`, `url`, `path`, `query`, `headers`, `vars`).
    public var request: JSONValue
    /// `response`: an object of the `ResponseMember`s (`status`, `headers`).
    public var response: JSONValue
    /// Extra named values (`page` in walks, `item` in cross-checks).
    public var variables: [String: JSONValue]

    /// A context for one response; `request`, `response` and `variables` default to empty.
    public init(body: JSONValue?, request: JSONValue = .object(JSONObject()), response: JSONValue = .object(JSONObject()),
                variables: [String: JSONValue] = [:]) {
        self.body = body; self.request = request; self.response = response; self.variables = variables
    }
}

/// The value of an expression, or why there is none.
public enum EvaluationResult: Sendable {
    case value(JSONValue)
    case problem(EvaluationProblem)
}

/// Why an expression could not be evaluated: a missing path, a type mismatch, …
public struct EvaluationProblem: Sendable, Hashable {
    public var message: String
    /// Pointer into the body of the value concerned, when there is one.
    public var pointer: JSONPointer?
    /// A problem with its message and, when known, the body pointer it concerns.
    public init(message: String, pointer: JSONPointer?) { self.message = message; self.pointer = pointer }
}

/// The verdict of an invariant, with the values that made it.
public struct InvariantVerdict: Sendable, Hashable {
    public var holds: Bool
    /// `3 >= 5 is false (total_item_count = integer 3, len(items) = integer 5)`.
    public var explanation: String
    /// Pointer into the body of the first value that broke it (`/items/3/model_vendor`), when known.
    public var pointer: JSONPointer?
    /// A verdict with its explanation and the pointer of the first culprit.
    public init(holds: Bool, explanation: String, pointer: JSONPointer?) { self.holds = holds; self.explanation = explanation; self.pointer = pointer }
}
