import Foundation
import Testing
@testable import ConformCore

/// Verdict explanations and pointers, body paths, and the guards against pathological input.
@Suite struct ExpressionExplanationTests {
    func verdict(_ source: String, _ body: String, request: JSONValue = [:]) throws -> InvariantVerdict {
        try ConformCore.Expression.parse(source).check(in: EvaluationContext(body: try JSONParser.parse(body), request: request))
    }

    @Test func comparisonNamesBothSides() throws {
        let v = try verdict("total_item_count >= len(items)", #"{"total_item_count":3,"items":[1,2,3,4,5]}"#)
        #expect(!v.holds)
        #expect(v.explanation == "3 >= 5 is false (total_item_count = integer 3, len(items) = integer 5)")
        #expect(v.pointer == JSONPointer("/total_item_count"))
    }

    @Test func holdingComparisonExplainsToo() throws {
        let v = try verdict("total_item_count >= len(items)", #"{"total_item_count":5,"items":[1]}"#)
        #expect(v.holds)
        #expect(v.explanation == "5 >= 1 is true (total_item_count = integer 5, len(items) = integer 1)")
        #expect(v.pointer == nil)
    }

    @Test func allNamesFirstFailingElementAndItsPointer() throws {
        let body = #"{"items":[{"model_vendor":"openai"},{"model_vendor":"openai"},{"model_vendor":"openai"},{"model_vendor":"cohere"}]}"#
        let v = try verdict("all(items[*].model_vendor, v => v == request.query.model_vendor)", body,
                            request: ["query": ["model_vendor": "openai"]])
        #expect(!v.holds)
        #expect(v.pointer == JSONPointer("/items/3/model_vendor"))
        #expect(v.explanation.contains("element 3 of items[*].model_vendor (string \"cohere\")"))
        #expect(v.explanation.contains("\"cohere\" == \"openai\" is false"))
    }

    @Test func uniqueNamesTheDuplicateAndBothPositions() throws {
        let v = try verdict("unique(items[*].id)", #"{"items":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"b"}]}"#)
        #expect(!v.holds)
        #expect(v.explanation == #"items[*].id has a duplicate: string "b" at positions 1 and 3"#)
        #expect(v.pointer == JSONPointer("/items/3/id"))
    }

    @Test func sortedNamesFirstPositionOutOfOrder() throws {
        let v = try verdict(#"sorted(items[*].name, "asc") == items[*].name"#,
                            #"{"items":[{"name":"a"},{"name":"c"},{"name":"b"}]}"#)
        #expect(!v.holds)
        #expect(v.explanation == #"items[*].name is not in asc order: element 2 (string "b") should come before element 1 (string "c")"#)
        #expect(v.pointer == JSONPointer("/items/2/name"))
    }

    @Test func arrayEqualityNamesFirstDifference() throws {
        let v = try verdict(#"items[*].id == ["a", "b"]"#, #"{"items":[{"id":"a"},{"id":"c"}]}"#)
        #expect(v.explanation == #"["a","c"] == ["a","b"] is false (items[*].id = array of 2 items ["a","c"]); they differ first at position 1"#)
        #expect(v.pointer == JSONPointer("/items/1/id"))
    }

    @Test func missingValueFailsComparisonWithItsPath() throws {
        let v = try verdict("meta.pages == ceil(meta.total / 20)", #"{"meta":{"pages":1}}"#)
        #expect(!v.holds)
        #expect(v.explanation == "meta.total is missing")
        #expect(v.pointer == JSONPointer("/meta"))
    }

    @Test func nonBooleanDoesNotHold() throws {
        let v = try verdict("len(items)", #"{"items":[1]}"#)
        #expect(!v.holds)
        #expect(v.explanation == "len(items) gives integer 1, not a boolean")
    }

    @Test func andExplainsTheFalseSide() throws {
        let v = try verdict("len(items) > 0 && total >= 10", #"{"items":[1],"total":3}"#)
        #expect(v.explanation == "3 >= 10 is false (total = integer 3)")
        #expect(v.pointer == JSONPointer("/total"))
    }

    @Test func explanationValuesAreTrimmed() throws {
        let long = String(repeating: "x", count: 500)
        let v = try verdict("name == \"y\"", #"{"name":"\#(long)"}"#)
        #expect(!v.holds)
        #expect(v.explanation.count < 250)
    }

    @Test func bodyPathsSkipRequestVariablesAndLambdaParams() throws {
        let e = try ConformCore.Expression.parse(
            #"total_item_count >= len(items) && all(items[*].model_vendor, v => v == request.query.model_vendor) && unique(items[*].id) && page > 0 && all(items, m => m.status != "") && body["weird key"] == 1"#)
        #expect(e.bodyPaths == [["total_item_count"], ["items"], ["items", "*", "model_vendor"], ["items", "*", "id"],
                                ["items", "*", "status"], ["weird key"]])
        #expect(try ConformCore.Expression.parse("items[0].id == items[-1].id").bodyPaths == [["items", "*", "id"]])
        #expect(try ConformCore.Expression.parse("response.status == 200").bodyPaths.isEmpty)
    }

    @Test func parseErrorOffsetsAreBytesAndColumnsAreCharacters() {
        #expect(throws: ExpressionParseError(message: "unexpected character 'é'", offset: 8, column: 8)) {
            try ConformCore.Expression.parse(#""é" == é"#)
        }
        #expect(throws: ExpressionParseError(message: "empty expression", offset: 0, column: 1)) { try ConformCore.Expression.parse("   ") }
    }

    @Test func pathologicalInputIsRejectedNotCrashed() {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: ExpressionParseError.self) { try ConformCore.Expression.parse(deep) }
        let deepNot = String(repeating: "!", count: 5000) + "true"
        #expect(throws: ExpressionParseError.self) { try ConformCore.Expression.parse(deepNot) }
        let long = Array(repeating: "a", count: 3000).joined(separator: " + ")
        do {
            _ = try ConformCore.Expression.parse(long)
            Issue.record("a 12 KB expression parsed")
        } catch {
            #expect(error.message == "expression longer than 4096 bytes")
        }
        let chain = Array(repeating: "1", count: 1000).joined(separator: "+")
        #expect(throws: ExpressionParseError.self) { try ConformCore.Expression.parse(chain) }
    }

    @Test func tenThousandItemsEvaluateQuickly() throws {
        var items: [JSONValue] = []
        for i in 0..<10_000 { items.append(["id": .string("m-\(i)"), "name": .string(String(format: "n%05d", i)), "vendor": "openai"]) }
        let body: JSONValue = ["items": .array(items), "total": 10_000]
        let context = EvaluationContext(body: body, request: ["query": ["vendor": "openai"]])
        let clock = ContinuousClock()
        let expressions = try ["unique(items[*].id)", #"sorted(items[*].name, "asc") == items[*].name"#,
                           "all(items[*].vendor, v => v == request.query.vendor)", "total >= len(items)",
                           "count(items, v => v.vendor == \"openai\") == 10000"].map { try ConformCore.Expression.parse($0) }
        let elapsed = clock.measure {
            for e in expressions { #expect(e.check(in: context).holds, "\(e.source)") }
        }
        #expect(elapsed < .seconds(10))
    }
}
