import Testing
@testable import ConformCore

/// Each response check fails on a response that breaks it and passes on one that does not.
@Suite struct ResponseCheckTests {
    @Test func statusPassesOnExpectedAndFailsOtherwise() {
        #expect(StatusCheck.evaluate(expected: [200], actual: 200, rule: CheckFixture.rule).status == .passed)
        let failed = StatusCheck.evaluate(expected: [401, 403], actual: 500, rule: CheckFixture.rule)
        #expect(failed.status == .failed)
        #expect(failed.name == "status is one of 401, 403")
        #expect(failed.findings.first?.actual == "integer 500")
        #expect(failed.findings.first?.ruleLocation == "suite.json:3:5")
    }

    @Test func statusCallsOutAnAcceptedRejection() {
        let r = StatusCheck.evaluate(expected: [422], actual: 200, rule: CheckFixture.rule)
        #expect(r.status == .failed)
        #expect(r.name == "status is 422")
        #expect(r.findings.first?.title == "request that must be rejected was accepted")
    }

    @Test(arguments: [
        ("application/json; charset=utf-8", true), ("Application/JSON", true), ("application/problem+json", true),
        ("text/html", false), ("text/plain; charset=utf-8", false),
    ])
    func contentType(header: String, passes: Bool) {
        let r = ContentTypeCheck.evaluate(expected: "application/json", response: CheckFixture.response(contentType: header), rule: CheckFixture.rule)
        #expect((r.status == .passed) == passes)
        #expect(r.name == "content-type is application/json")
    }

    @Test func contentTypeMissingFails() {
        let r = ContentTypeCheck.evaluate(expected: "application/json", response: CheckFixture.response(contentType: nil), rule: CheckFixture.rule)
        #expect(r.status == .failed)
    }

