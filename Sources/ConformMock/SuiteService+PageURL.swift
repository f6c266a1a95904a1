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

    static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x3A: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
