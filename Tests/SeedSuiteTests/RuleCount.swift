import ConformCore

/// The number of rules a suite encodes, by kind — the figures of the table in `suites/README.md`.
struct RuleCount: Equatable, CustomStringConvertible {
    var schema = 0, enums = 0, probes = 0, invariants = 0, walkChecks = 0, auth = 0, crossRequest = 0, cases = 0

    /// Assertion keywords counted as one schema rule each (plus one per `required` name).
    static let assertionKeys = ["type", "const", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                                "oneOf", "anyOf", "discriminator"]

    init(schema: Int, enums: Int, probes: Int, invariants: Int, walkChecks: Int, auth: Int, crossRequest: Int, cases: Int) {
        self.schema = schema; self.enums = enums; self.probes = probes; self.invariants = invariants
        self.walkChecks = walkChecks; self.auth = auth; self.crossRequest = crossRequest; self.cases = cases
    }

    init(_ suite: Suite) {
        let document = suite.file.document
        var seen = Set<JSONPointer>()
        var roots: [JSONPointer] = []
        for op in suite.operations {
            roots += op.responses.compactMap(\.schemaPointer)
            if let p = op.parameterError?.schemaPointer { roots.append(p) }
        }
        if let p = suite.auth?.rejection?.schemaPointer { roots.append(p) }
        for root in roots { count(at: root, in: document, seen: &seen) }
        for op in suite.operations {
            for parameter in op.parameters where Self.hasEnum(at: parameter.schemaPointer, in: document) { enums += 1 }
        }
        let generated = SuitePlan.generatedCases(for: suite)
        auth = generated.filter { $0.id.hasPrefix("auth.") }.count
        probes = generated.count - auth
        invariants = suite.operations.flatMap(\.responses).reduce(0) { $0 + $1.invariants.count }
            + suite.cases.reduce(0) { $0 + $1.expect.invariants.count }
            + suite.walks.reduce(0) { $0 + $1.pageInvariants.count }
            + (suite.auth?.rejection?.invariants.count ?? 0)
        walkChecks = suite.walks.reduce(0) { $0 + $1.rules.count }
        crossRequest = suite.crossChecks.reduce(0) { $0 + $1.agree.count }
        cases = suite.cases.count
    }

    /// Counts the assertions of the schema at `pointer` and of every schema it contains or references, once each.
    private mutating func count(at pointer: JSONPointer, in document: JSONValue, seen: inout Set<JSONPointer>) {
        guard seen.insert(pointer).inserted, let schema = pointer.resolve(in: document)?.objectValue else { return }
        if let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#"), let target = JSONPointer(String(ref.dropFirst())) {
            count(at: target, in: document, seen: &seen)
        }
        for (key, _) in schema where Self.assertionKeys.contains(key) { self.schema += 1 }
        self.schema += schema["required"]?.arrayValue?.count ?? 0
        if schema["enum"] != nil { enums += 1 }
        for key in ["properties", "patternProperties"] {
            for (name, _) in schema[key]?.objectValue ?? JSONObject() {
                count(at: pointer.appending(key).appending(name), in: document, seen: &seen)
            }
        }
        for key in ["items", "additionalProperties", "not"] where schema[key]?.objectValue != nil {
            count(at: pointer.appending(key), in: document, seen: &seen)
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for i in (schema[key]?.arrayValue ?? []).indices { count(at: pointer.appending(key).appending(i), in: document, seen: &seen) }
        }
    }

    /// A parameter schema with an `enum`, directly or on its array items, after following local `$ref`s.
    static func hasEnum(at pointer: JSONPointer, in document: JSONValue) -> Bool {
        guard let schema = resolved(pointer, in: document) else { return false }
        if schema["enum"] != nil { return true }
        guard schema["type"] == .string("array"), let items = schema["items"] else { return false }
        return resolved(pointer.appending("items"), in: document)?["enum"] != nil || items.objectValue?["enum"] != nil
    }

    static func resolved(_ pointer: JSONPointer, in document: JSONValue) -> JSONObject? {
        var current = pointer
        for _ in 0..<16 {
            guard let schema = current.resolve(in: document)?.objectValue else { return nil }
            guard let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#"), let next = JSONPointer(String(ref.dropFirst())) else { return schema }
            current = next
        }
        return nil
    }

    /// The README's cells, in column order.
    var cells: [Int] { [schema, enums, probes, invariants, walkChecks, auth, crossRequest, cases] }

    var description: String {
        "schema \(schema), enum \(enums), bound probe \(probes), invariant \(invariants), walk \(walkChecks), auth \(auth), cross-request \(crossRequest), cases \(cases)"
    }
}