    @Test func jsonBodyPassesAndReturnsTheValue() {
        let (r, v) = JSONBodyCheck.evaluate(CheckFixture.response(200, #"{"a":1}"#), rule: CheckFixture.rule)
        #expect(r.status == .passed)
        #expect(v?["a"] == JSONValue(1))
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>Sign in</body></html>", false, "HTML instead of JSON"),
        (#"{"items": [1, 2"#, false, "body is not valid JSON"),
        (#"{"items": [1, 2]}"#, true, "truncated body"),
        ("", false, "empty body"),
        ("{\"a\": \"bell\u{07}\"}", false, "body is not valid JSON"),
    ])
    func jsonBodyFailures(body: String, truncated: Bool, title: String) {
        let (r, v) = JSONBodyCheck.evaluate(CheckFixture.response(200, body, truncated: truncated), rule: CheckFixture.rule)
        #expect(r.status == .failed)
        #expect(v == nil)
        #expect(r.findings.first?.title == title)
        #expect(r.findings.first?.check == "json")
    }

    @Test func jsonBodyWithInvalidUTF8FailsAndQuotesTheStartSafely() {
        var bytes = Array(#"{"name": ""#.utf8)
        bytes += [0xFF, 0xFE, 0x00]
        bytes += Array(#""}"#.utf8)
        let (r, _) = JSONBodyCheck.evaluate(ObservedResponse(status: 200, body: bytes), rule: CheckFixture.rule)
        #expect(r.status == .failed)
        let detail = r.findings.first?.detail ?? ""
        #expect(detail.contains("\u{FFFD}"))
        #expect(!detail.unicodeScalars.contains { $0.value == 0 })
    }

    @Test func invariantHoldsAndBreaks() throws {
        let inv = Invariant(expression: try Expression.parse("total >= len(items)"), description: "list line 119",
                            pointer: JSONPointer(tokens: ["operations", "0", "responses", "200", "invariants", "0"]))
        let good = InvariantCheck.evaluate(inv, in: EvaluationContext(body: CheckFixture.json(#"{"total": 2, "items": [1, 2]}"#)), file: nil)
        #expect(good.status == .passed)
        #expect(good.name == "total >= len(items)")
        let bad = InvariantCheck.evaluate(inv, in: EvaluationContext(body: CheckFixture.json(#"{"total": 1, "items": [1, 2]}"#)), file: nil)
        #expect(bad.status == .failed)
        #expect(bad.findings.first?.citation == "list line 119")
        #expect(bad.findings.first?.rulePointer == "/operations/0/responses/200/invariants/0")
        #expect(bad.findings.first?.check == "invariant")
    }

    @Test func invariantOnAMissingFieldFails() throws {
        let inv = Invariant(expression: try Expression.parse("total >= len(items)"), pointer: .root)
        let r = InvariantCheck.evaluate(inv, in: EvaluationContext(body: CheckFixture.json(#"{"items": []}"#)), file: nil)
        #expect(r.status == .failed)
    }

    @Test func redirectToAnotherOriginIsAFailure() {
        let r = RedirectCheck.evaluate(from: "http://127.0.0.1:8080/v5/models", to: "http://127.0.0.1:9090/steal", rule: CheckFixture.rule)
        #expect(r.status == .failed)
        #expect(r.findings.first?.check == "redirect")
        #expect(RedirectCheck.origin(of: "HTTP://Example.com/x") == "http://example.com:80")
        #expect(RedirectCheck.origin(of: "https://a.b:8443?x") == "https://a.b:8443")
    }

    @Test func transportErrorIsAnErrorNotAFailure() {
        let r = TransportErrorCheck.evaluate("connection refused by 127.0.0.1:9", attempts: 3, rule: CheckFixture.rule)
        #expect(r.status == .error)
        #expect(r.findings.first?.kind == .error)
        #expect(r.findings.first?.detail.contains("after 3 attempts") == true)
    }

    @Test func bodySizeOverTheCapIsAnError() {
        #expect(BodySizeCheck.evaluate(received: 10, declared: 10, cap: 100, overCap: false, rule: CheckFixture.rule).status == .passed)
        let r = BodySizeCheck.evaluate(received: 100, declared: nil, cap: 100, overCap: true, rule: CheckFixture.rule)
        #expect(r.status == .error)
        #expect(r.findings.first?.check == "body-size")
    }

    @Test func crossAgreeComparesListedMembers() {
        let listed = CheckFixture.json(#"{"id": "m1", "name": "a", "status": "ready"}"#)
        let same = CheckFixture.json(#"{"id": "m1", "name": "a", "status": "ready", "extra": 1}"#)
        let other = CheckFixture.json(#"{"id": "m1", "name": "b"}"#)
        #expect(CrossAgreeCheck.findings(listed: listed, fetched: same, members: ["id", "name", "status"], listedPointer: "/items/0",
                                         itemLabel: "id m1", rule: CheckFixture.rule).isEmpty)
        let f = CrossAgreeCheck.findings(listed: listed, fetched: other, members: ["id", "name", "status"], listedPointer: "/items/0",
                                         itemLabel: "id m1", rule: CheckFixture.rule)
        #expect(f.map(\.pointer) == ["/items/0/name", "/items/0/status"])
        #expect(f.allSatisfy { $0.check == "cross.agree" })
    }

    @Test func crossFetchFailureVersusError() {
        #expect(CrossAgreeCheck.fetchFinding(itemLabel: "x", status: 404, problem: "404", listedPointer: "/items/0", rule: CheckFixture.rule).kind == .failure)
        #expect(CrossAgreeCheck.fetchFinding(itemLabel: "x", status: nil, problem: "refused", listedPointer: "/items/0", rule: CheckFixture.rule).kind == .error)
    }

    @Test func registryHasUniqueIdsAndResolvesSchemaKeywords() {
        #expect(Set(CheckKind.all.map(\.id)).count == CheckKind.all.count)
        #expect(CheckKind.named("schema.enum") == .schema)
        #expect(CheckKind.named("walk.stableTotal") == .walkStableTotal)
        #expect(CheckKind.named("nope") == nil)
        for rule in Walk.Rule.allCases { #expect(CheckKind.all.contains(CheckKind.walk(rule))) }
    }
}
