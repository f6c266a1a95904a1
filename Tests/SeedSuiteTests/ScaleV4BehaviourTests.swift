import ConformCore
import Testing

/// `scale-gp-v4-list-models.json` passes a conforming v4 API and fails each single broken rule, naming it.
struct ScaleV4BehaviourTests {
    static func run(_ breakage: ScaleV4API.Breakage?) async throws -> RunResult {
        try await SeedRun.run("scale-gp-v4-list-models", env: "SGP_API_KEY", basePath: "", api: ScaleV4API(breakage: breakage))
    }

    @Test("a conforming v4 API passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    static let invariants = "/operations/0/responses/200/invariants/"

    /// Each breakage and the failure it must produce.
    static let expected: [(ScaleV4API.Breakage, ExpectedFailure)] = [
        (.vendorNotInEnum, ExpectedFailure(check: "schema.enum", pointer: "/items/0/model_vendor")),
        (.missingAccountId, ExpectedFailure(check: "schema.required", pointer: "/items/0")),
        (.createdAtNotDateTime, ExpectedFailure(check: "schema.format", pointer: "/items/0/created_at")),
        (.deploymentCountAsString, ExpectedFailure(check: "schema.type", pointer: "/items/0/deployment_count")),
        (.identityTypeNotInEnum, ExpectedFailure(check: "schema.enum", pointer: "/items/0/created_by_identity_type")),
        (.totalBelowItems, ExpectedFailure(check: "invariant", rule: invariants + "0")),
        (.limitIgnored, ExpectedFailure(check: "invariant", rule: invariants + "1")),
        (.currentPageAlwaysOne, ExpectedFailure(check: "invariant", rule: invariants + "2")),
        (.itemsPerPageIsCount, ExpectedFailure(check: "invariant", rule: invariants + "3")),
        (.shortPage, ExpectedFailure(check: "invariant", caseID: "walk", rule: invariants + "4")),
        (.duplicateIdOnPage, ExpectedFailure(check: "invariant", rule: invariants + "5")),
        (.overlappingPages, ExpectedFailure(check: "walk.noDuplicateIds", caseID: "walk")),
        (.unstableTotal, ExpectedFailure(check: "walk.stableTotal", caseID: "walk")),
        (.pastEndNotEmpty, ExpectedFailure(check: "walk.pastEndEmpty", caseID: "walk")),
        (.acceptsLimitAboveMaximum, ExpectedFailure(check: "status", caseID: "list.limit.above-maximum")),
        (.rejectsLimitAtMaximum, ExpectedFailure(check: "status", caseID: "list.limit.maximum")),
        (.acceptsPageZero, ExpectedFailure(check: "status", caseID: "list.page.below-minimum")),
        (.acceptsUnknownSortBy, ExpectedFailure(check: "status", caseID: "list.sort_by.unknown-value")),
        (.acceptsNonIntegerLimit, ExpectedFailure(check: "status", caseID: "list.limit.not-integer")),
        (.validationErrorShapeWrong, ExpectedFailure(check: "schema.type", caseID: "list.limit.above-maximum", pointer: "/detail")),
        (.ignoresDeploymentsView, ExpectedFailure(check: "invariant", caseID: "list.view-deployments")),
        (.ignoresModelGroupView, ExpectedFailure(check: "invariant", caseID: "list.view-model-group")),
        (.sortNameWrongDirection, ExpectedFailure(check: "invariant", caseID: "list.sort-name-asc")),
        (.ignoresDeploymentCountSort, ExpectedFailure(check: "invariant", caseID: "list.sort-deployment-count-desc")),
        (.deploymentGPUNotInEnum, ExpectedFailure(check: "schema.enum", caseID: "list.view-deployments", pointer: "/gpu_type")),
        (.vendorConfigurationWithoutVendor, ExpectedFailure(check: "schema.discriminator", caseID: "list.view-deployments", pointer: "/vendor_configuration")),
        (.modelGroupMissingName, ExpectedFailure(check: "schema.required", caseID: "list.view-model-group", pointer: "/model_group")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.missing")),
        (.rejectionCarriesData, ExpectedFailure(check: "invariant", caseID: "auth.missing")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(ScaleV4API.Breakage.allCases))
    }

    @Test("a v4 API breaking one documented rule fails it", arguments: expected)
    func broken(breakage: ScaleV4API.Breakage, expected: ExpectedFailure) async throws {
        SeedRun.expectFailure(try await Self.run(breakage), expected)
    }
}
