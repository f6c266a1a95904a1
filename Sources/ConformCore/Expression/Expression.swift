// CONTRACT PLACEHOLDER — replaced by the expression-language implementation (branch `expr`).
// The public signatures below are the contract other modules code against; keep them.

/// A parsed invariant expression (`total_item_count >= len(items)`).
public struct Expression: Sendable {
    /// The expression text as written in the suite.
    public let source: String

    /// Parses an expression; errors carry the offset inside the expression.
    public static func parse(_ source: String) throws(ExpressionParseError) -> Expression {
        Expression(source: source)
    }

    /// Member paths into the response body the expression reads (roots other than `request`, `response`,
    /// lambda parameters and context variables), e.g. `[["total_item_count"], ["items"], ["items", "*", "id"]]`.
    public var bodyPaths: [[String]] { [] }

    /// Evaluates to a value, or a problem (missing path, type mismatch) — never traps.
    public func evaluate(in context: EvaluationContext) -> EvaluationResult {
        .problem(EvaluationProblem(message: "not implemented", pointer: nil))
    }

    /// Evaluates as an invariant: holds only when the value is boolean `true`.
    public func check(in context: EvaluationContext) -> InvariantVerdict {
        InvariantVerdict(holds: false, explanation: "not implemented", pointer: nil)
    }
}

/// An expression that does not parse: message and position inside the expression.
public struct ExpressionParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based UTF-8 offset inside the expression text.
    public let offset: Int
    /// 1-based column inside the expression text (in characters).
    public let column: Int
    public init(message: String, offset: Int, column: Int) { self.message = message; self.offset = offset; self.column = column }
    public var description: String { "column \(column): \(message)" }
}

/// What an expression can see.
public struct EvaluationContext: Sendable {
    /// The parsed response body; bare identifiers (`items`, `meta.total`) resolve here. `body` names it too.
    public var body: JSONValue?
    /// `request`: `{"method", "url", "path", "query": {name: value}, "headers": {lower-case name: value}}`.
    public var request: JSONValue
    /// `response`: `{"status": 200, "headers": {lower-case name: value}}`.
    public var response: JSONValue
    /// Extra named values (`page` in walks, `item` in cross-checks).
    public var variables: [String: JSONValue]

    public init(body: JSONValue?, request: JSONValue = .object(JSONObject()), response: JSONValue = .object(JSONObject()),
                variables: [String: JSONValue] = [:]) {
        self.body = body; self.request = request; self.response = response; self.variables = variables
    }
}

public enum EvaluationResult: Sendable {
    case value(JSONValue)
    case problem(EvaluationProblem)
}

/// Why an expression could not be evaluated: a missing path, a type mismatch, …
public struct EvaluationProblem: Sendable, Hashable {
    public var message: String
    /// Pointer into the body of the value concerned, when there is one.
    public var pointer: JSONPointer?
    public init(message: String, pointer: JSONPointer?) { self.message = message; self.pointer = pointer }
}

/// The verdict of an invariant, with the values that made it.
public struct InvariantVerdict: Sendable, Hashable {
    public var holds: Bool
    /// `3 >= 5 is false (total_item_count = integer 3, len(items) = integer 5)`.
    public var explanation: String
    /// Pointer into the body of the first value that broke it (`/items/3/model_vendor`), when known.
    public var pointer: JSONPointer?
    public init(holds: Bool, explanation: String, pointer: JSONPointer?) { self.holds = holds; self.explanation = explanation; self.pointer = pointer }
}
