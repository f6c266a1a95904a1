import ConformCore
import Testing
@testable import ConformReport

@Suite struct FailureAggregationTests {
    private func finding(_ pointer: String?, check: String = "schema.format") -> Finding {
        Finding(check: check, title: "date-time format", detail: "d", pointer: pointer, actual: "string \"x\"")
    }

    @Test func foldsIndicesIntoOneGroupInFirstSeenOrder() {
        let findings = [finding("/items/3/created_at"), finding("/items/0/id", check: "schema.type"), finding("/items/9/created_at")]
        let groups = FailureAggregation.groups(findings)
        #expect(groups.map(\.wildcardPointer) == ["/items/*/created_at", "/items/*/id"])
        #expect(groups.map(\.count) == [2, 1])
        #expect(groups[0].extent == "in 2 items")
        #expect(groups[1].extent == "in 1 item")
        #expect(groups[0].first.pointer == "/items/3/created_at")
    }

    @Test func knowsTheArrayLengthWhenTheBodyIsComplete() throws {
        let body = try JSONParser.parse("{\"items\":[1,2,3,4]}")
        let groups = FailureAggregation.groups([finding("/items/1/created_at"), finding("/items/2/created_at")], body: body)
        #expect(groups[0].extent == "in 2 of 4 items")
    }

    @Test func ignoresATruncatedBody() {
        let response = RecordedResponse(status: 200, headers: [], bodySize: 100, bodyExcerpt: "{\"items\":[1,2]}")
        #expect(FailureAggregation.completeBody(of: response) == nil)
    }

    @Test(arguments: [
        ([nil, nil], "2 times"),
        (["/a/1/b/2", "/a/0/b/1"], "at 2 places"),
        (["/status"], ""),
        (["/x", "/x"], "2 times"),
    ] as [([String?], String)])
    func extentWords(pointers: [String?], expected: String) {
        let groups = FailureAggregation.groups(pointers.map { finding($0) })
        #expect(groups.count == 1)
        #expect(groups.first?.extent == expected)
    }

    @Test func twoMissingMembersAtOnePointerAreTwoGroups() {
        let missing = { (member: String, i: Int) in
            Finding(check: "schema.required", title: "required property", detail: "missing required property \"\(member)\"",
                    pointer: "/models/\(i)", rulePointer: "/definitions/Model/required", argument: member)
        }
        let groups = FailureAggregation.groups([missing("digest", 0), missing("size", 0), missing("digest", 1)])
        #expect(groups.count == 2)
        #expect(groups.map(\.count) == [2, 1])
    }
}
