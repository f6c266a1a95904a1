import Foundation
import ConformCore
@testable import ConformMock

extension SuiteHarness {
    /// A page-style walk: every page until a short one, then the walk's rules.
    func walk(_ w: Walk) -> [Failure] {
        guard let op = suite.operation(w.operation), let pageParam = w.pageParam else { return [] }
        var failures: [Failure] = []
        var pages: [(ids: [String], total: JSONValue?, hasMore: Bool?, next: Bool, previous: Bool)] = []
        var page = w.firstPage
        func fetch(_ n: Int) -> (Exchange, [JSONValue]) {
            var query = w.query + [(pageParam, JSONValue(n))]
            if let s = w.sizeParam { query.append((s, JSONValue(w.size))) }
            let e = send(op, query: query)
            let items = w.items.evaluate(in: EvaluationContext(body: e.body))
            if case .value(.array(let a)) = items { return (e, a) }
            return (e, [])
        }
        func value(_ expr: ConformCore.Expression?, _ e: Exchange) -> JSONValue? {
            guard let expr, case .value(let v) = expr.evaluate(in: EvaluationContext(body: e.body)) else { return nil }
            return v
        }
        while pages.count < w.maxPages {
            let (e, items) = fetch(page)
            failures += check(e, op, statuses: [op.successResponse?.status ?? 200], schema: true, explicitSchema: nil,
                              responseInvariants: true, invariants: [], label: "\(w.id) page \(page)")
            let context = EvaluationContext(body: e.body, request: e.request, response: e.response, variables: ["page": JSONValue(page)])
            for inv in w.pageInvariants where !inv.expression.check(in: context).holds {
                failures.append(Failure(check: "walk.pageInvariant", detail: "\(w.id) page \(page): \(inv.name)"))
            }
            let nextValue = value(w.next, e), previousValue = value(w.previous, e)
            pages.append((items.map { Dataset.text($0[w.itemId] ?? .null) }, value(w.total, e), value(w.hasMore, e)?.boolValue,
                          nextValue.map { !$0.isNull } ?? false, previousValue.map { !$0.isNull } ?? false))
            if items.count < w.size || items.isEmpty { break }
            page += 1
        }
        let all = pages.flatMap(\.ids)
        let last = pages.count - 1
        for rule in w.rules {
            var broken = false
            switch rule {
            case .noDuplicateIds: broken = Set(all).count != all.count
            case .unionEqualsTotal: broken = pages.last?.total.flatMap { $0.numberValue?.int64Value }.map { Int($0) != Set(all).count } ?? true
            case .stableTotal: broken = Set(pages.map { $0.total }).count > 1
            case .fullPages: broken = pages.dropLast().contains { $0.ids.count != w.size }
            case .pastEndEmpty: broken = !fetch(page + 1).1.isEmpty
            case .hasMoreConsistent: broken = pages.enumerated().contains { k, p in p.hasMore != (k < last && !pages[k + 1].ids.isEmpty) }
            case .linksConsistent:
                broken = pages.enumerated().contains { k, p in
                    p.next != (k < last && !pages[k + 1].ids.isEmpty) || (w.previous != nil && p.previous != (k > 0))
                }
            }
            if broken { failures.append(Failure(check: "walk.\(rule.rawValue)", detail: "\(w.id): pages \(pages.map(\.ids.count))")) }
        }
        return failures
    }

    /// Each listed item fetched by id agrees with the listed one.
    func cross(_ x: CrossCheck) -> [Failure] {
        guard let list = suite.operation(x.listOperation), let fetch = suite.operation(x.fetchOperation) else { return [] }
        let e = send(list, query: x.listQuery)
        guard case .value(.array(let items)) = x.items.evaluate(in: EvaluationContext(body: e.body)) else {
            return [Failure(check: "cross.fetch", detail: "no items")]
        }
        var failures: [Failure] = []
        for item in items.prefix(x.max) {
            guard let id = item[x.itemId] else { continue }
            let got = send(fetch, query: [], path: [(x.pathParam, id)])
            failures += check(got, fetch, statuses: [fetch.successResponse?.status ?? 200], schema: true, explicitSchema: nil,
                              responseInvariants: true, invariants: [], label: "\(x.id) \(Dataset.text(id))")
            for member in x.agree where item[member] != nil && item[member] != got.body?[member] {
                failures.append(Failure(check: "cross.agree", detail: "\(x.id) \(Dataset.text(id)).\(member)"))
            }
        }
        return failures
    }
}
