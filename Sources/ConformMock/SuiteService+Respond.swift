import ConformCore

extension SuiteService {
    /// The answer to an authorised request for `route`.
    func respond(_ request: HTTPServerRequest, route: Route, pathParams: [String: String]) -> HTTPServerResponse {
        let op = route.operation
        let (_, errors) = parameters(request, op)
        if !errors.isEmpty, let pe = op.parameterError {
            return finish(.json(pe.status, errorBody(pe.schemaPointer ?? op.response(for: pe.status)?.schemaPointer,
                                                     detail: .array(errors))), op)
        }
        let status = op.successResponse?.status ?? 200
        let served = ServedRequest(request, operation: op, suite: suite)
        if let shape = route.shape, let key = route.dataset, let data = datasets[key] {
            let body = ListResponder(service: self, shape: shape, served: served, http: request).body(data)
            return finish(.json(status, body, reusing: data.written), op)
        }
        if route.isGet, let key = route.dataset, let data = datasets[key] {
            let id = pathParams.values.first ?? ""
            // When another suite answers the list call, ids and listed values come from its dataset.
            let listing = foreignLists[op.id].flatMap { $0.service.datasets[$0.dataset] }
            if let k = (listing ?? data).index(of: id), k < data.count {
                var object = data.getObject(k, listed: listing?.items[k])
                if drift?.effect == .wrongObject(operation: op.id) { object = Self.disagree(object, agree: agreeMembers(op)) }
                return finish(.json(status, settle(.object(object), op, served), reusing: data.written), op)
            }
            if anyID { return finish(.json(status, settle(.object(data.anyObject(id: id)), op, served)), op) }
            return .json(404, errorBody(op.response(for: 404)?.schemaPointer, detail: .string("Not Found")))
        }
        var trace = SynthesisTrace()
        let body = op.successResponse?.schemaPointer.map {
            bodySynthesizer.value($0, key: SeededRandom(seed).child("body").child($0.description), trace: &trace)
        } ?? .object(JSONObject())
        return finish(.json(status, settle(body, op, served)), op)
    }

    /// A body that is not a list page, with the operation's invariants solved and the invariant drift applied.
    private func settle(_ body: JSONValue, _ op: ConformCore.Operation, _ served: ServedRequest) -> JSONValue {
        guard let schema = op.successResponse?.schemaPointer else { return body }
        var out = solve(body, schema: schema, served: served, itemsPath: nil, fixed: [])
        if case .invariant(let pointer)? = drift?.effect, let inv = served.invariants.first(where: { $0.invariant.pointer == pointer })?.invariant {
            out = InvariantBreaker(served: served, itemsPath: nil, invariant: inv).breakIt(out, catalog: [])
        }
        return out
    }

    /// The 401 (or first documented rejection status) with a body of the documented shape.
    func rejection() -> HTTPServerResponse {
        .json(rejectionStatus, errorBody(rejectionSchema, detail: .string("Not authenticated")))
    }

    /// Applies the content-type drift to a success response.
    private func finish(_ response: HTTPServerResponse, _ op: ConformCore.Operation) -> HTTPServerResponse {
        guard drift?.effect == .textPlain(operation: op.id), (200..<300).contains(response.status) else { return response }
        var r = response
        r.headers = r.headers.filter { !$0.name.caseInsensitiveEquals("content-type") } + [Header("Content-Type", "text/plain; charset=utf-8")]
        return r
    }

    /// `{"detail": …}` when the schema has a `detail` member (FastAPI's shape), else a synthesised body of
    /// the schema — also when a drift breaks the schema, so the break shows.
    func errorBody(_ schema: JSONPointer?, detail: JSONValue) -> JSONValue {
        let fallback: JSONValue = .object(JSONObject([("detail", detail)]))
        guard let schema, let view = SchemaView.resolve(schema, in: suite.file.document) else { return fallback }
        let synth = bodySynthesizer
        var trace = SynthesisTrace()
        // Without an armed drift the body depends on the suite, schema and seed alone.
        let synthesised = synth.armed
            ? synth.value(schema, key: SeededRandom(seed).child("body").child(schema.description), trace: &trace)
            : DatasetCache.shared.remember(suite: suite, key: "error|\(schema)|\(seed)") {
                var unused = SynthesisTrace()
                return synth.value(schema, key: SeededRandom(seed).child("body").child(schema.description), trace: &unused)
            }
        let drifted = synth.armed && drift?.schemaDrift.map { trace.visited.contains($0.location) } == true
        guard !drifted, let detailPointer = view.propertyPointer("detail"),
              let detailView = SchemaView.resolve(detailPointer, in: suite.file.document) else { return synthesised }
        let wanted = detail.typeName == "array" ? "array" : "string"
        guard detailView.types.isEmpty || detailView.types.contains(wanted) else { return synthesised }
        var o = synthesised.objectValue ?? JSONObject()
        o["detail"] = detail
        return .object(o)
    }

    /// Members the cross-checks compare for a get operation.
    private func agreeMembers(_ op: ConformCore.Operation) -> [String] {
        suite.crossChecks.filter { $0.fetchOperation == op.id }.flatMap(\.agree)
    }

    /// The object with its first compared member (other than the id) changed.
    static func disagree(_ object: JSONObject, agree: [String]) -> JSONObject {
        var o = object
        for name in agree where name != "id" {
            switch o[name] {
            case .string(let s)?: o[name] = .string(s + "-other"); return o
            case .number(let n)?: o[name] = JSONValue(Int(n.int64Value ?? 0) &+ 1); return o
            case .bool(let b)?: o[name] = .bool(!b); return o
            default: continue
            }
        }
        o["name"] = .string((o["name"]?.stringValue ?? "model") + "-other")
        return o
    }
}
