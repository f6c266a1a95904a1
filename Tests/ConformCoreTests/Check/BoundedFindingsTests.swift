import Testing
@testable import ConformCore

/// Findings under a `FindingLimit`: the first instances of every problem kept in full and in document order,
/// every other instance counted exactly, and the validator building no error past the limit.
@Suite struct BoundedFindingsTests {
    static let schemaText = """
    {"definitions": {"List": {"type": "object", "properties": {"data": {"type": "array", "items": {
      "type": "object", "required": ["id"],
      "properties": {"object": {"const": "model"}, "created": {"type": "integer"}}}}}}}}
    """
    static let listPointer = JSONPointer(tokens: ["definitions", "List"])

    /// `{"data": [...]}` with `n` items, each breaking two rules (`object` const, `created` type).
    static func page(_ n: Int) -> JSONValue {
        .object(JSONObject([("data", .array((0..<n).map { i in
            .object(JSONObject([("id", .string("m\(i)")), ("object", .string("Model")), ("created", .string("\(i)"))]))
        }))]))
    }

    func validator() throws -> SchemaValidator {
        SchemaValidator(document: try JSONParser.parse(Self.schemaText), uri: "file:///suite.json")
    }

    @Test func theValidatorKeepsTheFirstInstancesInDocumentOrderAndCountsTheRest() throws {
        let errors = try validator().validate(Self.page(5_000), schemaAt: Self.listPointer, limit: .standard)
        #expect(errors.kept.count == 40)
        #expect(errors.kept.prefix(4).map(\.instancePointer.description) == ["/data/0/object", "/data/0/created", "/data/1/object", "/data/1/created"])
        #expect(errors.kept.last?.instancePointer.description == "/data/19/created")
        #expect(errors.omitted.map(\.problem.pointer.description) == ["/data/*/object", "/data/*/created"])
        #expect(errors.omitted.map(\.problem.keyword) == ["const", "type"])
        #expect(errors.omitted.map(\.count) == [4_980, 4_980])
        #expect(errors.unlisted == 0)
        #expect(errors.total == 10_000)
        // Unlimited, the same validation lists every instance.
        #expect(try validator().validate(Self.page(5_000), schemaAt: Self.listPointer).count == 10_000)
    }

    @Test func theWalksErrorCollectionHoldsOnlyWhatTheLimitKeeps() throws {
        let v = try validator()
        let root = v.node(at: Self.listPointer)
        var walk = SchemaWalk(validator: v, dynamicScope: false, limit: FindingLimit(perProblem: 3, perCheck: 1, problems: 1))
        var none: SchemaWalk.Evaluated? = nil
        #expect(!walk.check(root, Self.page(1_000), &none))
        // Three instances of the first problem would be allowed, but the check keeps one beyond the first;
        // the second problem is past the one problem told apart: only counted.
        #expect(walk.sink.errors.map(\.instancePointer.description) == ["/data/0/object", "/data/1/object"])
        #expect(walk.sink.tally.total == 2_000)
        #expect(walk.sink.tally.omitted.map(\.count) == [998])
        #expect(walk.sink.tally.unlisted == 1_000)
    }

    @Test func alternativesMergeTheClosestBranchsCountsExactly() throws {
        let schema = #"{"anyOf": [{"type": "array", "items": {"type": "integer"}}, {"type": "null"}]}"#
        let v = SchemaValidator(document: try JSONParser.parse(schema), uri: "file:///s.json")
        let instance = JSONValue.array((0..<500).map { .string("\($0)") })
        let errors = v.validate(instance, schemaAt: .root, limit: .standard)
        #expect(errors.kept.first?.keyword == "anyOf")
        #expect(errors.kept.first?.detail.contains("(500 errors follow)") == true)
        #expect(errors.kept.count == 21)
        #expect(errors.omitted.map(\.count) == [480])
        #expect(errors.total == 501)
    }

