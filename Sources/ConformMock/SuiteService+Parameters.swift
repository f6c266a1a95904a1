import Foundation
import ConformCore

extension SuiteService {
    /// Query values of the operation's declared parameters (array values split by their style), and the
    /// FastAPI-style `detail` entries for values the schemas reject. Unknown parameters are ignored: vendor
    /// SDKs send parameters the documents do not show.
    func parameters(_ request: HTTPServerRequest, _ op: ConformCore.Operation) -> (values: [String: [String]], errors: [JSONValue]) {
        let doc = suite.file.document
        var values: [String: [String]] = [:]
        var errors: [JSONValue] = []
        for p in op.parameters where p.location == .query {
            var raw = request.queryValues(p.name)
            guard let view = SchemaView.resolve(p.schemaPointer, in: doc) else { if !raw.isEmpty { values[p.name] = raw }; continue }
            if raw.isEmpty {
                if p.required { errors.append(Self.detail(p.name, "missing", "Field required", input: nil)) }
                continue
            }
            let isArray = view.types == ["array"]
            var element = view
            if isArray {
                raw = raw.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                element = SchemaView.resolve(view.pointer.appending("items"), in: doc) ?? view
            } else {
                raw = [raw[raw.count - 1]]
            }
            var accepted: [String] = []
            for value in raw {
                switch check(value, element, parameter: p.name, operation: op.id) {
                case .ok(let v): accepted.append(v)
                case .ignored: continue
                case .rejected(let entry): errors.append(entry)
                }
            }
            if !accepted.isEmpty { values[p.name] = accepted }
        }
        return (values, errors)
    }

    private enum Verdict { case ok(String), ignored, rejected(JSONValue) }

    /// One value against one (non-array) schema; drifts may let a bad value through.
    private func check(_ value: String, _ view: SchemaView, parameter name: String, operation: String) -> Verdict {
        let effect = drift?.effect
        let s = view.schema
        if let options = s["enum"]?.arrayValue {
            let texts = options.map(Dataset.text)
            guard texts.contains(value) else {
                if effect == .enumParamAccepted(operation: operation, parameter: name) { return .ignored }
                let listed = texts.map { "'\($0)'" }
                let msg = "Input should be " + (listed.count > 1 ? listed.dropLast().joined(separator: ", ") + " or " + (listed.last ?? "") : (listed.first ?? "valid"))
                return .rejected(Self.detail(name, "enum", msg, input: value, ctx: [("expected", .string(listed.joined(separator: ", ")))]))
            }
            return .ok(value)
        }
        let types = view.types
        if types.contains("string") || types.isEmpty {
            if let min = s["minLength"]?.numberValue?.int64Value, value.count < min {
                return .rejected(Self.detail(name, "string_too_short", "String should have at least \(min) characters", input: value))
            }
            return .ok(value)
        }
        if types.contains("boolean") {
            let truthy = ["true", "1", "yes", "on", "t", "y"], falsy = ["false", "0", "no", "off", "f", "n"]
            if truthy.contains(value.lowercased()) { return .ok("true") }
            if falsy.contains(value.lowercased()) { return .ok("false") }
            if effect == .typeParamAccepted(operation: operation, parameter: name) { return .ignored }
            return .rejected(Self.detail(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input", input: value))
        }
        let integer = types.contains("integer") && !types.contains("number")
        guard let number = integer ? Int(value).map(Double.init) : Double(value), number.isFinite else {
            if effect == .typeParamAccepted(operation: operation, parameter: name) { return .ignored }
            return .rejected(integer
                ? Self.detail(name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", input: value)
                : Self.detail(name, "float_parsing", "Input should be a valid number, unable to parse string as a number", input: value))
        }
        let bound = effect == .boundAccepted(operation: operation, parameter: name)
        func limit(_ keyword: String) -> Double? { s[keyword]?.numberValue?.doubleValue }
        func render(_ d: Double) -> JSONValue { d == d.rounded() && abs(d) < 1e15 ? JSONValue(Int(d)) : JSONValue(d) }
        if let m = limit("minimum"), number < m {
            return bound ? .ok(render(m).compactText()) : .rejected(Self.detail(name, "greater_than_equal", "Input should be greater than or equal to \(render(m).compactText())", input: value, ctx: [("ge", render(m))]))
        }
        if let m = limit("maximum"), number > m {
            return bound ? .ok(render(m).compactText()) : .rejected(Self.detail(name, "less_than_equal", "Input should be less than or equal to \(render(m).compactText())", input: value, ctx: [("le", render(m))]))
        }
        if let m = limit("exclusiveMinimum"), number <= m {
            return bound ? .ignored : .rejected(Self.detail(name, "greater_than", "Input should be greater than \(render(m).compactText())", input: value, ctx: [("gt", render(m))]))
        }
        if let m = limit("exclusiveMaximum"), number >= m {
            return bound ? .ignored : .rejected(Self.detail(name, "less_than", "Input should be less than \(render(m).compactText())", input: value, ctx: [("lt", render(m))]))
        }
        return .ok(value)
    }

    /// `{"loc": ["query", name], "msg": …, "type": …, "input": …}` as FastAPI (and so the Scale APIs) answer.
    static func detail(_ name: String, _ type: String, _ msg: String, input: String?, ctx: [(String, JSONValue)] = []) -> JSONValue {
        var o = JSONObject([("loc", ["query", .string(name)]), ("msg", .string(msg)), ("type", .string(type))])
        o["input"] = input.map(JSONValue.string) ?? .null
        if !ctx.isEmpty { o["ctx"] = .object(JSONObject(ctx)) }
        return .object(o)
    }
}
