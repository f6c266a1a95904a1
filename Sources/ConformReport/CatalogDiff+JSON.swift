import ConformCore

extension CatalogDiff {
    /// The diff as JSON, complete (not cut like the Markdown), keys in a fixed order:
    ///
    /// ```json
    /// {"comparisons": [{"suite": "e2e-models", "operation": "list", "beforeTarget": "http://127.0.0.1:1", "afterTarget": "…",
    ///   "beforeStatus": "complete", "afterStatus": "complete", "beforeCount": 20, "afterCount": 15, "inconclusive": null,
    ///   "counts": {"added": 0, "removed": 5, "confirmedRemovals": 5, "changed": 0, "unchanged": 15},
    ///   "added": [], "removed": [{"id": "model-0016", "confirmed": true, "status": 404, "note": "answered 404 by id"}],
    ///   "changed": [{"id": "model-0003", "membersRecorded": true, "members": [{"name": "owned_by", "before": "\"a\"", "after": "\"b\""}]}]}]}
    /// ```
    public var jsonValue: JSONValue {
        .object(JSONObject([("comparisons", .array(comparisons.map(Self.json)))]))
    }

    private static func json(_ c: CatalogComparison) -> JSONValue {
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object(JSONObject([
            ("suite", .string(c.suite)),
            ("operation", .string(c.operation)),
            ("beforeTarget", text(c.beforeTarget)),
            ("afterTarget", text(c.afterTarget)),
            ("beforeStatus", text(c.beforeStatus?.rawValue)),
            ("afterStatus", text(c.afterStatus?.rawValue)),
            ("beforeCount", JSONValue(c.beforeCount)),
            ("afterCount", JSONValue(c.afterCount)),
            ("inconclusive", text(c.inconclusive)),
            ("counts", .object(JSONObject([
                ("added", JSONValue(c.added.count)), ("removed", JSONValue(c.removed.count)),
                ("confirmedRemovals", JSONValue(c.confirmedRemovals)), ("changed", JSONValue(c.changed.count)),
                ("unchanged", JSONValue(c.unchanged)),
            ]))),
            ("added", .array(c.added.map { .string($0) })),
            ("removed", .array(c.removed.map { r in .object(JSONObject([
                ("id", .string(r.id)), ("confirmed", .bool(r.confirmed)), ("status", r.status.map { JSONValue($0) } ?? .null),
                ("note", .string(r.note)),
            ])) })),
            ("changed", .array(c.changed.map { change in .object(JSONObject([
                ("id", .string(change.id)), ("membersRecorded", .bool(change.membersRecorded)),
                ("members", .array(change.members.map { m in .object(JSONObject([
                    ("name", .string(m.name)), ("before", text(m.before)), ("after", text(m.after)),
                ])) })),
            ])) })),
        ]))
    }
}
