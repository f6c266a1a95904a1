import ConformCore
import Testing

/// `scale-gp-v5-list-models.json` passes a conforming v5 list and fails each single broken rule, naming it.
struct ScaleV5ListBehaviourTests {
    static func run(_ breakage: ScaleV5ListAPI.Breakage?) async throws -> RunResult {
        try await SeedRun.run("scale-gp-v5-list-models", env: "SGP_API_KEY", basePath: "", api: ScaleV5ListAPI(breakage: breakage))
    }

    @Test("a conforming v5 list passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    static let invariants = "/operations/0/responses/200/invariants/"

    /// Each breakage and the failure it must produce.
    static let expected: [(ScaleV5ListAPI.Breakage, ExpectedFailure)] = [
        (.vendorOnlyInGetModelDocument, ExpectedFailure(check: "schema.enum", pointer: "/items/0/model_vendor")),
        (.statusOnlyInGetModelDocument, ExpectedFailure(check: "schema.enum", pointer: "/items/0/status")),
        (.objectNotList, ExpectedFailure(check: "schema.const", pointer: "/object")),
        (.missingHasMore, ExpectedFailure(check: "schema.required", caseID: "list.default")),
        (.hasMoreAlwaysFalse, ExpectedFailure(check: "invariant", rule: invariants + "4")),
        (.limitNotEchoed, ExpectedFailure(check: "invariant", rule: invariants + "3")),
        (.totalBelowItems, ExpectedFailure(check: "invariant", rule: invariants + "0")),
        (.limitIgnored, ExpectedFailure(check: "invariant", caseID: "list.limit.minimum", rule: invariants + "2")),
        (.vendorFilterIgnored, ExpectedFailure(check: "invariant", caseID: "list.filter-vendor")),
        (.acceptsLimitAboveMaximum, ExpectedFailure(check: "status", caseID: "list.limit.above-maximum")),
        (.rejectsLimitAtMaximum, ExpectedFailure(check: "status", caseID: "list.limit.maximum")),
        (.acceptsUnknownVendor, ExpectedFailure(check: "status", caseID: "list.model_vendor.unknown-value")),
        (.launchImageMissingCommand, ExpectedFailure(check: "schema.anyOf", pointer: "/items/0/vendor_configuration")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.missing")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(ScaleV5ListAPI.Breakage.allCases))
    }

    @Test("a v5 list breaking one documented rule fails it", arguments: expected)
    func broken(breakage: ScaleV5ListAPI.Breakage, expected: ExpectedFailure) async throws {
        SeedRun.expectFailure(try await Self.run(breakage), expected)
    }
}
