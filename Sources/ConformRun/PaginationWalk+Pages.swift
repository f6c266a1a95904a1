import Foundation
import ConformCore

extension PaginationWalk {
    /// The page's items, or nil when the `items` expression does not give an array.
    func items(in body: JSONValue) -> [JSONValue]? {
        if case .value(.array(let items)) = walk.items.evaluate(in: EvaluationContext(body: body)) { return items }
        return nil
    }

    /// What the walk rules need from one page; `curl` reproduces a page other than the walk's first.
    func observe(_ body: JSONValue, items: [JSONValue], label: String, curl: String? = nil) -> WalkObservation.Page {
        let context = EvaluationContext(body: body)
        var total: JSONValue? = nil
        if let t = walk.total, case .value(let v) = t.evaluate(in: context), !v.isNull { total = v }
        var hasMore: Bool? = nil
        if let h = walk.hasMore, case .value(.bool(let b)) = h.evaluate(in: context) { hasMore = b }
        // The cross-page rules read an item's id and the item count: the page keeps just the ids.
        var page = WalkObservation.Page(label: label, ids: items.map { $0[walk.itemId] }, itemsPointer: Self.pointer(of: walk.items.source),
                                        total: total, hasMore: hasMore,
                                        hasNext: Self.present(walk.next, context), hasPrevious: Self.present(walk.previous, context))
        page.curl = curl
        return page
    }

    /// The request for the page after this one, or nil when this page is the last.
    func nextPage(after body: JSONValue, items: [JSONValue], operation: ConformCore.Operation, number: Int) -> Result<HTTPRequest, RequestBuildError>? {
        let context = EvaluationContext(body: body)
        if let h = walk.hasMore, case .value(.bool(false)) = h.evaluate(in: context) { return nil }
        switch walk.style {
        case .page:
            if walk.hasMore == nil, items.count < walk.size { return nil }
            do { return .success(try run.request(operation, values: pageValues(number + 1), auth: .default)) } catch { return .failure(error) }
        case .cursor:
            guard let c = walk.cursor, case .value(let v) = c.evaluate(in: context), !v.isNull, v != .string("") else { return nil }
            var values = walk.query
            if let s = walk.sizeParam { values.append((s, JSONValue(walk.size))) }
            values.append((walk.cursorParam ?? "cursor", v))
            do { return .success(try run.request(operation, values: values, auth: .default)) } catch { return .failure(error) }
        case .link:
            guard let n = walk.next, case .value(.string(let link)) = n.evaluate(in: context), !link.isEmpty else { return nil }
            return linkRequest(link, operation: operation)
        }
    }

    /// A request for a `next` link: absolute, origin-relative (`/v1/models?page=2`) or query-only (`?page=2`).
    /// A link to another origin is refused so the credential never leaves the target.
    func linkRequest(_ link: String, operation: ConformCore.Operation) -> Result<HTTPRequest, RequestBuildError> {
        let baseOrigin = RedirectCheck.origin(of: run.baseURL)
        let url: String
        if link.hasPrefix("http://") || link.hasPrefix("https://") {
            url = link
        } else if link.hasPrefix("/") {
            let schemeEnd = run.baseURL.range(of: "://")
            let hostEnd = schemeEnd.flatMap { run.baseURL[$0.upperBound...].firstIndex(of: "/") } ?? run.baseURL.endIndex
            url = String(run.baseURL[..<hostEnd]) + link
        } else if link.hasPrefix("?") {
            url = run.baseURL + operation.path + link
        } else {
            return .failure(RequestBuildError("next link '\(JSONValue.trim(link, 80))' is neither absolute nor relative to the host"))
        }
        guard Origin.same(url, run.baseURL) else {
            return .failure(RequestBuildError("next link points to another origin (\(RedirectCheck.origin(of: url))); not followed, so the credential stays with \(baseOrigin)"))
        }
        var headers: [Header] = []
        if let auth = run.suite.auth, let credential = run.credential(.default) { headers.append(Header(auth.headerName, credential)) }
        return .success(HTTPRequest(method: operation.method.uppercased(), url: url, headers: headers))
    }

    /// `/items` for `items`, `/meta/data` for `meta.data`; "" for anything more complex.
    static func pointer(of source: String) -> String {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return "" }
        return trimmed.split(separator: ".").map { "/" + JSONPointer.escape(String($0)) }.joined()
    }

    static func present(_ expression: ConformCore.Expression?, _ context: EvaluationContext) -> Bool {
        guard let e = expression, case .value(let v) = e.evaluate(in: context) else { return false }
        return !v.isNull && v != .string("")
    }

    /// Query parameters of a URL as strings (walk pages: what `request.query` shows).
    static func query(of url: String) -> [(String, JSONValue)] {
        guard let q = url.firstIndex(of: "?") else { return [] }
        return url[url.index(after: q)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentCoding.decode(parts.first ?? "")
            let text = PercentCoding.decode(parts.count > 1 ? parts[1] : "")
            if let n = Int(text) { return (name, JSONValue(n)) }
            return (name, .string(text))
        }
    }
}
