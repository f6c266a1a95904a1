import ConformCore
import Foundation

/// Reads one specification file — YAML, JSON, or a Markdown page holding either in a fence — into a value
/// with the location of every node. The one place that decides how a file is read.
public enum DocumentReader {
    /// How a file's bytes are read.
    public enum Syntax: String, Sendable { case json, yaml }

    /// Reads `path`: `.json` as JSON, `.yaml`/`.yml` as YAML, a page with a ```` ```yaml ```` / ```` ```json ````
    /// fence naming `openapi` as that block, anything else by its first character (`{`/`[`: JSON, else YAML).
    public static func read(path: String) throws(SpecError) -> SpecFile {
        let bytes = LocalFile.read(path)
        guard case .success(let data) = bytes else {
            throw SpecError("cannot read file: \(LocalFile.reason(bytes))", path: path)
        }
        return try read(source: SourceFile(path: path, bytes: [UInt8](data)))
    }

    /// Reads bytes already in memory (tests, fixtures).
    public static func read(source: SourceFile) throws(SpecError) -> SpecFile {
        let ext = (source.path as NSString).pathExtension.lowercased()
        var bytes = source.bytes
        var syntax: Syntax
        switch ext {
        case "json": syntax = .json
        case "yaml", "yml": syntax = .yaml
        default:
            if let block = MarkdownFence.openAPIBlock(in: source.bytes) {
                bytes = block.masked
                syntax = block.info.lowercased().hasPrefix("json") ? .json : .yaml
            } else {
                syntax = firstSignificant(source.bytes).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } == true ? .json : .yaml
            }
        }
        let (value, locations) = try parse(bytes, syntax: syntax, source: source)
        return SpecFile(path: source.path, source: source, value: value, locations: locations)
    }

    static func parse(_ bytes: [UInt8], syntax: Syntax, source: SourceFile) throws(SpecError) -> (JSONValue, JSONLocations) {
        switch syntax {
        case .json:
            do {
                return try JSONParser.parseWithLocations(bytes, options: .init(rejectDuplicateKeys: true, recordLocations: true))
            } catch {
                throw SpecError(error.message, in: source, at: error.offset)
            }
        case .yaml:
            return try YAMLReading.parse(bytes, source: source)
        }
    }

    private static func firstSignificant(_ bytes: [UInt8]) -> UInt8? {
        bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
    }
}
