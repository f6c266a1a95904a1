import ConformCore
import Foundation
import Testing
@testable import ConformRun

/// §1 of the nightly issue: the same problem keeps its id across runs and suite edits that do not touch its
/// rule; distinct problems get distinct ids. Each test runs a pair of purpose-built runs and compares ids.
@Suite struct FindingIdentityTests {
    /// A suite in the loader's format; `extraInvariant` is inserted above the existing one, `reversed`
    /// writes definitions, cases and invariants in the opposite order.
    static func suiteText(extraInvariant: String? = nil, reversed: Bool = false, invariant: String = "total >= len(models)",
                          lambda: String = "m") -> String {
        var invariants = [#""\#(invariant)""#, #""all(models, \#(lambda) => \#(lambda).size >= 0)""#]
        if let extra = extraInvariant { invariants.insert(#""\#(extra)""#, at: 0) }
        if reversed { invariants.reverse() }
        var definitions = [
            #""Model": { "type": "object", "required": ["id", "digest", "size"], "properties": { "id": { "type": "string" }, "size": { "type": "integer" } } }"#,
            ##""List": { "type": "object", "required": ["models", "total"], "properties": { "total": { "type": "integer" }, "models": { "type": "array", "items": { "$ref": "#/definitions/Model" } } } }"##,
        ]
        var cases = [
            #"{ "id": "first", "name": "first page", "operation": "list", "query": { "page": 1 }, "expect": { "status": 200 } }"#,
            #"{ "id": "second", "name": "second page", "operation": "list", "query": { "page": 2 }, "expect": { "status": 200 } }"#,
        ]
        if reversed { definitions.reverse(); cases.reverse() }
        return """
        {
          "suite": "ids", "title": "Ids", "source": "test", "baseUrl": "http://127.0.0.1:1",
          "definitions": { \(definitions.joined(separator: ",\n")) },
          "operations": [
            { "id": "list", "method": "GET", "path": "/models",
              "parameters": { "page": { "in": "query", "schema": { "type": "integer", "minimum": 1 }, "probe": false } },
              "responses": { "200": { "schema": { "$ref": "#/definitions/List" }, "invariants": [\(invariants.joined(separator: ", "))] } } }
          ],
          "cases": [\(cases.joined(separator: ",\n"))]
        }
        """
    }

    static func run(_ text: String, body: String, target: String? = nil, secondBody: String? = nil) async throws -> RunResult {
        let suite = try SuiteLoader.load(source: SourceFile(path: "ids.json", text: text))
        let transport = InMemoryTransport { request in
            let page2 = request.url.contains("page=2")
            let b = page2 ? (secondBody ?? body) : body
            return .success(HTTPResponse(status: 200, headers: [Header("Content-Type", "application/json")], body: Array(b.utf8), url: request.url))
        }
        var options = RunOptions(timeout: 5, retryPolicy: RetryPolicy(retries: 0, sleep: { _ in }))
        options.targetName = target
        return await Runner(transport: transport, options: options, environment: [:]).run([suite])
    }

    /// Every failing finding: id → (case, check, title), in run order.
    static func failures(_ run: RunResult) -> [(id: String, caseId: String, finding: Finding)] {
        run.suites.flatMap { s in s.cases.flatMap { c in c.checks.flatMap { k in k.findings.map { (id: $0.id ?? "", caseId: c.id, finding: $0) } } } }
    }

    static func ids(_ run: RunResult, case caseId: String? = nil, check: String) -> Set<String> {
        Set(failures(run).filter { ($0.caseId == caseId || caseId == nil) && $0.finding.check == check }.map(\.id))
    }

    static let noDigest = #"{"models": [{"id": "a", "size": 1}, {"id": "b", "digest": "x", "size": 2}], "total": 1}"#
    static let noSize = #"{"models": [{"id": "a", "digest": "x", "size": 1}, {"id": "b", "digest": "y"}], "total": 1}"#

    @Test func everyCheckAndFindingHasAnId() async throws {
        let r = try await Self.run(Self.suiteText(), body: Self.noDigest)
        let checks = r.suites.flatMap { $0.cases.flatMap(\.checks) }
        #expect(!checks.isEmpty && checks.allSatisfy { ($0.id ?? "").count == 16 })
        #expect(!Self.failures(r).isEmpty && Self.failures(r).allSatisfy { $0.id.count == 16 })
        #expect(r.suites[0].target == "127.0.0.1:1")
        #expect(r.suites[0].suiteHash.count == 64)
    }

    @Test func missingDigestAndMissingSizeAreDistinctProblems() async throws {
        let night1 = try await Self.run(Self.suiteText(), body: Self.noDigest)
        let night2 = try await Self.run(Self.suiteText(), body: Self.noSize)
        let digest = Self.ids(night1, case: "first", check: "schema.required")
        let size = Self.ids(night2, case: "first", check: "schema.required")
        #expect(digest.count == 1 && size.count == 1)
        #expect(digest.isDisjoint(with: size), "a diff must say one new and one fixed, not still failing")
    }

    @Test func valuesAndItemPositionsDoNotChangeTheId() async throws {
        let a = try await Self.run(Self.suiteText(), body: Self.noDigest)
        // The same problem on another item, with other values and another total.
        let moved = #"{"models": [{"id": "z", "digest": "q", "size": 7}, {"id": "y", "digest": "r", "size": 8}, {"id": "x", "size": 9}], "total": 2}"#
        let b = try await Self.run(Self.suiteText(), body: moved)
        #expect(Self.ids(a, check: "schema.required") == Self.ids(b, check: "schema.required"))
        #expect(Self.ids(a, check: "invariant") == Self.ids(b, check: "invariant"))
    }

    @Test func reorderingTheSuiteFileDoesNotChangeAnyId() async throws {
        let a = try await Self.run(Self.suiteText(), body: Self.noDigest)
        let b = try await Self.run(Self.suiteText(reversed: true), body: Self.noDigest)
        #expect(Set(Self.failures(a).map(\.id)) == Set(Self.failures(b).map(\.id)))
        let checkIds = { (r: RunResult) in Set(r.suites.flatMap { $0.cases.flatMap { $0.checks.compactMap(\.id) } }) }
        #expect(checkIds(a) == checkIds(b))
        #expect(a.suites[0].suiteHash != b.suites[0].suiteHash, "the suite text did change")
    }

    @Test func insertingAnUnrelatedInvariantAboveKeepsTheFailingOnesId() async throws {
        let a = try await Self.run(Self.suiteText(), body: Self.noDigest)
        let b = try await Self.run(Self.suiteText(extraInvariant: "len(models) >= 0"), body: Self.noDigest)
        let before = Self.ids(a, check: "invariant")
        #expect(before.count == 2, "total >= len(models) fails in both cases")
        #expect(before == Self.ids(b, check: "invariant"))
    }

    @Test func reformattingAnExpressionOrRenamingItsLambdaKeepsTheId() async throws {
        let failing = #"{"models": [{"id": "a", "digest": "x", "size": -1}], "total": 0}"#
        let a = try await Self.run(Self.suiteText(), body: failing)
        let b = try await Self.run(Self.suiteText(invariant: "total>=len( models )", lambda: "model"), body: failing)
        #expect(!Self.ids(a, check: "invariant").isEmpty)
        #expect(Self.ids(a, check: "invariant") == Self.ids(b, check: "invariant"))
    }

    @Test func changingTheRuleChangesTheId() async throws {
        let failing = #"{"models": [{"id": "a", "digest": "x", "size": 1}], "total": 0}"#
        let a = try await Self.run(Self.suiteText(), body: failing)
        let b = try await Self.run(Self.suiteText(invariant: "total > len(models)"), body: failing)
        #expect(!Self.ids(a, check: "invariant").isEmpty && !Self.ids(b, check: "invariant").isEmpty)
        #expect(Self.ids(a, check: "invariant").isDisjoint(with: Self.ids(b, check: "invariant")))
    }

    @Test func theSameRuleFailingInTwoCasesGivesTwoIds() async throws {
        let r = try await Self.run(Self.suiteText(), body: Self.noDigest)
        let first = Self.ids(r, case: "first", check: "schema.required")
        let second = Self.ids(r, case: "second", check: "schema.required")
        #expect(first.count == 1 && second.count == 1 && first != second)
    }

    @Test func theSameSuiteAgainstTwoTargetsGivesTwoIds() async throws {
        let litellm = try await Self.run(Self.suiteText(), body: Self.noDigest, target: "litellm")
        let webui = try await Self.run(Self.suiteText(), body: Self.noDigest, target: "open-webui")
        #expect(litellm.suites[0].target == "litellm")
        #expect(Self.ids(litellm, check: "schema.required").isDisjoint(with: Self.ids(webui, check: "schema.required")))
        let shared = { (r: RunResult) in Set(Self.failures(r).filter { $0.finding.check == "schema.required" }.compactMap(\.finding.sharedId)) }
        #expect(!shared(litellm).isEmpty && shared(litellm) == shared(webui), "the same problem on two targets lines up by sharedId")
        let again = try await Self.run(Self.suiteText(), body: Self.noSize, target: "litellm")
        #expect(Self.ids(again, case: "first", check: "schema.required") != Self.ids(litellm, case: "first", check: "schema.required"))
    }

    @Test func timingsAndPortsDoNotEnterTheIdWhenTheTargetIsNamed() async throws {
        let a = try await Self.run(Self.suiteText(), body: Self.noDigest, target: "nightly")
        let b = try await Self.run(Self.suiteText().replacingOccurrences(of: "127.0.0.1:1", with: "127.0.0.1:2"), body: Self.noDigest, target: "nightly")
        #expect(Set(Self.failures(a).map(\.id)) == Set(Self.failures(b).map(\.id)))
    }

    @Test func canonicalTextNormalisesSpellingNotMeaning() throws {
        let a = try Expression.parse("all(items, m => m.id != \"\") && total>=len( items )").canonicalText
        let b = try Expression.parse("(all(items, x => x.id != \"\")) && (total >= len(items))").canonicalText
        let c = try Expression.parse("all(items, x => x.id != \"\") || total >= len(items)").canonicalText
        #expect(a == b)
        #expect(a != c)
        #expect(a == #"(all(items, $1 => ($1.id != "")) && (total >= len(items)))"#)
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
