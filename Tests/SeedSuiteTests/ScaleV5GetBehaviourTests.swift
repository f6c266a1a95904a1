import ConformCore
import Testing

/// `scale-gp-v5-get-model.json` passes a conforming v5 API and fails each single broken rule, naming it.
struct ScaleV5GetBehaviourTests {
    static func run(_ breakage: ScaleV5GetAPI.Breakage?) async throws -> RunResult {
        try await SeedRun.run("scale-gp-v5-get-model", env: "SGP_API_KEY", basePath: "", api: ScaleV5GetAPI(breakage: breakage))
    }

    @Test("a conforming v5 API (all 12 vendors, all 4 statuses of the get-model document) passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    /// Each breakage and the failure it must produce.
    static let expected: [(ScaleV5GetAPI.Breakage, ExpectedFailure)] = [
        (.fetchedVendorDiffers, ExpectedFailure(check: "cross.agree", caseID: "get-each")),
        (.fetchedNameDiffers, ExpectedFailure(check: "cross.agree", caseID: "get-each")),
        (.fetchNotFound, ExpectedFailure(check: "cross.fetch", caseID: "get-each")),
        (.statusNotInEnum, ExpectedFailure(check: "schema.enum", caseID: "get-each", pointer: "/status")),
        (.missingIdentityType, ExpectedFailure(check: "schema.required", caseID: "get-each")),
        (.objectNotModel, ExpectedFailure(check: "schema.const", caseID: "get-each", pointer: "/object")),
        (.launchImageMissingTag, ExpectedFailure(check: "schema.anyOf", caseID: "get-each", pointer: "/vendor_configuration")),
        (.engineConfigMissingModel, ExpectedFailure(check: "schema.anyOf", caseID: "get-each", pointer: "/vendor_configuration")),
        (.createdAtNotDateTime, ExpectedFailure(check: "schema.format", caseID: "get-each", pointer: "/created_at")),
        (.availabilityNotInEnum, ExpectedFailure(check: "schema.enum", caseID: "get-each", pointer: "/model_availability")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.missing")),
        (.rejectionCarriesModel, ExpectedFailure(check: "invariant", caseID: "auth.wrong")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(ScaleV5GetAPI.Breakage.allCases))
    }

    @Test("a v5 API breaking one documented rule fails it", arguments: expected)
    func broken(breakage: ScaleV5GetAPI.Breakage, expected: ExpectedFailure) async throws {
        let result = try await Self.run(breakage)
        guard Self.fetchSchemaGap.contains(breakage) else { return SeedRun.expectFailure(result, expected) }
        withKnownIssue("the runner's cross-check does not yet validate a fetched object against the fetch operation's success schema (suites/README.md, Cross-checks: 'schema-checked')") {
            SeedRun.expectFailure(result, expected)
        }
    }

    /// Breakages only a schema check of the fetched object can see; the agreement check compares five members.
    static let fetchSchemaGap: Set<ScaleV5GetAPI.Breakage> = [
        .statusNotInEnum, .missingIdentityType, .objectNotModel, .launchImageMissingTag, .engineConfigMissingModel, .createdAtNotDateTime, .availabilityNotInEnum,
    ]
}
