import ConformCore

/// Renders a run as the machine-readable results file documented by `reports/results.schema.json`:
/// the input for baselines, merges and compatibility matrices.
///
/// ```json
/// {
///   "schemaVersion": 1, "tool": "conform", "version": "0.1.0", "startedAt": "2026-11-22T04:00:00Z",
///   "durationSeconds": 2.5, "exitCode": 1, "tally": {"passed": 2, "failed": 3, "errors": 1, "skipped": 1, "total": 7},
///   "suites": [{"suite": "scale-v5", "target": "api.example.com:443", "suiteHash": "9f86d0…", …, "cases": [{"id": "list.default", …,
///     "checks": [{"id": "0c1d2e3f4a5b6c7d", "name": "body matches schema", "status": "failed", "findings": [{"id": "5e0b6a8f1c2d3e4f",
///     "kind": "failure", "pointer": "/items/0/created_at", "expected": "string in date-time format", …}, …],
///     "omitted": [{"id": "5e0b6a8f1c2d3e4f", "kind": "failure", "check": "schema.format", "pointer": "/items/*/created_at", …,
///     "count": 199980}]}]}]}]
/// }
/// ```
///
/// Keys come in a fixed order and absent optionals are written as `null`, so the same run always gives
/// byte-identical text; written with `JSONWriter` rather than `JSONEncoder`, whose key order is not fixed.
/// Every check and finding carries its stable `id` (`FindingIdentity`) so runs can be compared.
public enum JSONReport {
    /// Bumped when a consumer would need to change: a field renamed, removed or re-typed.
    public static let schemaVersion = 2

