import ConformCore
import ConformMock
import ConformSelftest
import Testing

/// How a drifted run's result is judged: caught by the expected kind (preferring its rule), caught only by
/// other kinds, or survived — errors never count as catching.
@Suite struct DriftVerdictTests {
    static let drift = Drift(name: "enum:Vendor", breaks: "Vendor holds a value outside its enum", expectedCheck: "schema.enum",
                             rulePointer: JSONPointer("/definitions/Vendor/enum"), suite: "s", effect: .authNotEnforced)

    static func result(_ checks: [(String, CheckResult)]) -> SuiteResult {
        SuiteResult(suite: "s", title: "S", file: "s.json", baseURL: "http://127.0.0.1:1",
                    cases: checks.map { CaseResult(id: $0.0, operation: "list", name: $0.0, checks: [$0.1]) })
    }

    static func failed(_ kind: String, rule: String? = nil) -> CheckResult {
        .from(name: kind, check: kind, findings: [Finding(kind: .failure, check: kind, title: kind, detail: kind, rulePointer: rule)])
    }

    @Test func caughtPrefersTheFindingOnTheDriftsRule() {
        let v = DriftVerdict(drift: Self.drift, result: Self.result([
            ("a", Self.failed("schema.enum", rule: "/definitions/Other/enum")),
            ("b", Self.failed("schema.enum", rule: "/definitions/Vendor/enum")),
        ]))
        #expect(v.outcome == .caught)
        #expect(v.evidence?.caseName == "b")
        #expect(v.evidence?.ruleMatches == true)
    }

    @Test func aRuleThatIsARefMatchesFindingsAtItsTarget() throws {
        let document = try JSONParser.parse(##"{"operations": [{"parameters": {"v": {"schema": {"$ref": "#/definitions/Vendor"}}}}], "definitions": {"Vendor": {"enum": ["a"]}}}"##)
        let drift = Drift(name: "enum-param-accepted:list.v", breaks: "", expectedCheck: "status",
                          rulePointer: JSONPointer("/operations/0/parameters/v/schema"), suite: "s", effect: .authNotEnforced)
        let result = Self.result([("a", Self.failed("status", rule: "/definitions/Vendor/enum"))])
        #expect(DriftVerdict(drift: drift, result: result, document: document).evidence?.ruleMatches == true)
        #expect(DriftVerdict(drift: drift, result: result).evidence?.ruleMatches == false)
    }

    @Test func aFailureTheConformingRunAlsoHadDoesNotCatch() {
        let broken = Self.result([("a", Self.failed("schema.enum", rule: "/definitions/Vendor/enum"))])
        #expect(DriftVerdict(drift: Self.drift, result: broken, baseline: broken).outcome == .survived)
        let clean = Self.result([("a", CheckResult(name: "ok", check: "schema", status: .passed))])
        #expect(DriftVerdict(drift: Self.drift, result: broken, baseline: clean).outcome == .caught)
    }

    @Test func otherKindsOnlyIsCaughtByOther() {
        let v = DriftVerdict(drift: Self.drift, result: Self.result([("a", Self.failed("invariant")), ("b", Self.failed("status"))]))
        #expect(v.outcome == .caughtByOther)
        #expect(v.failedKinds == ["invariant", "status"])
    }

    @Test func errorsAndPassesLetTheDriftSurvive() {
        let error = CheckResult.from(name: "t", check: "transport", findings: [Finding(kind: .error, check: "transport", title: "t", detail: "refused")])
        let v = DriftVerdict(drift: Self.drift, result: Self.result([("a", error), ("b", CheckResult(name: "ok", check: "status", status: .passed))]))
        #expect(v.outcome == .survived)
        #expect(v.errors == 1)
        #expect(SelftestCounts([v]).summary == "1 drift: 0 caught, 1 survived")
    }

    @Test(arguments: [("schema.enum", "schema.enum", true), ("schema.enum", "schema", true), ("schema", "schema.enum", false),
                      ("walk.noDuplicateIds", "walk.noDuplicateIds", true), ("status", "content-type", false)])
    func kindMatching(actual: String, expected: String, matches: Bool) {
        #expect(DriftVerdict.kind(actual, satisfies: expected) == matches)
    }
}
