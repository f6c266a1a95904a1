import ConformCore

extension BaselineFile {
    /// The baseline as pretty-printed JSON in a fixed member order, absent members left out, ending with a newline.
    /// Refuses an entry without a reason: a baseline without reasons cannot be written.
    public func render() throws(BaselineFileError) -> String {
        var items: [JSONValue] = []
        for (index, e) in entries.enumerated() {
            guard !e.reason.allSatisfy(\.isWhitespace) else {
                throw BaselineFileError("entry \(e.id) has no reason: every accepted failure says why it is accepted",
                                        pointer: "/entries/\(index)/reason")
            }
            let members: [(String, String?)] = [
                ("id", e.id), ("reason", e.reason), ("ticket", e.ticket), ("expires", e.expires?.description),
                ("firstSeen", e.firstSeen?.description), ("lastSeen", e.lastSeen?.description), ("check", e.check),
                ("suite", e.suite), ("target", e.target), ("case", e.caseId), ("checkKind", e.checkKind),
                ("title", e.title), ("pointer", e.pointer),
            ]
            items.append(.object(JSONObject(members.compactMap { key, value in value.map { (key, .string($0)) } })))
        }
        let root = JSONValue.object(JSONObject([("baselineVersion", JSONValue(Self.version)), ("entries", .array(items))]))
        return JSONWriter.write(root, pretty: true) + "\n"
    }
}