    /// The whole run as pretty-printed JSON, ending with a newline.
    public static func render(_ run: RunResult) -> String {
        var out: [UInt8] = []
        appendStreamingCatalogItems(run, to: &out, flush: { _ in })
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the text `render` makes to `path` (atomically, `ReportFile`), a megabyte at a time: a 100,000-item
    /// catalog's results (≈ 27 MB) are never held whole, as a tree or as text.
    public static func write(_ run: RunResult, to path: String) throws {
        try ReportFile.write(to: path) { emit in
            var out: [UInt8] = []
            out.reserveCapacity(Self.flushBytes + 4096)
            try appendStreamingCatalogItems(run, to: &out) { out in
                guard out.count >= Self.flushBytes else { return }
                try out.withUnsafeBufferPointer { try emit($0) }
                out.removeAll(keepingCapacity: true)
            }
            out.append(0x0A)
            try out.withUnsafeBufferPointer { try emit($0) }
        }
    }

    /// How much text `write` gathers before writing it out.
    static let flushBytes = 1 << 20

    /// The run as `value` writes it, except that each catalog's items are written one at a time straight from the
    /// listing, `flush` called after each (to write out what has gathered): a 100,000-item catalog never exists as a
    /// tree (≈ 300 bytes an item), only as its text.
    static func appendStreamingCatalogItems(_ run: RunResult, to out: inout [UInt8], flush: (inout [UInt8]) throws -> Void) rethrows {
        guard case .object(let root) = value(run, catalogItems: false) else { return }
        try JSONWriter.appendObject(keys: root.keys, to: &out, pretty: true, indent: 0) { k, out, indent in
            guard root.keys[k] == "suites", case .array(let suites) = root.values[k] else {
                return JSONWriter.append(root.values[k], to: &out, pretty: true, indent: indent)
            }
            try JSONWriter.appendArray(count: suites.count, to: &out, pretty: true, indent: indent) { s, out, indent in
                guard case .object(let suite) = suites[s] else { return JSONWriter.append(suites[s], to: &out, pretty: true, indent: indent) }
                try JSONWriter.appendObject(keys: suite.keys, to: &out, pretty: true, indent: indent) { m, out, indent in
                    guard suite.keys[m] == "catalogs", case .array(let catalogs) = suite.values[m] else {
                        return JSONWriter.append(suite.values[m], to: &out, pretty: true, indent: indent)
                    }
                    try JSONWriter.appendArray(count: catalogs.count, to: &out, pretty: true, indent: indent) { c, out, indent in
                        guard case .object(let catalog) = catalogs[c] else { return JSONWriter.append(catalogs[c], to: &out, pretty: true, indent: indent) }
                        let items = run.suites[s].catalogs[c].items
                        try JSONWriter.appendObject(keys: catalog.keys, to: &out, pretty: true, indent: indent) { i, out, indent in
                            guard catalog.keys[i] == "items" else { return JSONWriter.append(catalog.values[i], to: &out, pretty: true, indent: indent) }
                            try JSONWriter.appendArray(count: items.count, to: &out, pretty: true, indent: indent) { j, out, indent in
                                JSONWriter.append(catalogItem(items[j]), to: &out, pretty: true, indent: indent)
                                try flush(&out)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The run as a `JSONValue`, in the documented key order.
    public static func value(_ run: RunResult) -> JSONValue { value(run, catalogItems: true) }

    /// The run; with `catalogItems` false, each catalog's `items` is left empty (`render` streams them).
    static func value(_ run: RunResult, catalogItems: Bool) -> JSONValue {
        // `insecureTLS` is written only when true (`--insecure`), so every other run's file is unchanged.
        let insecure: [(String, JSONValue)] = run.insecureTLS == true ? [("insecureTLS", .bool(true))] : []
        return .object(JSONObject([
            ("schemaVersion", JSONValue(schemaVersion)),
            ("tool", .string(run.tool)),
            ("version", .string(run.version)),
            ("startedAt", .string(run.startedAt)),
            ("durationSeconds", seconds(run.durationSeconds)),
            ("exitCode", JSONValue(Int(run.exitCode))),
            ("tally", tally(run.counts)),
            ("baseline", run.baseline.map(baselineSummary) ?? .null),
            ("suites", .array(run.suites.map { suite($0, catalogItems: catalogItems) })),
            ("shard", run.shard.map { .object(JSONObject([("index", JSONValue($0.index)), ("count", JSONValue($0.count))])) } ?? .null),
        ] + insecure))
    }

    static func suite(_ s: SuiteResult, catalogItems: Bool = true) -> JSONValue {
        .object(JSONObject([
            ("suite", .string(s.suite)),
            ("title", .string(s.title)),
            ("file", .string(s.file)),
            ("baseURL", .string(s.baseURL)),
            ("target", .string(s.target)),
            ("suiteHash", .string(s.suiteHash)),
            ("startedAt", .string(s.startedAt)),
            ("durationSeconds", seconds(s.durationSeconds)),
            ("tally", tally(s.counts)),
            ("unselected", .array(s.unselected.map { .string($0) })),
            ("cases", .array(s.cases.map(testCase))),
            ("catalogs", .array(s.catalogs.map { catalog($0, items: catalogItems) })),
        ]))
    }

    static func testCase(_ c: CaseResult) -> JSONValue {
        .object(JSONObject([
            ("id", .string(c.id)),
            ("operation", .string(c.operation)),
            ("name", .string(c.name)),
            ("citation", optional(c.citation)),
            ("request", c.request.map(request) ?? .null),
            ("extraRequests", .array(c.extraRequests.map(request))),
            ("attempts", .array(c.attempts.map(attempt))),
            ("response", c.response.map(response) ?? .null),
            ("durationSeconds", seconds(c.durationSeconds)),
            ("curl", optional(c.curl)),
            ("checks", .array(c.checks.map(check))),
        ]))
    }

    /// A check. `omitted` and `unlisted` are written only when the check counted instances it did not keep
    /// (`FindingLimit`), so every other check's text is unchanged.
    static func check(_ r: CheckResult) -> JSONValue {
        let counted: [(String, JSONValue)] = (r.omitted.isEmpty ? [] : [("omitted", .array(r.omitted.map(omitted)))])
            + (r.unlisted == 0 ? [] : [("unlisted", JSONValue(r.unlisted))])
        return .object(JSONObject([
            ("id", optional(r.id)),
            ("sharedId", optional(r.sharedId)),
            ("name", .string(r.name)),
            ("check", .string(r.check)),
            ("rule", optional(r.rule)),
            ("status", .string(r.status.rawValue)),
            ("skipReason", optional(r.skipReason)),
            ("findings", .array(r.findings.map(finding))),
        ] + counted))
    }

    static func omitted(_ o: OmittedFindings) -> JSONValue {
        .object(JSONObject([
            ("id", optional(o.id)),
            ("sharedId", optional(o.sharedId)),
            ("kind", .string(o.kind.rawValue)),
            ("check", .string(o.check)),
            ("pointer", optional(o.pointer)),
            ("rulePointer", optional(o.rulePointer)),
            ("argument", optional(o.argument)),
            ("count", JSONValue(o.count)),
        ]))
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object(JSONObject([
            ("id", optional(f.id)),
            ("sharedId", optional(f.sharedId)),
            ("kind", .string(f.kind.rawValue)),
            ("check", .string(f.check)),
            ("title", .string(f.title)),
            ("detail", .string(f.detail)),
            ("pointer", optional(f.pointer)),
            ("rulePointer", optional(f.rulePointer)),
            ("ruleLocation", optional(f.ruleLocation)),
            ("expected", optional(f.expected)),
            ("actual", optional(f.actual)),
            ("citation", optional(f.citation)),
            ("argument", optional(f.argument)),
            ("baseline", f.baseline.map(baselineMark) ?? .null),
        ] + (f.curl.map { [("curl", JSONValue.string($0))] } ?? [])))
    }

    static func request(_ r: RecordedRequest) -> JSONValue {
        .object(JSONObject([("method", .string(r.method)), ("url", .string(r.url)), ("headers", headers(r.headers))]))
    }

    static func response(_ r: RecordedResponse) -> JSONValue {
        .object(JSONObject([
            ("status", JSONValue(r.status)),
            ("headers", headers(r.headers)),
            ("bodySize", JSONValue(r.bodySize)),
            ("bodyExcerpt", .string(r.bodyExcerpt)),
        ]))
    }

    static func attempt(_ a: Attempt) -> JSONValue {
        .object(JSONObject([
            ("number", JSONValue(a.number)),
            ("status", a.status.map { JSONValue($0) } ?? .null),
            ("error", optional(a.error)),
            ("durationSeconds", seconds(a.durationSeconds)),
            ("waitSeconds", a.waitSeconds.map(seconds) ?? .null),
        ]))
    }

    static func headers(_ list: [Header]) -> JSONValue {
        .array(list.map { .object(JSONObject([("name", .string($0.name)), ("value", .string($0.value))])) })
    }

    static func tally(_ t: Tally) -> JSONValue {
        .object(JSONObject([
            ("passed", JSONValue(t.passed)), ("failed", JSONValue(t.failed)), ("errors", JSONValue(t.errors)),
            ("skipped", JSONValue(t.skipped)), ("total", JSONValue(t.total)),
        ]))
    }

    static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Durations as JSON numbers; NaN and infinities (not JSON) and negatives become 0.
    static func seconds(_ value: Double) -> JSONValue {
        .number(JSONNumber(value.isFinite && value > 0 ? value : 0))
    }
}
