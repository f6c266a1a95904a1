import Foundation

extension SuitePlan {
    /// The value a rejected enum probe sends (suffixed until it is not a member of the enum).
    public static let unknownEnumValue = "not-a-valid-value"
    /// The value a wrong-type probe sends to a numeric parameter.
    public static let notANumber = "abc"

    /// Boundary, type and enum probes for every query parameter with `probe` on, by operation then parameter.
    public static func probes(for suite: Suite) -> [Case] {
        let prefixed = suite.operations.count > 1
        return suite.operations.flatMap { op in
            op.parameters.filter { $0.probe && $0.location == .query }.flatMap { p in
                ProbeBuilder(operation: op, parameter: p, schema: ProbeSchema(at: p.schemaPointer, in: suite.file.document),
                             namePrefix: prefixed ? "\(op.id): " : "").cases
            }
        }
    }
}

/// The probes of one parameter, in a fixed order: minimum, below-minimum, maximum, above-maximum,
/// wrong type, first enum value, unknown enum value.
private struct ProbeBuilder {
    let operation: Operation
    let parameter: Parameter
    let schema: ProbeSchema
    let namePrefix: String

    var cases: [Case] {
        var out: [Case] = []
        let name = parameter.name
        switch schema.kind {
        case .integer:
            if let (m, at) = integerMinimum() {
                out.append(accept("minimum", "accepts \(name) at its minimum (\(m))", JSONValue(m), at))
                if m > Int.min { out += reject("below-minimum", "rejects \(name) below its minimum (\(m - 1))", JSONValue(m - 1), at) }
            }
            if let (m, at) = integerMaximum() {
                out.append(accept("maximum", "accepts \(name) at its maximum (\(m))", JSONValue(m), at))
                if m < Int.max { out += reject("above-maximum", "rejects \(name) above its maximum (\(m + 1))", JSONValue(m + 1), at) }
            }
            out += reject("not-integer", "rejects non-integer \(name) (\"\(SuitePlan.notANumber)\")", .string(SuitePlan.notANumber), parameter.schemaPointer)
        case .number:
            out += numberBound(lower: true)
            out += numberBound(lower: false)
            out += reject("not-number", "rejects non-number \(name) (\"\(SuitePlan.notANumber)\")", .string(SuitePlan.notANumber), parameter.schemaPointer)
        case .array, .other:
            break
        }
        if let e = schema.enumeration, let first = e.values.first {
            let shown = first.stringValue ?? first.compactText(limit: 40)
            out.append(accept("enum-first", "accepts \(name)=\(shown)", e.ofItems ? .array([first]) : first, e.pointer))
            var unknown = SuitePlan.unknownEnumValue
            while e.values.contains(.string(unknown)) { unknown += "-x" }
            out += reject("unknown-value", "rejects unknown \(name) value (\"\(unknown)\")",
                          e.ofItems ? .array([.string(unknown)]) : .string(unknown), e.pointer)
        }
        return out
    }

    /// The least accepted integer: `minimum` rounded up, or `exclusiveMinimum` rounded down plus one; the larger.
    private func integerMinimum() -> (Int, JSONPointer)? {
        var best: (Int, JSONPointer)?
        if let (n, at) = schema.number("minimum"), let v = Self.rounded(n, .up) { best = (v, at) }
        if let (n, at) = schema.number("exclusiveMinimum"), let e = Self.rounded(n, .down), e < Int.max,
           best.map({ e + 1 > $0.0 }) ?? true { best = (e + 1, at) }
        return best
    }

    /// The greatest accepted integer: `maximum` rounded down, or `exclusiveMaximum` rounded up minus one; the smaller.
    private func integerMaximum() -> (Int, JSONPointer)? {
        var best: (Int, JSONPointer)?
        if let (n, at) = schema.number("maximum"), let v = Self.rounded(n, .down) { best = (v, at) }
        if let (n, at) = schema.number("exclusiveMaximum"), let e = Self.rounded(n, .up), e > Int.min,
           best.map({ e - 1 < $0.0 }) ?? true { best = (e - 1, at) }
        return best
    }

    /// A bound as an Int: exact when it is an integer (never rounded through Double), else rounded.
    private static func rounded(_ n: JSONNumber, _ rule: FloatingPointRoundingRule) -> Int? {
        if n.isInteger { return n.int64Value.flatMap { Int(exactly: $0) } }
        let d = n.doubleValue.rounded(rule)
        guard d.isFinite, abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    /// For `number`: accept an inclusive bound and reject one unit past it; an exclusive bound is only rejected.
    private func numberBound(lower: Bool) -> [Case] {
        let name = parameter.name
        let (inclusive, exclusive) = lower ? ("minimum", "exclusiveMinimum") : ("maximum", "exclusiveMaximum")
        let side = lower ? "below" : "above"
        if let (n, at) = schema.number(inclusive) {
            let pastValue = n.doubleValue + (lower ? -1 : 1)
            // A bound beyond Double's range has no neighbour to send; accept-probe it only.
            guard pastValue.isFinite else { return [accept(inclusive, "accepts \(name) at its \(inclusive) (\(n.text))", .number(n), at)] }
            let past = JSONNumber(pastValue)
            return [accept(inclusive, "accepts \(name) at its \(inclusive) (\(n.text))", .number(n), at)]
                + reject("\(side)-\(inclusive)", "rejects \(name) \(side) its \(inclusive) (\(past.text))", .number(past), at)
        }
        if let (n, at) = schema.number(exclusive) {
            return reject("\(side)-\(inclusive)", "rejects \(name) at its exclusive \(inclusive) (\(n.text))", .number(n), at)
        }
        return []
    }

    private func id(_ suffix: String) -> String { "\(operation.id).\(parameter.name).\(suffix)" }

    private func description(_ at: JSONPointer) -> String {
        let origin = "Generated from query parameter \(JSONWriter.quote(parameter.name)) of operation \(JSONWriter.quote(operation.id)) (\(at))."
        return parameter.description.map { "\(origin) \($0)" } ?? origin
    }

    private func query(_ value: JSONValue) -> [(String, JSONValue)] {
        operation.probeQuery.filter { $0.0 != parameter.name } + [(parameter.name, value)]
    }

    /// Expects the success status, its schema and the operation's invariants.
    private func accept(_ suffix: String, _ name: String, _ value: JSONValue, _ at: JSONPointer) -> Case {
        let status = operation.successResponse?.status ?? 200
        return Case(id: id(suffix), name: namePrefix + name, description: description(at), operation: operation.id,
                    query: query(value), pathParams: operation.probePath,
                    expect: Expectation(statuses: [status], pointer: at), pointer: at)
    }

    /// Expects `parameterError`'s status and schema; nothing when the operation documents no parameter error.
    private func reject(_ suffix: String, _ name: String, _ value: JSONValue, _ at: JSONPointer) -> [Case] {
        guard let error = operation.parameterError else { return [] }
        let documented = error.schemaPointer != nil || operation.response(for: error.status)?.schemaPointer != nil
        let expect = Expectation(statuses: [error.status], validateSchema: documented, schemaPointer: error.schemaPointer,
                                 responseInvariants: false, pointer: at)
        return [Case(id: id(suffix), name: namePrefix + name, description: description(at), operation: operation.id,
                     query: query(value), pathParams: operation.probePath, expect: expect, pointer: at)]
    }
}
