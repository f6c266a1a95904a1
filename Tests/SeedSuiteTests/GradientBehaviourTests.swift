import ConformCore
import Testing

/// `digitalocean-gradient-list-models.json` passes a conforming Gradient API (also one leaving out optional
/// members) and fails each single broken rule, naming it.
struct GradientBehaviourTests {
    static func run(_ breakage: GradientAPI.Breakage?, sparse: Bool = false) async throws -> RunResult {
        try await SeedRun.run("digitalocean-gradient-list-models", env: "DIGITALOCEAN_ACCESS_TOKEN", basePath: "",
                              api: GradientAPI(breakage: breakage, sparse: sparse))
    }

    @Test("a conforming Gradient API passes every rule")
    func conforming() async throws {
        SeedRun.expectConforming(try await Self.run(nil))
    }

    @Test("a conforming Gradient API without the optional links and model members passes too")
    func conformingSparse() async throws {
        SeedRun.expectConforming(try await Self.run(nil, sparse: true))
    }

    static let invariants = "/operations/0/responses/200/invariants/"

    /// Each breakage and the failure it must produce.
    static let expected: [(GradientAPI.Breakage, ExpectedFailure)] = [
        (.totalAsString, ExpectedFailure(check: "schema.type", pointer: "/meta/total")),
        (.createdAtNotDateTime, ExpectedFailure(check: "schema.format", pointer: "/models/0/created_at")),
        (.versionMajorAsString, ExpectedFailure(check: "schema.type", pointer: "/models/0/version/major")),
        (.isFoundationalAsString, ExpectedFailure(check: "schema.type", pointer: "/models/0/is_foundational")),
        (.totalBelowItems, ExpectedFailure(check: "invariant", rule: invariants + "0")),
        (.perPageIgnored, ExpectedFailure(check: "invariant", caseID: "list.page-2", rule: invariants + "1")),
        (.metaPageAlwaysOne, ExpectedFailure(check: "invariant", caseID: "list.page-2", rule: invariants + "2")),
        (.pagesRoundedDown, ExpectedFailure(check: "invariant", rule: invariants + "3")),
        (.shortPage, ExpectedFailure(check: "invariant", rule: invariants + "4")),
        (.nextOnLastPage, ExpectedFailure(check: "invariant", rule: invariants + "5")),
        (.nextMissingBeforeLast, ExpectedFailure(check: "invariant", rule: invariants + "5")),
        (.previousOnFirstPage, ExpectedFailure(check: "invariant", rule: invariants + "6")),
        (.duplicateUUIDs, ExpectedFailure(check: "invariant", rule: invariants + "7")),
        (.overlappingPages, ExpectedFailure(check: "walk.noDuplicateIds", caseID: "walk")),
        (.unstableTotal, ExpectedFailure(check: "walk.stableTotal", caseID: "walk")),
        (.pastEndNotEmpty, ExpectedFailure(check: "walk.pastEndEmpty", caseID: "walk")),
        (.authNotChecked, ExpectedFailure(check: "status", caseID: "auth.missing")),
        (.rejectionCarriesData, ExpectedFailure(check: "invariant", caseID: "auth.wrong")),
    ]

    @Test("every breakage is listed once")
    func everyBreakageCovered() {
        #expect(Set(Self.expected.map(\.0)) == Set(GradientAPI.Breakage.allCases))
    }

    @Test("a Gradient API breaking one documented rule fails it", arguments: expected)
    func broken(breakage: GradientAPI.Breakage, expected: ExpectedFailure) async throws {
        SeedRun.expectFailure(try await Self.run(breakage), expected)
    }
}
