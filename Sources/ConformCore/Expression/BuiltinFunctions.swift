/// The one registry of built-in functions; each family lives in its own file under `Functions/`.
enum BuiltinFunctions {
    static let all: [BuiltinFunction] = collection + lambdas + strings + numbers + types

    static let named: [String: BuiltinFunction] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
