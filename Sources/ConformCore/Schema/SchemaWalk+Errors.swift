/// Error construction: titles and typed details, built only when a keyword fails.
extension SchemaWalk {
    /// An error at the current instance location (or one member/item below it) for `keyword` of `node`.
    func error(_ node: SchemaNode, _ keyword: String?, _ title: String, _ detail: String,
               expected: String, actual: String, below child: PathToken? = nil) -> SchemaError {
        var instance = instancePointer
        switch child {
        case .key(let k)?: instance = instance.appending(k)
        case .index(let i)?: instance = instance.appending(i)
        case nil: break
        }
        return SchemaError(instancePointer: instance, keywordLocation: keyword.map { node.pointer.appending($0) } ?? node.pointer,
                           keyword: keyword ?? "false", title: title, detail: detail, expected: expected, actual: actual,
                           keywordDocumentURI: node.foreignDocumentURI)
    }

    /// `type` fails at the current value.
    func failType(_ node: SchemaNode, _ types: SchemaTypes, _ value: JSONValue) -> Bool {
        fail(node, "type", "type", "expected \(types.description), got \(value.typedDescription())",
             expected: types.description, actual: value.typedDescription())
    }

    /// `"openai", "cohere", …`: a list of values trimmed for one message line.
    static func list(_ values: [JSONValue], limit: Int = 100) -> String {
        var out = ""
        for (i, v) in values.enumerated() {
            let item = v.compactText(limit: 40)
            if out.count + item.count > limit && i > 0 { return out + ", …" }
            out += (i == 0 ? "" : ", ") + item
        }
        return out
    }

    static func quoted(_ names: [String], limit: Int = 100) -> String { list(names.map { JSONValue.string($0) }, limit: limit) }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
