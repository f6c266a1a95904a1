import ConformCore
import Foundation
import Testing
@testable import ConformSpec

/// `spec diff` on hand-made pairs and on the seeds: each rule shown firing, nothing on identical documents.
@Suite struct SpecDiffTests {
    static let old = SpecFixtures.path("pair/old.yaml"), new = SpecFixtures.path("pair/new.yaml")

    @Test func identicalDocumentsHaveNoChange() throws {
        #expect(try SpecFixtures.diff(Self.old, Self.old, components: true).isEmpty)
        #expect(try SpecFixtures.diff(Self.new, Self.new, components: true).isEmpty)
    }

    @Test(arguments: [
        ("api-path-removed-without-deprecation", SpecLevel.err, "GET /models/{id}", ""),
        ("request-parameter-max-decreased", .err, "GET /models", "query limit"),
        ("request-parameter-enum-value-removed", .err, "GET /models", "query vendor"),
        ("request-parameter-removed", .warn, "GET /models", "query legacy"),
        ("new-required-request-parameter", .err, "GET /models", "query region"),
        ("response-non-success-status-removed", .info, "GET /models", "422"),
        ("response-property-became-optional", .err, "GET /models", "200 total"),
        ("response-property-became-optional", .err, "GET /models", "200 items[*].created"),
        ("response-property-enum-value-added", .warn, "GET /models", "200 items[*].vendor"),
        ("response-property-type-changed", .err, "GET /models", "200 items[*].created"),
        ("response-property-became-nullable", .err, "GET /models", "200 items[*].size"),
        ("response-optional-property-removed", .warn, "GET /models", "200 items[*].owner"),
        ("response-property-additional-properties-tightened", .warn, "GET /models", "200 items[*].meta"),
    ])
    func ruleFires(rule: String, level: SpecLevel, operation: String, subject: String) throws {
        let changes = try SpecFixtures.diff(Self.old, Self.new)
        let hit = changes.first { $0.rule.id == rule && $0.operation == operation && $0.subject == subject }
        let found = try #require(hit, "no \(rule) on \(operation) \(subject); got \(changes.map { "\($0.rule.id) \($0.subject)" })")
        #expect(found.level == level)
        // Both locations are positioned in their own file, except for what exists on one side only.
        if rule != "api-path-removed-without-deprecation" {
            #expect(found.old?.path.hasSuffix("old.yaml") == true)
            #expect(found.new?.path.hasSuffix("new.yaml") == true)
        }
    }

    @Test func changesAreLocatedOnTheLinesThatChanged() throws {
        let changes = try SpecFixtures.diff(Self.old, Self.new)
        let enumAdded = try #require(changes.first { $0.rule == .propertyEnumValueAdded })
        #expect(enumAdded.message.contains("\"xai\""))
        #expect(enumAdded.old?.line == 41)
        #expect(enumAdded.new?.line == 31)
        let max = try #require(changes.first { $0.rule == .parameterMaxDecreased })
        #expect(max.old?.line == 9 && max.new?.line == 9)
    }

    @Test func theReverseDiffGradesDifferently() throws {
        let changes = try SpecFixtures.diff(Self.new, Self.old)
        #expect(changes.contains { $0.rule == .parameterMaxIncreased && $0.level == .info })
        #expect(changes.contains { $0.rule == .propertyEnumValueRemoved && $0.level == .info })
        #expect(changes.contains { $0.rule == .endpointAdded })
        #expect(!changes.contains { $0.rule == .propertyBecameOptional })
    }

    @Test func operationFilterKeepsOnlyThatOperation() throws {
        let changes = try SpecFixtures.diff(Self.old, Self.new, operations: ["GET /models/{model_id}"])
        #expect(changes.map(\.rule) == [.apiPathRemoved])
    }

    @Test func idsAreStableAndIgnoreFilesAcceptByID() throws {
        let changes = try SpecFixtures.diff(Self.old, Self.new)
        #expect(try SpecFixtures.diff(Self.old, Self.new).map(\.id) == changes.map(\.id))
        #expect(Set(changes.map(\.id)).count == changes.count)
        let target = try #require(changes.first { $0.rule == .propertyEnumValueAdded })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-ignore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ignore.json").path
        try Data(#"{"baselineVersion": 1, "entries": [{"id": "\#(target.id)", "reason": "vendors are an open set for us", "expires": "2099-01-01"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let ignore = try SpecIgnoreFile(path: path)
        #expect(ignore.entry(for: target, today: "2026-11-30")?.reason == "vendors are an open set for us")
        #expect(ignore.entry(for: target, today: "2100-01-01") == nil, "an expired entry accepts nothing")
        #expect(changes.filter { ignore.entry(for: $0, today: "2026-11-30") != nil }.count == 1)

        try Data(#"{"baselineVersion": 1, "entries": [{"id": "\#(target.id)", "reason": " "}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try SpecIgnoreFile(path: path); Issue.record("an entry without a reason was accepted") } catch {
            #expect(error.rendered.contains("ignore.json:1:"), "\(error.rendered)")
            #expect(error.message.contains("reason"))
        }
        try Data(#"{"baselineVersion": 1, "entries": [{"id": "\#(target.id)", "reson": "x"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        do { _ = try SpecIgnoreFile(path: path); Issue.record("a misspelt key was accepted") } catch {
            #expect(error.message.contains("did you mean \"reason\""))
        }
    }

    @Test(.enabled(if: SpecFixtures.hasShared, "needs ../shared (CONFORM_SHARED)"))
    func seedsV5ListAllowsTenVendorsWhereGetModelAllowsTwelve() throws {
        let changes = try SpecFixtures.diff(SpecFixtures.packageRoot + "/specs/scale-gp-v5-list-models.openapi.yaml",
                                            SpecFixtures.seeds + "/scale-gp-v5-get-model.openapi.txt", components: true)
        let vendors = changes.filter { $0.rule == .propertyEnumValueAdded && $0.subject.hasSuffix("model_vendor") }
        #expect(Set(vendors.map(\.message)) == ["the enum value \"xai\" was added", "the enum value \"fireworks_ai\" was added"])
        #expect(vendors.allSatisfy { $0.level == .warn && $0.new?.line == 134 })
        #expect(changes.contains { $0.rule == .propertyEnumValueAdded && $0.message.contains("deployment_timeout") })
    }
}
