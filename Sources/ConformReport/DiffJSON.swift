import ConformCore

/// Renders a `RunDiff` as JSON for machines (`conform diff --json FILE`), documented by
/// `reports/diff.schema.json`: the two files, counts per change, how suites were paired, and every entry
/// with its evidence. Keys come in a fixed order; absent values are `null`.
public enum DiffJSON {
    /// Bumped when a consumer would have to change.
    public static let schemaVersion = 1

    /// The diff as pretty-printed JSON ending with a newline; `extra` members (the catalog comparison) are appended.
    public static func render(_ diff: RunDiff, before: RunFile, after: RunFile, failOn: String, exitCode: Int32,
                              extra: [(String, JSONValue)] = []) -> String {
        JSONWriter.write(value(diff, before: before, after: after, failOn: failOn, exitCode: exitCode, extra: extra), pretty: true) + "\n"
    }

    /// A results file as the diff names it: its path and when its run started.
    public struct RunFile: Sendable {
        public var path: String
        public var startedAt: String
        /// A file at `path` whose run started at `startedAt`.
        public init(path: String, startedAt: String) { self.path = path; self.startedAt = startedAt }
    }

    /// The diff as a `JSONValue` in the documented key order.
    public static func value(_ diff: RunDiff, before: RunFile, after: RunFile, failOn: String, exitCode: Int32,
                             extra: [(String, JSONValue)] = []) -> JSONValue {
        let counts = JSONObject(RunDiff.Change.allCases.map { ($0.rawValue, JSONValue(diff.count($0))) })
        return .object(JSONObject([
            ("schemaVersion", JSONValue(schemaVersion)),
            ("tool", "conform"),
            ("version", .string(ConformVersion.current)),
            ("before", file(before)),
            ("after", file(after)),
            ("failOn", .string(failOn)),
            ("exitCode", JSONValue(Int(exitCode))),
            ("counts", .object(counts)),
            ("pairings", .array(diff.pairings.map(pairing))),
            ("entries", .array(diff.entries.map(entry))),
        ] + extra))
    }

    static func file(_ f: RunFile) -> JSONValue {
        .object(JSONObject([("path", .string(f.path)), ("startedAt", .string(f.startedAt))]))
    }

    static func pairing(_ p: RunDiff.Pairing) -> JSONValue {
        .object(JSONObject([
            ("suite", .string(p.suite)),
            ("beforeTarget", JSONReport.optional(p.beforeTarget)),
            ("afterTarget", JSONReport.optional(p.afterTarget)),
            ("beforeSuiteHash", JSONReport.optional(p.beforeHash)),
            ("afterSuiteHash", JSONReport.optional(p.afterHash)),
            ("suiteChanged", .bool(p.suiteChanged)),
            ("targetDiffers", .bool(p.targetDiffers)),
        ]))
    }

    static func entry(_ e: RunDiff.Entry) -> JSONValue {
        .object(JSONObject([
            ("change", .string(e.change.rawValue)),
            ("suite", .string(e.suite)),
            ("target", .string(e.target)),
            ("case", .string(e.caseId)),
            ("caseName", .string(e.caseName)),
            ("check", .string(e.checkName)),
            ("checkKind", .string(e.checkKind)),
            ("id", .string(e.id)),
            ("sharedId", .string(e.sharedId)),
            ("instances", JSONValue(e.instances)),
            ("before", JSONReport.optional(e.before?.rawValue)),
            ("after", JSONReport.optional(e.after?.rawValue)),
            ("finding", e.finding.map(JSONReport.finding) ?? .null),
            ("errorDetail", JSONReport.optional(e.errorDetail)),
            ("curl", JSONReport.optional(e.curl)),
        ]))
    }
}
