import Foundation
import ConformCore

/// Copies schemas out of an OpenAPI document into a suite's `definitions`, keyword by keyword:
/// every `$ref` becomes `#/definitions/NAME` (the referenced schema is collected too, from whichever file it
/// is in), OpenAPI 3.0 is normalised to 2020-12 (`nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`,
/// `example`), descriptions cite `SPEC:line`, and keys that are not schema keywords (`can_patch`) are dropped
/// and listed, since a strict suite refuses them.
final class SchemaCollector {
    let documents: SpecDocuments
    let isVersion30: Bool
    /// Definition name by the identity of the node it copies.
    private var names: [String: String] = [:]
    private var taken: Set<String> = []
    /// Definitions in the order first referenced.
    private(set) var definitions: [(name: String, value: JSONValue)] = []
    private var pending: [(name: String, node: SpecNode)] = []
    /// `can_patch (spec.yaml:296)`: keys dropped because they are not schema keywords.
    private(set) var dropped: [String] = []
    /// Format names outside the standard ones: declared as the suite's annotations.
    private(set) var customFormats: [String] = []

    init(documents: SpecDocuments, isVersion30: Bool) {
        self.documents = documents
        self.isVersion30 = isVersion30
    }

    /// `spec.yaml:204` for a node.
    func cite(_ node: SpecNode) -> String {
        let l = documents.location(of: node)
        return "\(l.path):\(l.line)"
    }

    /// The definition name for a referenced node (registered and queued the first time).
    func definitionName(for target: SpecNode) -> String {
        if let n = names[target.identity] { return n }
        var base = target.pointer.last ?? ((documents.file(target.file).path as NSString).lastPathComponent as NSString).deletingPathExtension
        base = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." ? $0 : "_" })
        if base.isEmpty { base = "Schema" }
        var name = base
        var k = 2
        while taken.contains(name) { name = "\(base)\(k)"; k += 1 }
        taken.insert(name)
        names[target.identity] = name
        pending.append((name, target))
        return name
    }

    /// Copies every queued definition (and what those reference in turn).
    func drain() throws(SpecError) {
        while !pending.isEmpty {
            let (name, node) = pending.removeFirst()
            var value = try convert(node)
            if case .object(var o) = value {
                let place = "\(cite(node)): \(node.pointer.tokens.isEmpty ? name : node.pointer.tokens.joined(separator: "."))"
                o["description"] = .string(place + (Self.summary(node.value["description"]?.stringValue).map { " — " + $0 } ?? ""))
                value = .object(o)
            }
            definitions.append((name, value))
        }
    }

    /// A first line of prose, trimmed to 160 characters: a citation, not a copy of the document.
    static func summary(_ text: String?) -> String? {
        guard let text else { return nil }
        let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty && !$0.hasPrefix("#") } ?? ""
        guard !line.isEmpty else { return nil }
        return line.count > 160 ? String(line.prefix(157)) + "…" : line
    }

    /// The suite form of the schema at `node`.
    func convert(_ node: SpecNode) throws(SpecError) -> JSONValue {
        guard let object = node.value.objectValue else { return node.value }
        var out: [(String, JSONValue)] = []
        if let ref = object["$ref"]?.stringValue {
            let target = try documents.resolve(try documents.target(of: ref, from: node))
            out.append(("$ref", .string("#/definitions/" + definitionName(for: target))))
        }
        for (key, child) in node.members where key != "$ref" {
            switch SchemaKeyword.all[key] {
            case .schema?:
                out.append((key, try convert(child)))
            case .schemaList?:
                var list: [JSONValue] = []
                for c in child.elements { list.append(try convert(c)) }
                out.append((key, .array(list)))
            case .schemaMap?:
                // Some documents (DigitalOcean's) put a JSON Reference where the whole map goes: `properties: {$ref: …}`.
                let mapNode = child.value["$ref"] != nil ? try documents.resolve(child) : child
                var map: [(String, JSONValue)] = []
                for (name, c) in mapNode.members { map.append((name, try convert(c))) }
                out.append((key, .object(JSONObject(map))))
            case .other?:
                switch key {
                case "description":
                    out.append((key, .string(cite(child) + (Self.summary(child.value.stringValue).map { " — " + $0 } ?? ""))))
                case "discriminator":
                    out.append((key, try discriminator(child)))
                case "format":
                    if let f = child.value.stringValue, !FormatChecker.standardNames.contains(f), !customFormats.contains(f) { customFormats.append(f) }
                    out.append((key, child.value))
                default:
                    out.append((key, child.value))
                }
            case nil:
                if SchemaKeyword.isExtension(key) { out.append((key, child.value)) } else { dropped.append("\(key) (\(cite(child)))") }
            }
        }
        return normalised(JSONObject(out))
    }

    /// OpenAPI 3.0 → 2020-12: `nullable: true` adds `null` to `type` (or `enum`, or wraps a `$ref` in
    /// `anyOf`), a boolean `exclusiveMinimum` moves `minimum` into it, `example` becomes `examples`.
    func normalised(_ input: JSONObject) -> JSONValue {
        var o = input
        if let n = o["nullable"] {
            o["nullable"] = JSONValue?.none
            if n == true {
                if case .string(let t)? = o["type"] { o["type"] = .array([.string(t), "null"]) }
                else if case .array(var ts)? = o["type"] { if !ts.contains("null") { ts.append("null") }; o["type"] = .array(ts) }
                if case .array(var e)? = o["enum"], !e.contains(.null) { e.append(.null); o["enum"] = .array(e) }
                if o["type"] == nil, let ref = o["$ref"] {
                    o["$ref"] = JSONValue?.none
                    var pairs: [(String, JSONValue)] = [("anyOf", .array([.object(JSONObject([("$ref", ref)])), .object(JSONObject([("type", "null")]))]))]
                    pairs += o.map { ($0.key, $0.value) }
                    o = JSONObject(pairs)
                }
            }
        }
        for (flag, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            guard case .bool(let b)? = o[flag] else { continue }
            o[flag] = JSONValue?.none
            if b, let v = o[bound] { o[flag] = v; o[bound] = JSONValue?.none }
        }
        if let e = o["example"] {
            o["example"] = JSONValue?.none
            if o["examples"] == nil { o["examples"] = .array([e]) }
        }
        return .object(o)
    }

    /// `mapping` values become `#/definitions/NAME` (also the `{$ref: …}` objects some generators write).
    private func discriminator(_ node: SpecNode) throws(SpecError) -> JSONValue {
        guard var o = node.value.objectValue else { return node.value }
        guard let mapping = node.member("mapping") else { return node.value }
        var out: [(String, JSONValue)] = []
        for (key, value) in mapping.members {
            let ref = value.value["$ref"]?.stringValue ?? value.value.stringValue ?? ""
            let text = ref.contains("#") || ref.contains("/") || ref.hasSuffix(".yml") || ref.hasSuffix(".yaml") || ref.hasSuffix(".json")
                ? ref : "#/components/schemas/" + ref
            let target = try documents.resolve(try documents.target(of: text, from: value.value["$ref"] != nil ? value : mapping))
            out.append((key, .string("#/definitions/" + definitionName(for: target))))
        }
        o["mapping"] = .object(JSONObject(out))
        return .object(o)
    }
}
