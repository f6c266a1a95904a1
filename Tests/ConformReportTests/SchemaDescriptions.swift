import ConformCore
import Foundation

/// The published schemas document every property: where one lacks a `description`.
enum SchemaDescriptions {
    /// JSON Pointers of the properties (at any depth) of the schema file at `path` that have no `description`.
    static func undescribed(inSchemaAt path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw SchemaFileMissing(path: path) }
        var missing: [String] = []
        func walk(_ value: JSONValue, _ at: JSONPointer) {
            switch value {
            case .object(let o):
                if let props = o["properties"]?.objectValue {
                    for (key, schema) in props where schema["description"] == nil { missing.append(at.appending(key).description) }
                }
                for (key, child) in o { walk(child, at.appending(key)) }
            case .array(let items):
                for (i, child) in items.enumerated() { walk(child, at.appending(i)) }
            default: break
            }
        }
        walk(try JSONParser.parse(Array(data)), .root)
        return missing
    }

    struct SchemaFileMissing: Error { let path: String }
}
