import Foundation
import ConformCore

/// One suite as the mock serves it: its routes under the suite's base path, the list shapes and the
/// datasets behind them, and the drift in effect (when it belongs to this suite).
final class SuiteService: @unchecked Sendable {
    /// One operation at its full path (`/api` + `/models/list`).
    struct Route {
        let operation: ConformCore.Operation
        /// Literal segments, or nil for a `{parameter}` segment (its name in `parameterNames`).
        let segments: [String?]
        let parameterNames: [Int: String]
        let shape: ListShape?
        /// The dataset key (a list operation id) when the route lists or fetches dataset objects.
        let dataset: String?
        let isGet: Bool

        /// `GET /v5/models/{}`: routes of different suites with the same key collide.
        var key: String { operation.method + " /" + segments.map { $0 ?? "{}" }.joined(separator: "/") }

        /// The path parameters when `path` segments match.
        func match(_ path: [Substring]) -> [String: String]? {
            guard path.count == segments.count else { return nil }
            var params: [String: String] = [:]
            for (k, s) in segments.enumerated() {
                if let literal = s { guard literal == path[k] else { return nil } } else { params[parameterNames[k] ?? ""] = String(path[k]) }
            }
            return params
        }
    }

    let suite: Suite
    let seed: UInt64
    let drift: Drift?
    let anyID: Bool
    /// The one schema validator of the suite (`SuiteFile.makeSchemaValidator()`), the mock's oracle.
    let validator: SchemaValidator
    private(set) var routes: [Route] = []
    private(set) var datasets: [String: Dataset] = [:]
    /// Drift sites of wrappers and error bodies (datasets hold their own).
    private(set) var bodySites: [DriftSite] = []
    /// Schema locations reached by objects of some dataset (a drift there arms one object, not every body).
    private(set) var datasetLocations: Set<JSONPointer> = []
    /// Get operations whose list call another suite answers: that suite's service and dataset key. Set by
    /// `MockApp` before serving, never changed after.
    var foreignLists: [String: (service: SuiteService, dataset: String)] = [:]

    /// How much this suite checks an operation's success answers (cases with the credential, walks):
    /// when suites share a route, the one that checks it most answers it.
    func weight(of operation: String) -> Int {
        suite.cases.filter { $0.operation == operation && $0.auth == .default }.count * 2
            + suite.walks.filter { $0.operation == operation }.count * 2
            + (suite.operations.first?.id == operation ? 1 : 0)
    }

    init(suite: Suite, seed: UInt64, models: Int, drift: Drift?, anyID: Bool) {
        self.suite = suite; self.seed = seed; self.anyID = anyID
        self.drift = drift?.suite == suite.id ? drift : nil
        let doc = suite.file.document
        let validator = suite.file.schemaValidator
        self.validator = validator
        let base = suite.basePath.split(separator: "/").map(String.init)
        var shapes: [String: ListShape] = [:]
        for op in suite.operations { if let p = ListShape(operation: op, suite: suite) { shapes[op.id] = p } }
        // A get-by-id operation: path parameters and no list shape. Its dataset is the list it is fetched from.
        var getOf: [String: String] = [:]
        for op in suite.operations where shapes[op.id] == nil && op.path.contains("{") {
            let viaCross = suite.crossChecks.first { $0.fetchOperation == op.id }?.listOperation
            let viaPath = suite.operations.first { l in shapes[l.id] != nil && op.path.hasPrefix(l.path + "/") }?.id
            getOf[op.id] = viaCross ?? viaPath ?? op.id
        }
        let schemaDrift = self.drift?.schemaDrift
        for op in suite.operations {
            let dataKey: String?
            if let shape = shapes[op.id] {
                dataKey = op.id
                if datasets[op.id] == nil {
                    let get = getOf.first { $0.value == op.id }.flatMap { suite.operation($0.key)?.successResponse?.schemaPointer }
                    let conforming = DatasetCache.shared.dataset(suite: suite, operation: op.id, seed: seed, models: models) {
                        var data = Dataset(document: doc, validator: validator, itemSchema: shape.itemSchema, getSchema: get, idMember: shape.itemID,
                                           force: [], count: models, seed: seed, drift: nil)
                        data.repair(using: Self.itemRepairs(op, shape, suite: suite), schema: shape.itemSchema)
                        return data
                    }
                    datasets[op.id] = schemaDrift.map { conforming.armed(with: $0) } ?? conforming
                }
            } else if let key = getOf[op.id] {
                dataKey = key
                if key == op.id, let schema = op.successResponse?.schemaPointer {
                    let idMember = suite.crossChecks.first { $0.fetchOperation == op.id }?.itemId ?? "id"
                    let conforming = DatasetCache.shared.dataset(suite: suite, operation: op.id, seed: seed, models: models) {
                        Dataset(document: doc, validator: validator, itemSchema: schema, getSchema: nil, idMember: idMember, force: [],
                                count: models, seed: seed, drift: nil)
                    }
                    datasets[op.id] = schemaDrift.map { conforming.armed(with: $0) } ?? conforming
                }
            } else {
                dataKey = nil
            }
            var segments: [String?] = base.map { $0 }
            var names: [Int: String] = [:]
            for part in op.path.split(separator: "/") {
                if part.hasPrefix("{"), part.hasSuffix("}") {
                    names[segments.count] = String(part.dropFirst().dropLast())
                    segments.append(nil)
                } else {
                    segments.append(String(part))
                }
            }
            routes.append(Route(operation: op, segments: segments, parameterNames: names, shape: shapes[op.id], dataset: dataKey,
                                isGet: shapes[op.id] == nil && dataKey != nil))
        }
        for d in datasets.values { datasetLocations.formUnion(d.visited) }
        surveyBodies()
    }

