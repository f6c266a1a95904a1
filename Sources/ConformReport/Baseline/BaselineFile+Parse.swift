import ConformCore

extension BaselineFile {
    /// Members an entry may have, in the order Conform writes them.
    static let entryMembers = ["id", "reason", "ticket", "expires", "firstSeen", "lastSeen", "check", "suite", "target",
                               "case", "checkKind", "title", "pointer"]

    /// Reads a baseline strictly: unknown members (with "did you mean"), a missing or empty `reason`, a bad date,
    /// ticket or id, and duplicate ids are errors pointing at the value (byte offset and JSON Pointer).
    public static func parse(_ source: SourceFile) throws(BaselineFileError) -> BaselineFile {
        let root: JSONValue, locations: JSONLocations
        do {
            (root, locations) = try JSONParser.parseWithLocations(source.bytes, options: .init(rejectDuplicateKeys: true, recordLocations: true))
        } catch {
            throw BaselineFileError("not JSON: " + error.message, offset: error.offset)
        }
        func fail(_ message: String, _ pointer: JSONPointer, key: Bool = false) -> BaselineFileError {
            BaselineFileError(message, pointer: pointer.description, offset: locations.offset(of: pointer, preferKey: key))
        }
        guard let top = root.objectValue else { throw fail("a baseline is an object {\"baselineVersion\": 1, \"entries\": [...]}, found \(root.typeName)", .root) }
        for key in top.keys where !["$schema", "baselineVersion", "entries"].contains(key) {
            throw fail("unknown member \(JSONWriter.quote(key))" + NearestName.hint(key, in: ["baselineVersion", "entries"]), JSONPointer.root.appending(key), key: true)
        }
        let versionPointer = JSONPointer.root.appending("baselineVersion")
        guard let version = top["baselineVersion"] else { throw fail("missing \"baselineVersion\": 1", .root) }
        guard version.numberValue?.int64Value == Int64(Self.version) else {
            throw fail("baselineVersion must be \(Self.version) (this build reads version \(Self.version)), found \(JSONWriter.write(version))", versionPointer)
        }
        let entriesPointer = JSONPointer.root.appending("entries")
        guard let list = top["entries"] else { throw fail("missing \"entries\": [...] (an empty list is fine)", .root) }
        guard let items = list.arrayValue else { throw fail("\"entries\" must be an array, found \(list.typeName)", entriesPointer) }
        var entries: [BaselineEntry] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let at = entriesPointer.appending(index)
            let entry = try parseEntry(item, at: at, fail: fail)
            if let first = seen[entry.id] {
                throw fail("duplicate id \(entry.id): entry \(first) already lists it", at.appending("id"))
            }
            seen[entry.id] = index
            entries.append(entry)
        }
        return BaselineFile(entries: entries)
    }

    private static func parseEntry(_ item: JSONValue, at: JSONPointer,
                                   fail: (String, JSONPointer, Bool) -> BaselineFileError) throws(BaselineFileError) -> BaselineEntry {
        guard let object = item.objectValue else { throw fail("an entry is an object with at least \"id\" and \"reason\", found \(item.typeName)", at, false) }
        for key in object.keys where !entryMembers.contains(key) {
            throw fail("unknown member \(JSONWriter.quote(key))" + NearestName.hint(key, in: entryMembers), at.appending(key), true)
        }
        func string(_ key: String) throws(BaselineFileError) -> String? {
            guard let value = object[key] else { return nil }
            guard let s = value.stringValue else { throw fail("\"\(key)\" must be a string, found \(value.typeName)", at.appending(key), false) }
            return s
        }
        func date(_ key: String) throws(BaselineFileError) -> BaselineDate? {
            guard let text = try string(key) else { return nil }
            guard let d = BaselineDate(text) else { throw fail("\"\(key)\" must be a date YYYY-MM-DD, found \(JSONWriter.quote(text))", at.appending(key), false) }
            return d
        }
        func hexId(_ key: String) throws(BaselineFileError) -> String? {
            guard let text = try string(key) else { return nil }
            guard isFindingId(text) else {
                throw fail("\"\(key)\" must be 16 lowercase hex digits (as in results.json), found \(JSONWriter.quote(text))", at.appending(key), false)
            }
            return text
        }
        guard let id = try hexId("id") else { throw fail("missing \"id\": the finding id from results.json", at, false) }
        guard let reason = try string("reason") else {
            throw fail("missing \"reason\": every accepted failure says why it is accepted", at, false)
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw fail("\"reason\" is empty: say why the failure is accepted", at.appending("reason"), false)
        }
        let ticket = try string("ticket")
        if let ticket, !isTicketURL(ticket) {
            throw fail("\"ticket\" must be an http(s) URL, found \(JSONWriter.quote(ticket))", at.appending("ticket"), false)
        }
        return BaselineEntry(id: id, reason: reason, ticket: ticket, expires: try date("expires"), firstSeen: try date("firstSeen"),
                             lastSeen: try date("lastSeen"), check: try hexId("check"), suite: try string("suite"),
                             target: try string("target"), caseId: try string("case"), checkKind: try string("checkKind"),
                             title: try string("title"), pointer: try string("pointer"))
    }

    /// 16 lowercase hex digits, the shape of `FindingIdentity.hash`.
    public static func isFindingId(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// An absolute `http://` or `https://` URL with a host and no spaces.
    public static func isTicketURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else { return false }
        return text.count > scheme.count && !text.contains(where: { $0.isWhitespace })
    }
}
