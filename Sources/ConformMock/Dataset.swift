import ConformCore

/// The consistent set of objects behind one list operation (and its get-by-id): built once per seed, so
/// pages, totals, filters, sorting and get-by-id agree across requests.
///
/// Ids are unique (`model-0001`… or UUIDs when the schema says `format: uuid`, integers for integer ids);
/// names are unique and lower case, so name sorts have no ties. A schema drift is armed for exactly one
/// object: the first that reaches the drifted location.
struct Dataset {
    /// Full items: members a `view` adds are always present; responses strip what was not asked for.
    private(set) var items: [JSONObject] = []
    /// Drift sites met while building (for the drift catalog).
    private(set) var sites: [DriftSite] = []
    /// Schema locations the items and get objects reach.
    private(set) var visited: Set<JSONPointer> = []
    let itemSchema: JSONPointer
    let getSchema: JSONPointer?
    let idMember: String
    private let document: JSONValue
    private let seed: UInt64
    private var drift: SchemaDrift?
    /// The first item that reaches each schema location (where a schema drift of that location is armed).
    private var firstVisit: [JSONPointer: Int] = [:]
    private var force: Set<String> = []
    /// The item the schema drift applies to (nil: none of them reaches it).
    private(set) var armedIndex: Int?
    /// The armed item as it was before the drift broke it: filters and orderings treat the drifted item as
    /// they treat this one, so the drift shows exactly where the conforming item would have.
    private(set) var armedOriginal: JSONObject?
    private var idIndex: [String: Int] = [:]
    private var canonicals: [JSONObject?] = []
    private let validator: SchemaValidator
    /// The `DatasetCache` key of the conforming catalog this dataset is (or is armed from); nil when it was
    /// built outside the cache. Answers computed from the conforming catalog alone are remembered under it.
    var catalogKey: String?
    /// The compact text of the conforming catalog's items (set when the catalog is cached; armed copies
    /// share it, and their armed item, a copy, is written afresh).
    var written: WrittenItems?

    /// `validator` comes from `SuiteFile.makeSchemaValidator()`, the one factory, so the mock resolves `$ref`s
    /// exactly as the loader and the runner do.
    init(document: JSONValue, validator: SchemaValidator, itemSchema: JSONPointer, getSchema: JSONPointer?, idMember: String, force: Set<String>,
         count: Int, seed: UInt64, drift: SchemaDrift?) {
        self.document = document; self.itemSchema = itemSchema; self.idMember = idMember
        self.seed = seed; self.drift = drift
        // A get schema that is the item schema itself needs no second object.
        let itemResolved = SchemaView.resolve(itemSchema, in: document)?.pointer
        self.getSchema = getSchema.flatMap { SchemaView.resolve($0, in: document)?.pointer == itemResolved ? nil : $0 }
        self.validator = validator
        self.force = force
        var traces: [SynthesisTrace] = []
        for k in 0..<count {
            var trace = SynthesisTrace()
            trace.recordSites = true
            let (item, canonical) = build(k, armed: false, force: force, trace: &trace)
            items.append(item)
            canonicals.append(canonical)
            traces.append(trace)
        }
        var seen = Set<DriftSite>()
        for (k, t) in traces.enumerated() {
            for s in t.sites where seen.insert(s).inserted { sites.append(s) }
            visited.formUnion(t.visited)
            for p in t.visited where firstVisit[p] == nil { firstVisit[p] = k }
        }
        if let drift, let k = traces.firstIndex(where: { $0.visited.contains(drift.location) }) {
            armedIndex = k
            armedOriginal = items[k]
            var trace = SynthesisTrace()
            (items[k], canonicals[k]) = build(k, armed: true, force: force, trace: &trace)
        }
        for (k, item) in items.enumerated() { if let id = item[idMember].map(Self.text) { idIndex[id] = k } }
    }

    /// Item `k` and, when a get schema differs, its canonical get object. The richer get object is made
    /// first; the listed item takes each of its values the list schema accepts, so the two agree wherever
    /// both schemas allow it.
    private func build(_ k: Int, armed: Bool, force: Set<String>, trace: inout SynthesisTrace) -> (JSONObject, JSONObject?) {
        var synth = Synthesizer(document: document, drift: drift)
        synth.armed = armed
        let armedDrift = armed ? drift : nil
        let key = Self.key(seed, k)
        var canonical: JSONObject?
        if let g = getSchema {
            var c = synth.value(g, key: key, trace: &trace).objectValue ?? JSONObject()
            Self.assignIdentity(&c, index: k, key: key, idMember: idMember, itemSchema: g, document: document, drift: armedDrift)
            canonical = c
        }
        var item = synth.value(itemSchema, key: key, force: force.union([idMember]), trace: &trace).objectValue ?? JSONObject()
        Self.assignIdentity(&item, index: k, key: key, idMember: idMember, itemSchema: itemSchema, document: document, drift: armedDrift)
        if let canonical { overlay(&item, from: canonical, schema: itemSchema, drift: armedDrift) }
        return (item, canonical)
    }

