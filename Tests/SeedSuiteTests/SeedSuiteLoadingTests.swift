import ConformCore
import Foundation
import Testing

/// The shipped suites load strictly, and each plans the generated cases its document calls for.
struct SeedSuiteLoadingTests {
    /// Every suite in `suites/` by file name, so a missing or renamed suite fails here.
    static let names = [
        "digitalocean-gradient-list-models", "open-webui-list-models", "openai-list-models",
        "scale-gp-v4-list-models", "scale-gp-v5-get-model", "scale-gp-v5-list-models",
    ]

    @Test("the suites folder holds exactly the six seed suites, all valid")
    func folderLoads() {
        let collection = SuiteLoader.loadFolder(path: SeedSuites.folder)
        let problems = collection.failures.map(\.rendered).joined(separator: "\n")
        #expect(collection.failures.isEmpty, "\(problems)")
        #expect(collection.suites.map(\.id).sorted() == Self.names)
    }

    @Test("each suite's id is its file name", arguments: names)
    func idMatchesFileName(name: String) throws {
        let suite = try SeedSuites.load(name)
        #expect(suite.id == name)
    }

    /// Generated case ids per suite: the bounds and enums each document states, and the auth rejection.
    static let generated: [(String, [String])] = [
        ("scale-gp-v4-list-models", [
            "list.view.enum-first", "list.view.unknown-value", "list.sort_by.enum-first", "list.sort_by.unknown-value",
            "list.page.minimum", "list.page.below-minimum", "list.page.not-integer",
            "list.limit.minimum", "list.limit.below-minimum", "list.limit.maximum", "list.limit.above-maximum", "list.limit.not-integer",
            "auth.missing", "auth.wrong",
        ]),
        ("scale-gp-v5-get-model", ["auth.missing", "auth.wrong"]),
        ("digitalocean-gradient-list-models", ["list.usecases.enum-first", "auth.missing", "auth.wrong"]),
        ("open-webui-list-models", ["list.view_option.enum-first", "list.order_by.enum-first", "list.direction.enum-first", "auth.missing", "auth.wrong"]),
        ("openai-list-models", ["auth.missing", "auth.wrong"]),
    ]

    @Test("generated probes and auth cases", arguments: generated)
    func generatedCases(name: String, expected: [String]) throws {
        let suite = try SeedSuites.load(name)
        let ids = SuitePlan.generatedCases(for: suite).map(\.id)
        #expect(Set(ids) == Set(expected), "generated: \(ids)")
    }
}
