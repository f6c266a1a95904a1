import ConformCore

/// The plain-text evidence of one case — request, attempts, response, reproduction — shared by the
/// JUnit body and the Markdown report so both tell the same story.
enum CaseEvidence {
    /// `GET http://127.0.0.1:8080/v5/models?limit=1001`, one line per request sent (walks send several).
    static func requestLines(_ c: CaseResult) -> [String] {
        ([c.request].compactMap { $0 } + c.extraRequests).map { $0.method + " " + $0.url }
    }

    /// `#1 503 in 0.012 s, then waited 1.000 s`, `#2 connection refused in 0.001 s`.
    static func attemptLine(_ a: Attempt) -> String {
        var outcome = a.status.map { "HTTP \($0)" } ?? ""
        if let error = a.error { outcome += (outcome.isEmpty ? "" : ", ") + error }
        if outcome.isEmpty { outcome = "no response" }
        var line = "#\(a.number) \(outcome) in \(ReportFormat.seconds(a.durationSeconds)) s"
        if let wait = a.waitSeconds { line += ", then waited \(ReportFormat.seconds(wait)) s" }
        return line
    }

    /// `HTTP 200, 1234 bytes, content-type: application/json`.
    static func responseLine(_ r: RecordedResponse) -> String {
        var line = "HTTP \(r.status), \(ReportFormat.count(r.bodySize, "byte"))"
        if let type = r.headers.first(where: { $0.name.lowercased() == "content-type" }) { line += ", content-type: " + type.value }
        return line
    }

    /// The lines of one finding: title and detail, then each known field on its own labelled line.
    static func findingLines(_ f: Finding) -> [String] {
        var lines = [f.title + ": " + f.detail]
        if let p = f.pointer { lines.append("  at: " + (p.isEmpty ? "(the whole body)" : p)) }
        if let e = f.expected { lines.append("  expected: " + e) }
        if let a = f.actual { lines.append("  actual: " + a) }
        if let rule = ruleText(f) { lines.append("  rule: " + rule) }
        if let c = f.citation { lines.append("  citation: " + c) }
        if let curl = f.curl { lines.append("  reproduce: " + curl) }
        if let id = f.id { lines.append("  id: " + id) }
        return lines
    }

    /// `suites/x.json:12:5 (/operations/0/…)`, either part alone, or nil.
    static func ruleText(_ f: Finding) -> String? {
        switch (f.ruleLocation, f.rulePointer) {
        case let (location?, pointer?): return location + " (" + pointer + ")"
        case let (location?, nil): return location
        case let (nil, pointer?): return pointer
        case (nil, nil): return nil
        }
    }
}
