/// One lexical token of an invariant expression, with its UTF-8 byte range in the source.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(String)
        case string(String)
        case identifier(String)
        case keyword(String)  // true, false, null, in
        case symbol(String)  // ( ) [ ] , . => ?? || && ! == != < <= > >= + - * / %
        case end
    }

    var kind: Kind
    /// 0-based UTF-8 offset of the first byte.
    var start: Int
    /// 0-based UTF-8 offset just past the last byte.
    var end: Int

    /// How the token reads in a message: `'=='`, `identifier "items"`, `end of expression`.
    var described: String {
        switch kind {
        case .number(let t): return "number \(t)"
        case .string(let s): return "string \(JSONWriter.quote(s))"
        case .identifier(let n): return "identifier \"\(n)\""
        case .keyword(let k): return "'\(k)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "end of expression"
        }
    }

    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }
}