    @Test func theSchemaCheckReportsCountsAndKeepsIdsStable() throws {
        let document = try JSONParser.parse(Self.schemaText)
        let v = SchemaValidator(document: document, uri: "file:///suite.json")
        let r = SchemaCheck.evaluate(Self.page(3_000), schemaAt: Self.listPointer, validator: v, file: nil)
        #expect(r.status == .failed)
        #expect(r.findings.count == 40)
        #expect(r.findingCount == 6_000)
        #expect(r.omitted.map(\.check) == ["schema.const", "schema.type"])
        #expect(r.omitted.map(\.pointer) == ["/data/*/object", "/data/*/created"])
        #expect(r.omitted.map(\.rulePointer) == ["/definitions/List/properties/data/items/properties/object/const",
                                                 "/definitions/List/properties/data/items/properties/created/type"])
        #expect(r.omitted.map(\.count) == [2_980, 2_980])
        // The counted instances carry the id of their problem's listed findings; the two problems stay apart.
        let suite = try SuiteLoader.load(source: SourceFile(path: "suite.json", text: Self.suiteText))
        var cases = [CaseResult(id: "list.default", operation: "list", name: "lists", checks: [r])]
        FindingIdentity(suite: suite, target: "t").assign(&cases)
        let check = cases[0].checks[0]
        let ids = Set(check.findings.compactMap(\.id))
        #expect(ids.count == 2)
        #expect(check.omitted.allSatisfy { $0.id != nil && ids.contains($0.id!) })
        #expect(check.omitted[0].id != check.omitted[1].id)
        #expect(check.omitted[0].id == check.findings.first { $0.check == "schema.const" }?.id)
    }

    @Test func tallyKeepsEveryProblemsFirstInstanceThenCapsTheCheck() {
        var tally = FindingTally<String>(limit: FindingLimit(perProblem: 3, perCheck: 2, problems: 3))
        let order = ["a", "a", "a", "a", "b", "b", "c", "d", "d"]
        let kept = order.map { tally.admit($0) }
        // a: first + two more (the check's two); a's fourth and b's second are counted; c is kept (a first);
        // d is the fourth problem: unlisted.
        #expect(kept == [true, true, true, false, true, false, true, false, false])
        #expect(tally.omitted.map(\.problem) == ["a", "b"])
        #expect(tally.omitted.map(\.count) == [1, 1])
        #expect(tally.unlisted == 2)
        #expect(tally.total == 9)
    }

    @Test func checkResultsFromAnyCheckAreBoundedAndMergeExactly() {
        let findings = (0..<100).map { i in
            Finding(check: "walk.noDuplicateIds", title: "duplicate id", detail: "d\(i)", pointer: "/items/\(i)/id", rulePointer: "/walks/0")
        }
        let r = CheckResult.from(name: "no duplicate ids", check: "walk.noDuplicateIds", findings: findings)
        #expect(r.status == .failed)
        #expect(r.findings.map(\.detail) == (0..<20).map { "d\($0)" })
        #expect(r.omitted.map(\.count) == [80])
        #expect(r.omitted.first?.pointer == "/items/*/id")
        // Two pages' results put together: listed findings over the limit join the counts, counts add up.
        var merged = r
        merged.findings += r.findings
        merged.omitted += r.omitted
        let again = merged.rebounded()
        #expect(again.findings.count == 20)
        #expect(again.findingCount == 200)
        #expect(again.omitted.map(\.count) == [180])
    }

    /// A collector builds a finding only when it keeps it, and its result is `CheckResult.from` of them all.
    @Test func aCollectorBuildsOnlyWhatItKeeps() {
        let findings = (0..<10_000).map { i in
            Finding(kind: i % 1000 == 999 ? .error : .failure, check: "walk.noDuplicateIds", title: "t", detail: "d\(i)",
                    pointer: i % 2 == 0 ? "/items/\(i)/id" : "/data/\(i)/id", rulePointer: "/walks/0")
        }
        var collector = FindingCollector()
        var built = 0
        for f in findings {
            collector.add(kind: f.kind, key: f.problemKey) { built += 1; return f }
        }
        let r = collector.result(name: "n", check: "walk.noDuplicateIds")
        let expected = CheckResult.from(name: "n", check: "walk.noDuplicateIds", findings: findings)
        #expect(built == r.findings.count)
        #expect(built <= FindingLimit.standard.perCheck + 3, "at most the limit's worth built")
        #expect(r.findingCount == 10_000)
        #expect(r.status == .failed)
        #expect(r.findings.map(\.detail) == expected.findings.map(\.detail))
        #expect(r.omitted == expected.omitted)
        #expect(r.unlisted == expected.unlisted)
        #expect(FindingCollector().result(name: "n", check: "c").status == .passed)
    }

    static let suiteText = """
    {"suite": "bounded", "title": "t", "source": "s", "baseUrl": "http://127.0.0.1:1",
     "operations": [{"id": "list", "method": "GET", "path": "/m", "responses": {"200": {"schema": {"type": "object"}}}}],
     "cases": [{"id": "list.default", "name": "lists", "operation": "list", "expect": {"status": 200}}]}
    """
}