    /// Every schema drift site this suite's responses reach: dataset objects first, then wrappers and error bodies.
    var sites: [DriftSite] {
        var seen = Set<DriftSite>()
        var out: [DriftSite] = []
        for key in datasets.keys.sorted() { for s in datasets[key]?.sites ?? [] where seen.insert(s).inserted { out.append(s) } }
        for s in bodySites where seen.insert(s).inserted { out.append(s) }
        return out
    }

    /// A synthesizer for bodies built per request (wrappers, errors): armed unless the drift lives in dataset objects.
    var bodySynthesizer: Synthesizer {
        var s = Synthesizer(document: suite.file.document, drift: drift?.schemaDrift)
        if let d = drift?.schemaDrift { s.armed = !datasetLocations.contains(d.location) }
        return s
    }

    /// Schemas of bodies the mock synthesises per request, with the members it fills itself left out.
    var bodySchemas: [(pointer: JSONPointer, skip: Set<String>)] {
        var out: [(JSONPointer, Set<String>)] = []
        for route in routes {
            let op = route.operation
            if let p = route.shape { out.append((p.wrapperSchema, Set(p.itemsPath.prefix(1)))) }
            else if route.dataset == nil, let s = op.successResponse?.schemaPointer { out.append((s, [])) }
            if let e = op.parameterError?.schemaPointer ?? op.parameterError.flatMap({ op.response(for: $0.status)?.schemaPointer }) { out.append((e, [])) }
            if let nf = op.response(for: 404)?.schemaPointer { out.append((nf, [])) }
        }
        if let r = rejectionSchema { out.append((r, [])) }
        return out
    }

    /// The schema of the 401 body: the rejection's own, else the rejected operation's for 401/403.
    var rejectionSchema: JSONPointer? {
        guard let auth = suite.auth else { return nil }
        if let s = auth.rejection?.schemaPointer { return s }
        let op = auth.rejection?.operation.flatMap { suite.operation($0) } ?? suite.operations.first
        let status = rejectionStatus
        return op?.response(for: status)?.schemaPointer ?? op?.response(for: 401)?.schemaPointer ?? op?.response(for: 403)?.schemaPointer
    }

    /// 401 when the suite allows it, else its first rejection status.
    var rejectionStatus: Int {
        let statuses = suite.auth?.rejection?.statuses ?? [401]
        return statuses.contains(401) ? 401 : (statuses.first ?? 401)
    }

    private func surveyBodies() {
        // The conforming bodies' sites depend on the suite and seed alone: surveyed once per process.
        let sites = DatasetCache.shared.remember(suite: suite, key: "body-sites|\(seed)") { () -> [DriftSite] in
            let plain = Synthesizer(document: suite.file.document)
            var trace = SynthesisTrace()
            trace.recordSites = true
            for (pointer, skip) in bodySchemas {
                _ = plain.value(pointer, key: SeededRandom(seed).child("body").child(pointer.description), skip: skip, trace: &trace)
            }
            return trace.sites
        }
        bodySites = sites.filter { !datasetLocations.contains($0.drift.location) }
    }
}
