import ConformCore

/// The baseline members of results.json: a finding's `baseline` mark and the run's `baseline` summary.
///
/// ```json
/// "baseline": {"class": "known", "reason": "vendor omits owned_by", "ticket": null, "expires": "2026-12-31"}
/// "baseline": {"file": "baseline.json", "today": "2026-11-23", "allowStale": false, "failsRun": true,
///   "counts": {"new": 0, "known": 1, "expired": 0, "stale": 1, "unobserved": 0, "orphaned": 0, "expiringSoon": 0},
///   "entries": [{"id": "…", "class": "stale", "note": "fixed: its check passed in case list; remove this entry", …}]}
/// ```
extension JSONReport {
    static func baselineMark(_ m: BaselineMark) -> JSONValue {
        .object(JSONObject([
            ("class", .string(m.classification.rawValue)), ("reason", optional(m.reason)),
            ("ticket", optional(m.ticket)), ("expires", optional(m.expires)),
        ]))
    }

    static func baselineSummary(_ b: BaselineSummary) -> JSONValue {
        let c = b.counts
        let counts: [(String, JSONValue)] = [
            ("new", JSONValue(c.new)), ("known", JSONValue(c.known)), ("expired", JSONValue(c.expired)), ("stale", JSONValue(c.stale)),
            ("unobserved", JSONValue(c.unobserved)), ("orphaned", JSONValue(c.orphaned)), ("expiringSoon", JSONValue(c.expiringSoon)),
        ]
        return .object(JSONObject([
            ("file", .string(b.file)), ("today", .string(b.today)), ("allowStale", .bool(b.allowStale)),
            ("failsRun", .bool(b.failsRun)), ("counts", .object(JSONObject(counts))),
            ("entries", .array(b.entries.map { e in
                .object(JSONObject([
                    ("id", .string(e.id)), ("class", .string(e.classification.rawValue)), ("note", .string(e.note)),
                    ("reason", .string(e.reason)), ("ticket", optional(e.ticket)), ("expires", optional(e.expires)),
                    ("expiringSoon", .bool(e.expiringSoon)), ("suite", optional(e.suite)), ("target", optional(e.target)),
                    ("case", optional(e.caseId)), ("title", optional(e.title)),
                ]))
            })),
        ]))
    }

    static func decodeBaselineMark(_ r: Reader) throws -> BaselineMark {
        BaselineMark(classification: try baselineClass(r, "class"), reason: try r.optionalString("reason"),
                     ticket: try r.optionalString("ticket"), expires: try r.optionalString("expires"))
    }

    static func decodeBaselineSummary(_ r: Reader) throws -> BaselineSummary {
        var summary = BaselineSummary(file: try r.string("file"), today: try r.string("today"), allowStale: try r.bool("allowStale"))
        guard let counts = try r.optional("counts") else { throw r.error("counts", "expected an object") }
        for c in BaselineClass.allCases { summary.counts[c] = try counts.int(c.rawValue) }
        summary.counts.expiringSoon = try counts.int("expiringSoon")
        summary.entries = try r.array("entries").map { e in
            BaselineSummary.Entry(id: try e.string("id"), classification: try baselineClass(e, "class"), note: try e.string("note"),
                                  reason: try e.string("reason"), ticket: try e.optionalString("ticket"),
                                  expires: try e.optionalString("expires"), expiringSoon: try e.bool("expiringSoon"),
                                  suite: try e.optionalString("suite"), target: try e.optionalString("target"),
                                  caseId: try e.optionalString("case"), title: try e.optionalString("title"))
        }
        return summary
    }

    private static func baselineClass(_ r: Reader, _ key: String) throws -> BaselineClass {
        let text = try r.string(key)
        guard let c = BaselineClass(rawValue: text) else { throw r.error(key, "unknown baseline class \(JSONWriter.quote(text))") }
        return c
    }
}

extension JSONReport.Reader {
    func bool(_ key: String) throws -> Bool {
        guard let v = try optional(key), let b = v.value.boolValue else { throw error(key, "expected a boolean") }
        return b
    }

    /// The value as an array of strings.
    func strings() throws -> [String] {
        guard let items = value.arrayValue else { throw JSONReportError(pointer: pointer.description, message: "expected an array of strings") }
        return try items.enumerated().map { try JSONReport.Reader($0.element, at: pointer.appending($0.offset)).asString() }
    }
}
