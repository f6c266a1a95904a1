import ConformCore
import Testing

/// `open-webui-list-models.json` passes a conforming Open WebUI and fails each single broken rule, naming it.
struct OpenWebUIBehaviourTests {
    static func run(_ breakage: OpenWebUIAPI.Breakage?) async throws -> RunResult {
        try await SeedRun.run("open-webui-list-models", env: "OPEN_WEBUI_API_KEY", basePath: "/api", api: OpenWebUIAPI(breakage: breakage))
    }

    @Test("a conforming Open WebUI passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    static let invariants = "/operations/0/responses/200/invariants/"

    /// Each breakage and the failure it must produce.
    static let expected: [(OpenWebUIAPI.Breakage, ExpectedFailure)] = [
        (.createdAtString, ExpectedFailure(check: "schema.type", pointer: "/items/0/created_at")),
        (.createdAtMilliseconds, ExpectedFailure(check: "invariant", rule: invariants + "5")),
        (.missingUser, ExpectedFailure(check: "schema.required", pointer: "/items/0")),
        (.emailInvalid, ExpectedFailure(check: "schema.format", pointer: "/items/0/user/email")),
        (.isActiveString, ExpectedFailure(check: "schema.type", pointer: "/items/0/is_active")),
        (.baseModelIdNumber, ExpectedFailure(check: "schema.type", pointer: "/items/0/base_model_id")),
        (.missingMetaDescription, ExpectedFailure(check: "schema.required", pointer: "/items/0/meta")),
        (.userIdMismatch, ExpectedFailure(check: "invariant", rule: invariants + "4")),
        (.totalBelowItems, ExpectedFailure(check: "invariant", rule: invariants + "0")),
        (.pageOf31, ExpectedFailure(check: "invariant", rule: invariants + "1")),
        (.shortPage, ExpectedFailure(check: "invariant", rule: invariants + "2")),
        (.duplicateIds, ExpectedFailure(check: "invariant", rule: invariants + "3")),
        (.overlappingPages, ExpectedFailure(check: "walk.noDuplicateIds", caseID: "walk")),
        (.unstableTotal, ExpectedFailure(check: "walk.stableTotal", caseID: "walk")),
        (.pastEndNotEmpty, ExpectedFailure(check: "walk.pastEndEmpty", caseID: "walk")),
        (.ignoresDirection, ExpectedFailure(check: "invariant", caseID: "list.order-created-asc")),
        (.defaultDirectionAscending, ExpectedFailure(check: "invariant", caseID: "list.order-created-default-direction")),
        (.ignoresNameOrder, ExpectedFailure(check: "invariant", caseID: "list.order-name-asc")),
        (.ignoresUpdatedOrder, ExpectedFailure(check: "invariant", caseID: "list.order-updated-desc")),
        (.ignoresQuery, ExpectedFailure(check: "invariant", caseID: "list.query")),
        (.ignoresViewCreated, ExpectedFailure(check: "invariant", caseID: "list.view-created")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.wrong")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(OpenWebUIAPI.Breakage.allCases))
    }

    @Test("an Open WebUI breaking one documented rule fails it", arguments: expected)
    func broken(breakage: OpenWebUIAPI.Breakage, expected: ExpectedFailure) async throws {
        SeedRun.expectFailure(try await Self.run(breakage), expected)
    }
}
