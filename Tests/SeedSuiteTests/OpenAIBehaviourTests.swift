import ConformCore
import Testing

/// `openai-list-models.json` passes a conforming `/v1/models` and fails each single broken rule, naming it.
struct OpenAIBehaviourTests {
    static func run(_ breakage: OpenAIAPI.Breakage?) async throws -> RunResult {
        try await SeedRun.run("openai-list-models", env: "OPENAI_API_KEY", basePath: "/v1", api: OpenAIAPI(breakage: breakage))
    }

    @Test("a conforming /v1/models passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    static let invariants = "/operations/0/responses/200/invariants/"

    /// Each breakage and the failure it must produce.
    static let expected: [(OpenAIAPI.Breakage, ExpectedFailure)] = [
        (.listObjectWrong, ExpectedFailure(check: "schema.const", pointer: "/object")),
        (.modelObjectWrong, ExpectedFailure(check: "schema.const", pointer: "/data/0/object")),
        (.createdAsString, ExpectedFailure(check: "schema.type", pointer: "/data/0/created")),
        (.createdInMilliseconds, ExpectedFailure(check: "invariant", rule: invariants + "1")),
        (.missingOwnedBy, ExpectedFailure(check: "schema.required", pointer: "/data/0")),
        (.duplicateIds, ExpectedFailure(check: "invariant", rule: invariants + "0")),
        (.dataMissing, ExpectedFailure(check: "schema.required", caseID: "list.default")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.missing")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(OpenAIAPI.Breakage.allCases))
    }

    @Test("a /v1/models breaking one documented rule fails it", arguments: expected)
    func broken(breakage: OpenAIAPI.Breakage, expected: ExpectedFailure) async throws {
        SeedRun.expectFailure(try await Self.run(breakage), expected)
    }
}