    /// This (conforming, repaired) dataset with `drift` armed on the first item that reaches its location:
    /// one item rebuilt instead of the whole catalog, so every drift of a self-test shares one catalog.
    func armed(with drift: SchemaDrift) -> Dataset {
        var copy = self
        copy.drift = drift
        guard let k = firstVisit[drift.location] else { return copy }
        copy.armedIndex = k
        copy.armedOriginal = items[k]
        var trace = SynthesisTrace()
        (copy.items[k], copy.canonicals[k]) = copy.build(k, armed: true, force: force, trace: &trace)
        copy.idIndex = [:]
        for (i, item) in copy.items.enumerated() { if let id = item[idMember].map(Self.text) { copy.idIndex[id] = i } }
        return copy
    }

    /// Copies members of `source` into `target` where the target schema accepts them and no drift is there.
    private func overlay(_ target: inout JSONObject, from source: JSONObject, schema: JSONPointer, drift: SchemaDrift?) {
        guard let view = SchemaView.resolve(schema, in: document) else { return }
        for (name, pointer) in view.propertyPointers where target[name] != nil || source[name] != nil {
            guard let value = source[name], !SchemaPath.isTouched([name], from: schema, in: document, by: drift),
                  validator.isValid(value, schemaAt: pointer) else { continue }
            if target[name] == nil, !view.required.contains(name) { continue }
            target[name] = value
        }
    }

    /// Applies the operation's per-item rules to every item (values of a drifted member are left broken),
    /// validating each change against the item schema: a repair the schema rejects is not kept.
    mutating func repair(using repairs: [ItemRepair], schema: JSONPointer) {
        guard !repairs.isEmpty else { return }
        let document = self.document
        let seed = self.seed
        let fresh: (ValueScope.Place) -> JSONValue? = { place in
            guard case .variable(_, let path) = place, let pointer = SchemaPath.locate(path, from: schema, in: document)?.member else { return nil }
            var trace = SynthesisTrace()
            return Synthesizer(document: document).value(pointer, key: SeededRandom(seed).child("repair").child(path.joined(separator: ".")),
                                                         member: path.last, trace: &trace)
        }
        for k in items.indices where k != armedIndex {
            var item = items[k]
            for r in repairs { item = r.apply(item, fresh: fresh) }
            if item != items[k], validator.isValid(.object(item), schemaAt: schema) { items[k] = item }
        }
        if var twin = armedOriginal {
            for r in repairs { twin = r.apply(twin, fresh: fresh) }
            armedOriginal = twin
        }
    }

    /// The item with this id.
    func index(of id: String) -> Int? { idIndex[id] }

    /// The get-by-id object for item `k`: the canonical object, carrying every listed value its schema accepts.
    /// `listed` replaces the dataset's own item when another suite serves the list (see `MockApp`).
    func getObject(_ k: Int, listed: JSONObject? = nil) -> JSONObject {
        guard let g = getSchema, var object = canonicals[k] else { return listed ?? items[k] }
        overlay(&object, from: listed ?? items[k], schema: g, drift: k == armedIndex ? drift : nil)
        return object
    }

    var count: Int { items.count }

    /// A synthesised object carrying `id` (for `--any-id`).
    func anyObject(id: String) -> JSONObject {
        var trace = SynthesisTrace()
        let key = SeededRandom(seed).child("any").child(id)
        var object = Synthesizer(document: document).value(getSchema ?? itemSchema, key: key, trace: &trace).objectValue ?? JSONObject()
        object[idMember] = .string(id)
        return object
    }

    static func key(_ seed: UInt64, _ k: Int) -> SeededRandom { SeededRandom(seed).child("item").child(k) }

    /// Unique id and name, unless the drift breaks exactly those members.
    private static func assignIdentity(_ item: inout JSONObject, index k: Int, key: SeededRandom, idMember: String,
                                       itemSchema: JSONPointer, document: JSONValue, drift: SchemaDrift?) {
        let words = ["atlas", "borealis", "cirrus", "delta", "ember", "fjord", "granite", "harbor", "iris", "juniper",
                     "kestrel", "lumen", "meridian", "nimbus", "onyx", "prairie", "quartz", "raven", "sierra", "tundra"]
        if item[idMember] != nil, !SchemaPath.isTouched([idMember], from: itemSchema, in: document, by: drift),
           let idSchema = SchemaPath.locate([idMember], from: itemSchema, in: document)?.member,
           let view = SchemaView.resolve(idSchema, in: document), view.schema["enum"] == nil, view.schema["const"] == nil {
            if view.types.contains("integer") && !view.types.contains("string") {
                item[idMember] = JSONValue(k + 1)
            } else if view.schema["format"]?.stringValue == "uuid" {
                let uuid = Synthesizer.formatted("uuid", key.child("id")) ?? ""
                item[idMember] = .string(String(uuid.prefix(24)) + String(String(100_000_000_000 + k).suffix(12)))
            } else if view.schema["format"] == nil, view.schema["pattern"] == nil {
                item[idMember] = .string("model-" + String(String(10_000 + k + 1).suffix(4)))
            }
        }
        if case .string? = item["name"], !SchemaPath.isTouched(["name"], from: itemSchema, in: document, by: drift),
           let nameSchema = SchemaPath.locate(["name"], from: itemSchema, in: document)?.member,
           let view = SchemaView.resolve(nameSchema, in: document), view.schema["enum"] == nil, view.schema["const"] == nil,
           view.schema["format"] == nil, view.schema["pattern"] == nil {
            item["name"] = .string("\(words[k % words.count])-\(k / words.count + 1)")
        }
    }

    /// The text of an id or filter value (`"abc"` → `abc`, `12` → `12`).
    static func text(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return JSONWriter.write(v)
        }
    }
}
