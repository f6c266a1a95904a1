import ConformCore
import Foundation

/// Every file of one specification, read once each, and `$ref` resolution across them
/// (`../../shared/responses/unauthorized.yml`, `./definitions.yml#/apiModelPublic`, `#/components/schemas/X`).
public final class SpecDocuments {
    /// Files by standardised path.
    public private(set) var files: [String: SpecFile] = [:]
    /// The first file read (the document's root).
    public let rootKey: String

    /// Reads the root file.
    public init(rootPath: String) throws(SpecError) {
        let file = try DocumentReader.read(path: rootPath)
        rootKey = Self.key(rootPath)
        files[rootKey] = file
    }

    /// Wraps a file already read (a suite, a fixture).
    public init(root file: SpecFile) {
        rootKey = Self.key(file.path)
        files[rootKey] = file
    }

    public var root: SpecNode { SpecNode(file: rootKey, pointer: .root, value: files[rootKey]!.value) }

    public func file(_ key: String) -> SpecFile { files[key]! }

    /// `file:line` (as the user sees the path) of a node.
    public func location(of node: SpecNode) -> SourceLocation { file(node.file).location(of: node.pointer) }

    /// An error positioned at a node.
    public func error(_ message: String, at node: SpecNode) -> SpecError { SpecError(message, in: file(node.file), at: node.pointer) }

    /// The node a `$ref` (relative to the file holding `node`) points at.
    public func target(of ref: String, from node: SpecNode) throws(SpecError) -> SpecNode {
        let hash = ref.firstIndex(of: "#")
        let filePart = hash.map { String(ref[..<$0]) } ?? ref
        let fragment = hash.map { String(ref[ref.index(after: $0)...]) } ?? ""
        var fileKey = node.file
        if !filePart.isEmpty {
            if filePart.hasPrefix("http://") || filePart.hasPrefix("https://") {
                throw error("$ref \"\(ref)\" is remote; conform never fetches documents (save it next to the spec and use a relative path)", at: node.member("$ref") ?? node)
            }
            let base = (files[node.file]!.path as NSString).deletingLastPathComponent
            let path = filePart.hasPrefix("/") ? filePart : (base.isEmpty ? filePart : base + "/" + filePart)
            fileKey = Self.key(path)
            if files[fileKey] == nil {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw error("$ref \"\(ref)\": file \(path) does not exist", at: node.member("$ref") ?? node)
                }
                files[fileKey] = try DocumentReader.read(path: Self.collapsed(path))
            }
        }
        let decoded = fragment.removingPercentEncoding ?? fragment
        guard let pointer = JSONPointer(decoded) else {
            throw error("$ref \"\(ref)\": \"#\(fragment)\" is not a JSON Pointer", at: node.member("$ref") ?? node)
        }
        guard let value = pointer.resolve(in: files[fileKey]!.value) else {
            throw error("$ref \"\(ref)\" does not resolve: nothing at \(pointer) in \(files[fileKey]!.path)", at: node.member("$ref") ?? node)
        }
        return SpecNode(file: fileKey, pointer: pointer, value: value)
    }

    /// Follows `$ref`s until a node that is not a reference (at most 64 hops: a cycle is an error).
    public func resolve(_ node: SpecNode) throws(SpecError) -> SpecNode {
        var current = node
        var hops = 0
        while let ref = current.value["$ref"]?.stringValue {
            hops += 1
            if hops > 64 { throw error("$ref chain longer than 64 hops (a cycle?)", at: node) }
            current = try target(of: ref, from: current)
        }
        return current
    }

    /// `a/b/../c` → `a/c`, keeping leading `..` (paths in messages read as the user would write them).
    static func collapsed(_ path: String) -> String {
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = out.last, last != "..", !last.isEmpty { out.removeLast(); continue }
            out.append(part)
        }
        return out.joined(separator: "/")
    }

    static func key(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }
}
