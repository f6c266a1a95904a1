import ConformCore

/// The response body shown when a case's status was not the one expected: a 500's `{"error":"internal"}`
/// is the first thing anyone wants on a red nightly. One rule for the console, JUnit, Markdown and HTML.
///
/// The excerpt is the recorded one (already redacted by the runner), cut to `limit` characters, with
/// invisible and control characters made visible; each report escapes it for its own format.
public enum UnexpectedStatusBody {
    /// Characters of body shown; the JSON results keep the whole recorded excerpt.
    public static let limit = 500

    /// The excerpt when the case's status check failed and a response came back, else nil.
    public static func excerpt(_ c: CaseResult) -> String? {
        guard let response = c.response,
              c.checks.contains(where: { $0.check == CheckKind.status.id && $0.status == .failed && !$0.isAcceptedFailure }) else { return nil }
        return excerpt(of: response)
    }

    /// `HTTP 500, 20 bytes: {"error":"internal"}` — the line that introduces the excerpt.
    public static func heading(_ r: RecordedResponse) -> String {
        var line = "HTTP \(r.status), \(r.bodySize) byte\(r.bodySize == 1 ? "" : "s")"
        if let type = r.headers.first(where: { $0.name.lowercased() == "content-type" }) { line += ", " + type.value }
        return line
    }

    /// The body excerpt, bounded and visible: `(empty body)` when there is none, `… (N more bytes)` when cut.
    public static func excerpt(of r: RecordedResponse) -> String {
        guard r.bodySize > 0, !r.bodyExcerpt.isEmpty else { return "(empty body)" }
        let text = r.bodyExcerpt
        var cut = String(text.prefix(limit))
        let shownBytes = cut.utf8.count
        if shownBytes < r.bodySize { cut += " … (\(r.bodySize - shownBytes) more bytes)" }
        return VisibleText.clean(cut, keeping: ["\n"])
    }
}
