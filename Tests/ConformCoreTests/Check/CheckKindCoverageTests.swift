import Testing
@testable import ConformCore

/// Every kind in the registry has a scenario that makes it report: a new kind without one fails here.
@Suite struct CheckKindCoverageTests {
    typealias P = CheckFixture

    static func failing(_ id: String) throws -> [Finding] {
        let walk = WalkObservation(pages: [P.page("page 1", ids: [1, 1], total: 3, hasMore: false, next: true),
                                           P.page("page 2", ids: [2], total: 4, hasMore: true, previous: false)],
                                   pastEnd: P.page("page 3", ids: [9]), size: 3, tracksPrevious: true)
        switch id {
        case "status": return StatusCheck.evaluate(expected: [200], actual: 500, rule: P.rule).findings
        case "content-type":
            return ContentTypeCheck.evaluate(expected: "application/json", response: P.response(contentType: "text/html"), rule: P.rule).findings
        case "json": return JSONBodyCheck.evaluate(P.response(200, "<html>"), rule: P.rule).result.findings
        case "schema":
            let doc = P.json(#"{"type": "integer"}"#)
            return SchemaCheck.evaluate(.string("3"), schemaAt: .root, validator: SchemaValidator(document: doc, uri: "file:///s.json"), file: nil).findings
        case "invariant":
            let inv = Invariant(expression: try Expression.parse("len(items) == 0"), pointer: .root)
            return InvariantCheck.evaluate(inv, in: EvaluationContext(body: P.json(#"{"items": [1]}"#)), file: nil).findings
        case "walk.pageInvariant":
            let inv = Invariant(expression: try Expression.parse("page == 2"), pointer: .root)
            return InvariantCheck.findings(inv, in: EvaluationContext(body: .null, variables: ["page": 1]), file: nil, check: .walkPageInvariant)
        case "walk.maxPages": return []  // produced by the runner: see PaginationWalkTests.aListPastItsReportedTotalFails
        case _ where id.hasPrefix("walk."):
            let rule = try #require(Walk.Rule(rawValue: String(id.dropFirst(5))))
            return WalkRuleCheck.evaluate(rule, walk, at: P.rule).findings
        case "cross.agree":
            return CrossAgreeCheck.findings(listed: P.json(#"{"id": 1}"#), fetched: P.json(#"{"id": 2}"#), members: ["id"],
                                            listedPointer: "/items/0", itemLabel: "id 1", rule: P.rule)
        case "cross.fetch":
            return [CrossAgreeCheck.fetchFinding(itemLabel: "id 1", status: 404, problem: "404", listedPointer: "/items/0", rule: P.rule)]
        case "redirect": return RedirectCheck.evaluate(from: "http://a:1/", to: "http://b:2/", rule: P.rule).findings
        case "transport": return TransportErrorCheck.evaluate("connection refused", attempts: 1, rule: P.rule).findings
        case "body-size": return BodySizeCheck.evaluate(received: 10, declared: nil, cap: 10, overCap: true, rule: P.rule).findings
        default: Issue.record("no failing scenario for check kind \(id)"); return []
        }
    }

    @Test(arguments: CheckKind.all.map(\.id).filter { $0 != "walk.maxPages" })
    func kindReportsOnABrokenResponse(_ id: String) throws {
        let findings = try Self.failing(id)
        #expect(!findings.isEmpty, "\(id) found nothing")
        #expect(findings.allSatisfy { $0.check == id || $0.check.hasPrefix(id + ".") }, "\(findings.map(\.check))")
    }
}
