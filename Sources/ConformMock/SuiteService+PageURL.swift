import ConformCore

extension SuiteService {
    /// The request's own URL with the page parameter set (absolute, from the `Host` header).
    static func pageURL(_ request: HTTPServerRequest, pageParam: String, page: Int) -> String {
        var pairs = request.query.filter { $0.0 != pageParam }
        pairs.append((pageParam, String(page)))
        let query = pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
        let rawPath = HTTPServerRequest.split(target: request.target).path
        let host = request.header("host").map { "http://" + $0 } ?? ""
        return host + rawPath + "?" + query
    }

    /// Query and path text percent-encoded by the one implementation (`PercentCoding`).
    static func encode(_ s: String) -> String { PercentCoding.encode(s) }
}
