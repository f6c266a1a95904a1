import ConformCore

/// One request to a suite's operation as the solver sees it: the `request` value the runner binds in
/// expressions (query values typed by their parameter schemas, as the suite writes them), the cases and the
/// walk it belongs to (by its exact query), and the invariants that therefore apply to its answer.
struct ServedRequest {
    let operation: ConformCore.Operation
    /// Every query parameter's values, in order (array parameters in comma style split).
    let raw: [String: [String]]
    /// `request`: `RequestMember.object`, as `SuiteRun.evaluationContext` builds it.
    let request: JSONValue
    /// Cases whose request this is (same operation, same query).
    let cases: [Case]
    /// Invariants of other cases of the operation that say what a parameter this request sends does: they read
    /// `request.query.X`, and every such X is sent (a filter case's rule holds for any value of its filter).
    let parameterRules: [Invariant]
    /// The walk this is a page of, when its query is the walk's plus paging parameters.
    let walk: Walk?
    /// `page` for a walk's page invariants.
    let variables: [String: JSONValue]

    init(_ http: HTTPServerRequest, operation: ConformCore.Operation, suite: Suite) {
        self.operation = operation
        let doc = suite.file.document
        var raw: [String: [String]] = [:]
        var typed = JSONObject()
        var names: [String] = []
        for (name, value) in http.query where !names.contains(name) { names.append(name); _ = value }
        for name in names {
            var values = http.queryValues(name)
            let parameter = operation.parameter(name)
            let view = parameter.flatMap { SchemaView.resolve($0.schemaPointer, in: doc) }
            if view?.types == ["array"] {
                if parameter?.arrayStyle == .comma { values = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } }
                let element = view.flatMap { SchemaView.resolve($0.pointer.appending("items"), in: doc) }
                typed[name] = .array(values.map { Self.typed($0, element) })
            } else if let last = values.last {
                typed[name] = Self.typed(last, view)
            }
            raw[name] = values
        }
        self.raw = raw
        let path = HTTPServerRequest.split(target: http.target).path
        var headers = JSONObject()
        for h in http.headers { headers[h.name.lowercased()] = .string(h.value) }
        request = RequestMember.object { member in
            switch member {
            case .method: return .string(http.method)
            case .url: return .string(http.target)
            case .path: return .string(String(path))
            case .query: return .object(typed)
            case .headers: return .object(headers)
            case .vars: return .object(JSONObject())
            }
        }
        let success = operation.successResponse?.status ?? 200
        cases = suite.cases.filter { c in
            c.operation == operation.id && c.auth == .default && c.expect.statuses.contains(success)
                && Self.same(c.query, raw, operation: operation)
        }
        parameterRules = suite.cases.filter { c in
            c.operation == operation.id && c.auth == .default && c.expect.statuses.contains(success) && !Self.same(c.query, raw, operation: operation)
        }.flatMap(\.expect.invariants).filter { inv in
            let names = Set(inv.expression.queryReferences.map(\.name))
            return !names.isEmpty && names.allSatisfy { raw[$0] != nil }
        }
        let walk = suite.walks.first { w in
            guard w.operation == operation.id else { return false }
            let paging = Set([w.pageParam, w.sizeParam, w.cursorParam].compactMap { $0 })
            let fixed = Dictionary(w.query.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            for (name, value) in fixed where raw[name] != Self.texts(value) { return false }
            // Every page of a walk carries its size, and a page-style walk its page number.
            if let size = w.sizeParam, raw[size] == nil { return false }
            if w.style == .page, let page = w.pageParam, raw[page] == nil { return false }
            return raw.keys.allSatisfy { fixed[$0] != nil || paging.contains($0) }
        }
        self.walk = walk
        var variables: [String: JSONValue] = [:]
        if let w = walk, w.style == .page {
            let page = w.pageParam.flatMap { raw[$0]?.last }.flatMap { Int($0) } ?? w.firstPage
            variables["page"] = JSONValue(page)
        }
        self.variables = variables
        invariants = gatherInvariants()
    }

    /// Invariants that apply to the success answer: the operation's, each matching case's, the walk's page
    /// invariants — with the check kind a broken one is reported under (gathered once; the solver reads them often).
    private(set) var invariants: [(invariant: Invariant, check: CheckKind)] = []

    private func gatherInvariants() -> [(invariant: Invariant, check: CheckKind)] {
        var out: [(Invariant, CheckKind)] = []
        if cases.isEmpty || cases.contains(where: \.expect.responseInvariants) {
            out += (operation.successResponse?.invariants ?? []).map { ($0, CheckKind.invariant) }
        }
        for c in cases { out += c.expect.invariants.map { ($0, CheckKind.invariant) } }
        out += parameterRules.map { ($0, CheckKind.invariant) }
        if let w = walk { out += w.pageInvariants.map { ($0, CheckKind.walkPageInvariant) } }
        return out
    }

    /// The value as the runner would bind it: a number or boolean when the parameter's schema says so.
    static func typed(_ text: String, _ view: SchemaView?) -> JSONValue {
        let types = view?.types ?? []
        if types.contains("integer") || types.contains("number"), let d = Double(text), d.isFinite {
            if let i = Int(text) { return JSONValue(i) }
            return .number(JSONNumber(d))
        }
        if types == ["boolean"], text == "true" || text == "false" { return .bool(text == "true") }
        return .string(text)
    }

    /// A suite value as query texts (`["a","b"]` → two values, `3` → `"3"`).
    static func texts(_ value: JSONValue) -> [String] {
        if case .array(let a) = value { return a.map(Dataset.text) }
        return [Dataset.text(value)]
    }

    /// Whether a case's query is exactly the request's.
    static func same(_ query: [(String, JSONValue)], _ raw: [String: [String]], operation: ConformCore.Operation) -> Bool {
        guard Set(query.map(\.0)) == Set(raw.keys) else { return false }
        return query.allSatisfy { raw[$0.0] == texts($0.1) }
    }
}
