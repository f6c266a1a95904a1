import ConformCore
import Testing
@testable import ConformReport

/// `RunDiff` on purpose-built pairs of runs: each change class, alignment across targets, and a Markdown
/// that stays under its ceiling however large the runs.
@Suite struct RunDiffTests {
    /// A finding whose ids derive from its case, rule and argument (as the runner's would: no values, no positions).
    static func finding(_ caseId: String, _ member: String, target: String = "t", at index: Int = 0) -> Finding {
        let shared = FindingIdentity.hash([caseId, "schema.required", member])
        return Finding(check: "schema.required", title: "required property", detail: "missing required property \"\(member)\"",
                       pointer: "/models/\(index)", rulePointer: "/definitions/Model/required", expected: "property \"\(member)\"",
                       actual: "missing", argument: member, id: FindingIdentity.hash([target, shared]), sharedId: shared)
    }

    static func check(_ caseId: String, _ kind: String = "schema", status: CheckResult.Status, findings: [Finding] = [],
                      target: String = "t") -> CheckResult {
        let shared = FindingIdentity.hash([caseId, kind])
        return CheckResult(name: kind == "schema" ? "body matches schema" : kind, check: kind, status: status, findings: findings,
                           id: FindingIdentity.hash([target, shared]), sharedId: shared)
    }

    static func run(_ cases: [CaseResult], target: String = "t", hash: String = "h1", suite: String = "s") -> RunResult {
        RunResult(version: "test", startedAt: "2026-11-30T00:00:00Z", durationSeconds: 1, suites: [
            SuiteResult(suite: suite, title: "S", file: "s.json", baseURL: "http://x", target: target, suiteHash: hash, cases: cases),
        ])
    }

    static func listCase(_ id: String = "list", missing: [String] = [], target: String = "t", extraCheck: Bool = false) -> CaseResult {
        let findings = missing.map { finding(id, $0, target: target) }
        var checks = [check(id, "status", status: .passed, target: target),
                      check(id, status: findings.isEmpty ? .passed : .failed, findings: findings, target: target)]
        if extraCheck { checks.append(check(id, "invariant", status: .passed, target: target)) }
        return CaseResult(id: id, operation: "list", name: "GET /models", curl: "curl 'http://x/models'", checks: checks)
    }

    static func unreachable(_ id: String = "list") -> CaseResult {
        CaseResult(id: id, operation: "list", name: "GET /models", checks: [
            CheckResult.from(name: "request completes", check: "transport", findings: [
                Finding(kind: .error, check: "transport", title: "connection refused", detail: "connection refused by 127.0.0.1:1"),
            ]),
        ])
    }

