/// One instruction of a compiled pattern, run by `RegexProgram`'s NFA simulation (a Pike VM without
/// captures): the consuming ones advance a thread by one code point, the others are followed at once.
enum RegexInstruction: Sendable, Equatable {
    /// Consumes exactly this code point.
    case scalar(UInt32)
    /// Consumes a code point of the class at this index of `RegexProgram.classes`.
    case set(Int)
    /// Consumes any code point except a line terminator (`.`).
    case anyExceptNewline
    /// Continues at both targets.
    case split(Int, Int)
    /// Continues at the target.
    case jump(Int)
    /// Continues only when the assertion holds between the previous and the current code point.
    case assert(RegexAssertion)
    /// The pattern has matched.
    case match
}
