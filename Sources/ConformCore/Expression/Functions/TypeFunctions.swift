extension BuiltinFunctions {
    /// `exists type`: the only functions (with `??`) that accept a missing value.
    static let types: [BuiltinFunction] = [
        BuiltinFunction("exists", arity: 1...1, signature: "exists(path)", validate: validatePath) { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            do throws(ExpressionFailure) {
                _ = try c.value(0)
                return Evaluated(.bool(true))
            } catch {
                if error.isMissing { return Evaluated(.bool(false)) }
                throw error
            }
        },
        BuiltinFunction("type", arity: 1...1, signature: "type(value)") { (c: FunctionCall) throws(ExpressionFailure) -> Evaluated in
            do throws(ExpressionFailure) {
                return Evaluated(.string(try c.value(0).value.typeName))
            } catch {
                if error.isMissing { return Evaluated(.string("missing")) }
                throw error
            }
        },
    ]

    @Sendable static func validatePath(_ args: [ExpressionNode]) throws(ExpressionSyntaxError) {
        guard let arg = args.first, arg.isPath else {
            throw ExpressionSyntaxError("exists() takes a path such as meta.total or items[0].id", at: args.first?.start ?? 0)
        }
    }
}