    @Test func digestFixedAndSizeNewAreOneNewAndOneFixed() {
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([Self.listCase(missing: ["size"])]))
        #expect(diff.count(.new) == 1 && diff.count(.fixed) == 1 && diff.count(.stillFailing) == 0)
        #expect(diff.entries(.new).first?.finding?.argument == "size")
        #expect(diff.entries(.fixed).first?.finding?.argument == "digest")
    }

    /// Instances a check counted past its limit are instances of the problem too: 2 listed + 298 counted are 300.
    @Test func instancesCountWhatTheCheckCountedPastItsLimit() {
        var after = Self.listCase(missing: ["digest"])
        let listed = [Self.finding("list", "digest", at: 7), Self.finding("list", "digest", at: 9)]
        after.checks[1].findings = listed
        after.checks[1].omitted = [OmittedFindings(of: listed[0], count: 298)]
        after.checks[1].omitted[0].id = listed[0].id
        after.checks[1].omitted[0].sharedId = listed[0].sharedId
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([after]))
        #expect(diff.entries(.stillFailing).first?.instances == 300)
    }

    @Test func theSameProblemIsStillFailingWhateverItsPosition() {
        var after = Self.listCase(missing: ["digest"])
        after.checks[1].findings = [Self.finding("list", "digest", at: 7), Self.finding("list", "digest", at: 9)]
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([after]))
        #expect(diff.count(.stillFailing) == 1 && diff.count(.new) == 0 && diff.count(.fixed) == 0)
        #expect(diff.entries(.stillFailing).first?.instances == 2)
        #expect(!diff.hasChanges)
    }

    @Test func checksAddedAndRemovedWhenTheSuiteChanges() {
        let diff = RunDiff(before: Self.run([Self.listCase(extraCheck: true)], hash: "a"),
                           after: Self.run([Self.listCase(), Self.listCase("second", missing: ["id"])], hash: "b"))
        #expect(diff.count(.checkRemoved) == 1)
        #expect(diff.count(.checkAdded) == 2)
        #expect(diff.count(.new) == 1, "a failing check the suite gained is a new failure")
        #expect(diff.pairings.first?.suiteChanged == true)
    }

    @Test func anUnreachableTargetIsBecameAnErrorNotFixedOrRemoved() {
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([Self.unreachable()]))
        #expect(diff.count(.becameError) == 1, "one entry for the case, not one per check")
        #expect(diff.entries(.becameError).first?.instances == 2)
        #expect(diff.entries(.becameError).first?.checkName.hasPrefix("2 checks (") == true)
        #expect(diff.count(.fixed) == 0 && diff.count(.checkRemoved) == 0 && diff.count(.checkAdded) == 0)
        #expect(diff.entries(.becameError).first?.errorDetail?.contains("connection refused") == true)
        let back = RunDiff(before: Self.run([Self.unreachable()]), after: Self.run([Self.listCase(missing: ["digest"])]))
        #expect(back.count(.recovered) == 1 && back.entries(.recovered).first?.instances == 2 && back.count(.new) == 1 && back.count(.checkAdded) == 0 && back.count(.checkRemoved) == 0)
    }

    @Test func aSkippedCheckIsNeverFixed() {
        var after = Self.listCase()
        after.checks[1] = Self.check("list", status: .skipped)
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([after]))
        #expect(diff.count(.fixed) == 0 && diff.count(.new) == 0)
    }

    @Test func differentTargetsAlignBySharedIdAndSaySo() {
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"], target: "litellm")], target: "litellm"),
                           after: Self.run([Self.listCase(missing: ["digest", "size"], target: "webui")], target: "webui"))
        #expect(diff.count(.stillFailing) == 1 && diff.count(.new) == 1)
        #expect(diff.pairings.first?.targetDiffers == true)
        let markdown = DiffMarkdown.render(diff, beforeName: "a.json", afterName: "b.json")
        #expect(markdown.contains("aligned by target-free ids"))
    }

    @Test func aSuiteOnlyOneRunHasIsSaid() {
        let diff = RunDiff(before: Self.run([Self.listCase()]), after: Self.run([Self.listCase()], suite: "other"))
        #expect(diff.pairings.count == 2 && diff.pairings.allSatisfy { !$0.isPaired })
        #expect(DiffMarkdown.render(diff, beforeName: "a", afterName: "b").contains("is only in the before run"))
    }

    @Test func markdownStaysUnderItsCeilingForHugeRuns() {
        let members = (0..<5000).map { "member_\($0)" }
        let diff = RunDiff(before: Self.run([Self.listCase(missing: Array(members.prefix(2500)))]),
                           after: Self.run([Self.listCase(missing: Array(members.suffix(2500)))]))
        #expect(diff.count(.new) == 2500 && diff.count(.fixed) == 2500)
        let markdown = DiffMarkdown.render(diff, beforeName: "a.json", afterName: "b.json")
        #expect(markdown.count < 60_000)
        #expect(markdown.contains("more not shown here (") && markdown.contains(" new, 2500 fixed): see the JSON"))
        #expect(markdown.hasPrefix("**✘ 2500 new failures**"))
    }

    @Test func serverTextCannotInjectMarkup() {
        var after = Self.listCase(missing: ["x"])
        after.checks[1].findings[0].detail = "<script>alert(1)</script> | ### heading"
        let markdown = DiffMarkdown.render(RunDiff(before: Self.run([Self.listCase()]), after: Self.run([after])), beforeName: "a", afterName: "b")
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
    }

    @Test func jsonCarriesCountsPairingsAndEntries() throws {
        let diff = RunDiff(before: Self.run([Self.listCase(missing: ["digest"])]), after: Self.run([Self.listCase(missing: ["size"])]))
        let text = DiffJSON.render(diff, before: .init(path: "a.json", startedAt: "x"), after: .init(path: "b.json", startedAt: "y"),
                                   failOn: "new", exitCode: 1)
        let value = try JSONParser.parse(text)
        #expect(value["counts"]?["new"] == 1)
        #expect(value["counts"]?["fixed"] == 1)
        #expect(value["entries"]?.arrayValue?.count == 2)
        #expect(value["entries"]?[0]?["finding"]?["argument"] == "size")
        #expect(value["pairings"]?[0]?["suiteChanged"] == false)
    }
}
