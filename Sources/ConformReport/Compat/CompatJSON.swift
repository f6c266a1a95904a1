import ConformCore

/// The compatibility matrix as JSON for machines (`conform compat --json FILE`), documented by
/// `reports/compat.schema.json`: targets with labels and scores, interop and distribution, and every row
/// with one cell per target. Keys come in a fixed order; absent values are `null`.
public enum CompatJSON {
    /// Bumped when a consumer would have to change.
    public static let schemaVersion = 1

    /// The matrix as pretty-printed JSON ending with a newline.
    public static func render(_ matrix: CompatMatrix) -> String {
        JSONWriter.write(value(matrix), pretty: true) + "\n"
    }

    /// The matrix as a `JSONValue` in the documented key order.
    public static func value(_ matrix: CompatMatrix) -> JSONValue {
        .object(JSONObject([
            ("schemaVersion", JSONValue(schemaVersion)),
            ("tool", "conform"),
            ("version", .string(matrix.version)),
            ("startedAt", .string(matrix.startedAt)),
            ("durationSeconds", JSONReport.seconds(matrix.durationSeconds)),
            ("exitCode", JSONValue(Int(matrix.exitCode))),
            ("targets", .array(matrix.columns.map(column))),
            ("interop", JSONValue(matrix.interop)),
            ("measuredTargets", JSONValue(matrix.measuredColumns.count)),
            ("distribution", .array(matrix.distribution.map { JSONValue($0) })),
            ("rows", .array(matrix.rows.map { row($0, columns: matrix.columns) })),
        ]))
    }

    static func column(_ c: CompatMatrix.Column) -> JSONValue {
        let s = c.score
        return .object(JSONObject([
            ("name", .string(c.name)),
            ("baseUrl", .string(c.baseURL)),
            ("labels", .object(JSONObject(c.labels.map { ($0.name, .string($0.value)) }))),
            ("measured", .bool(s.measured)),
            ("score", s.percent.map { JSONValue.number(JSONNumber(text: CompatScore.format($0))) } ?? .null),
            ("passed", JSONValue(s.passed)), ("applicable", JSONValue(s.applicable)),
            ("failed", JSONValue(s.failed)), ("notImplemented", JSONValue(s.notImplemented)),
            ("notChecked", JSONValue(s.notChecked)), ("errors", JSONValue(s.errors)),
            ("skipped", JSONValue(s.skipped)), ("absent", JSONValue(s.absent)),
        ]))
    }

    static func row(_ r: CompatMatrix.Row, columns: [CompatMatrix.Column]) -> JSONValue {
        .object(JSONObject([
            ("suite", .string(r.suite)), ("operation", .string(r.operation)), ("caseId", .string(r.caseId)),
            ("caseName", .string(r.caseName)), ("check", .string(r.check)), ("checkName", .string(r.checkName)),
            ("sharedId", .string(r.sharedId)), ("ruleLocation", JSONReport.optional(r.ruleLocation)),
            ("citation", JSONReport.optional(r.citation)), ("passes", JSONValue(r.passes)),
            ("cells", .array(zip(columns, r.cells).map { cell($1, target: $0.name) })),
        ]))
    }

    static func cell(_ c: CompatCell, target: String) -> JSONValue {
        .object(JSONObject([
            ("target", .string(target)),
            ("state", .string(c.state.rawValue)),
            ("afterFailure", .bool(c.afterFailure)),
            ("classes", .array(c.classes.map { .string($0.rawValue) })),
            ("extent", JSONReport.optional(c.extent)),
            ("findingCount", JSONValue(c.findingCount)),
            ("reason", JSONReport.optional(c.reason)),
            ("evidence", c.evidence.map(JSONReport.finding) ?? .null),
            ("curl", JSONReport.optional(c.curl)),
            ("checkId", JSONReport.optional(c.checkId)),
        ]))
    }
}
