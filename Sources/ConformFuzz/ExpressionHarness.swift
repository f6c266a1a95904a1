import ConformCore

/// `Expression.parse` on any text. A parsed expression goes through everything the loader and the runner do with
/// one: its body paths and references, its canonical text (a rule's identity), and an evaluation and a check
/// against a small body shaped like a model list. Error offsets must lie inside the text.
enum ExpressionHarness {
    /// A page the evaluations read: arrays, nesting, numbers, strings, null.
    static let body: JSONValue = {
        let text = """
            {"total_item_count": 3, "items": [{"id": "a", "n": 1, "tags": ["x"]}, {"id": "b", "n": 2.5, "tags": []},
             {"id": "c", "n": null, "tags": ["y", "z"], "created": "2024-05-01T12:00:00Z"}],
             "next": "/v1/models?page=2", "meta": {"limit": 20, "has_more": false}}
            """
        do { return try JSONParser.parse(text) } catch { preconditionFailure("the harness's own body does not parse: \(error)") }
    }()

    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        let source = String(decoding: bytes, as: UTF8.self)
        let expression: Expression
        do {
            expression = try Expression.parse(source)
        } catch {
            guard (0...source.utf8.count).contains(error.offset) else {
                throw FuzzFailure("error offset \(error.offset) outside 0...\(source.utf8.count)")
            }
            return
        }
        _ = expression.bodyPaths
        _ = expression.queryReferences
        _ = expression.exchangeReferences
        _ = expression.canonicalText
        let context = EvaluationContext(body: body, variables: ["page": JSONValue(2), "item": body["items"]?[0] ?? .null])
        _ = expression.evaluate(in: context)
        _ = expression.check(in: context)
    }
}
