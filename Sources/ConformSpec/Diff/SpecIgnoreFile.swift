import ConformCore
import Foundation

/// Changes accepted on purpose, each with a reason — the shape of Conform's baseline file
/// (`reports/baseline.schema.json`): `{"baselineVersion": 1, "entries": [{"id", "reason", "ticket"?, "expires"?}]}`.
/// An entry may also say which `rule` and `operation` it is about, so a reader need not look the id up.
///
/// ```json
/// { "baselineVersion": 1, "entries": [
///   { "id": "3f2a9c0d1e4b5a6f", "rule": "response-property-enum-value-added", "operation": "GET /v5/models",
///     "reason": "our clients treat model_vendor as an open set", "expires": "2027-03-31" } ] }
/// ```
public struct SpecIgnoreFile: Sendable {
    public struct Entry: Sendable {
        public let id: String
        public let reason: String
        public let expires: String?
        public let location: SourceLocation
    }
    public let path: String
    public let entries: [Entry]

    static let entryKeys = ["id", "reason", "ticket", "expires", "rule", "operation", "subject", "message"]

    /// Reads and checks the file: every problem is a positioned error.
    public init(path: String) throws(SpecError) {
        let read = LocalFile.read(path)
        guard case .success(let data) = read else { throw SpecError("cannot read ignore file: \(LocalFile.reason(read))", path: path) }
        let source = SourceFile(path: path, bytes: [UInt8](data))
        let value: JSONValue, locations: JSONLocations
        do {
            (value, locations) = try JSONParser.parseWithLocations(source.bytes, options: .init(rejectDuplicateKeys: true, recordLocations: true))
        } catch { throw SpecError(error.message, in: source, at: error.offset) }
        let file = SpecFile(path: path, source: source, value: value, locations: locations)
        func fail(_ message: String, _ pointer: JSONPointer) -> SpecError { SpecError(message, in: file, at: pointer) }
        guard let top = value.objectValue else { throw fail("an ignore file is an object {\"baselineVersion\": 1, \"entries\": [...]}", .root) }
        for key in top.keys where !["$schema", "baselineVersion", "entries"].contains(key) {
            let hint = NearestName.find(key, in: ["baselineVersion", "entries"]).map { "; did you mean \"\($0)\"?" } ?? ""
            throw fail("unknown key \"\(key)\"\(hint)", JSONPointer.root.appending(key))
        }
        guard value["baselineVersion"] == 1 else { throw fail("\"baselineVersion\" must be 1", JSONPointer.root.appending("baselineVersion")) }
        guard let list = value["entries"]?.arrayValue else { throw fail("\"entries\" must be an array", JSONPointer.root.appending("entries")) }
        var entries: [Entry] = []
        for (k, e) in list.enumerated() {
            let at = JSONPointer.root.appending("entries").appending(k)
            guard let obj = e.objectValue else { throw fail("an entry is an object", at) }
            for key in obj.keys where !Self.entryKeys.contains(key) {
                let hint = NearestName.find(key, in: Self.entryKeys).map { "; did you mean \"\($0)\"?" } ?? ""
                throw fail("unknown key \"\(key)\"\(hint)", at.appending(key))
            }
            guard let id = e["id"]?.stringValue, id.count == 16, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw fail("\"id\" must be the change's 16 lowercase hex digits (shown by spec diff --json)", at.appending("id"))
            }
            guard let reason = e["reason"]?.stringValue, reason.contains(where: { !$0.isWhitespace }) else {
                throw fail("every entry needs a non-empty \"reason\"", at.appending("reason"))
            }
            let expires = e["expires"]?.stringValue
            if let x = expires, x.count != 10 || x.split(separator: "-").count != 3 {
                throw fail("\"expires\" must be a date YYYY-MM-DD", at.appending("expires"))
            }
            entries.append(Entry(id: id, reason: reason, expires: expires, location: file.location(of: at)))
        }
        self.path = path
        self.entries = entries
    }

    /// The entry accepting `change` today (UTC `yyyy-MM-dd`), if any; an expired entry accepts nothing.
    public func entry(for change: SpecChange, today: String) -> Entry? {
        entries.first { $0.id == change.id && ($0.expires.map { $0 >= today } ?? true) }
    }
}
