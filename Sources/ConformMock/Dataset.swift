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
    private let drift: SchemaDrift?
    /// The item the schema drift applies to (nil: none of them reaches it).
    private(set) var armedIndex: Int?
    private var idIndex: [String: Int] = [:]

    init(document: JSONValue, itemSchema: JSONPointer, getSchema: JSONPointer?, idMember: String, force: Set<String>,
         count: Int, seed: UInt64, drift: SchemaDrift?) {
        self.document = document; self.itemSchema = itemSchema; self.getSchema = getSchema; self.idMember = idMember
        self.seed = seed; self.drift = drift
        let plain = Synthesizer(document: document)
        var traces: [SynthesisTrace] = []
        for k in 0..<count {
            var trace = SynthesisTrace()
            trace.recordSites = true
            var item = plain.value(itemSchema, key: Self.key(seed, k), force: force, trace: &trace).objectValue ?? JSONObject()
            Self.assignIdentity(&item, index: k, key: Self.key(seed, k), idMember: idMember, itemSchema: itemSchema, document: document, drift: nil)
            if let g = getSchema { _ = plain.value(g, key: Self.key(seed, k), trace: &trace) }
            items.append(item)
            traces.append(trace)
        }
        var seen = Set<DriftSite>()
        for t in traces { for s in t.sites where seen.insert(s).inserted { sites.append(s) }; visited.formUnion(t.visited) }
        if let drift, let k = traces.firstIndex(where: { $0.visited.contains(drift.location) }) {
            armedIndex = k
            var armed = Synthesizer(document: document, drift: drift)
            armed.armed = true
            var trace = SynthesisTrace()
            var item = armed.value(itemSchema, key: Self.key(seed, k), force: force, trace: &trace).objectValue ?? JSONObject()
            Self.assignIdentity(&item, index: k, key: Self.key(seed, k), idMember: idMember, itemSchema: itemSchema, document: document, drift: drift)
            items[k] = item
        }
        for (k, item) in items.enumerated() { if let id = item[idMember].map(Self.text) { idIndex[id] = k } }
    }

    /// The item with this id.
    func index(of id: String) -> Int? { idIndex[id] }

    /// The get-by-id object for item `k`: the get schema's object carrying every member the listed item has.
    func getObject(_ k: Int) -> JSONObject {
        let item = items[k]
        guard let g = getSchema, let view = SchemaView.resolve(g, in: document), view.pointer != itemSchema,
              SchemaView.resolve(itemSchema, in: document)?.pointer != view.pointer else { return item }
        var synth = Synthesizer(document: document, drift: drift)
        synth.armed = k == armedIndex
        var trace = SynthesisTrace()
        var object = synth.value(g, key: Self.key(seed, k), trace: &trace).objectValue ?? JSONObject()
        for (name, _) in view.propertyPointers where !(synth.armed && SchemaPath.isTouched([name], from: g, in: document, by: drift)) {
            if let v = item[name] { object[name] = v }
        }
        return object
    }

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
