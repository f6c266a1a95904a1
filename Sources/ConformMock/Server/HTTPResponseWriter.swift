import ConformCore
#if canImport(Glibc)
import Glibc
#endif

/// Serialises responses: status line, `Date`, `Server`, handler headers, `Content-Length`, `Connection`.
/// One per connection thread, so the cached `Date` value needs no lock.
struct HTTPResponseWriter {
    private var dateSecond: time_t = 0
    private var dateLine: [UInt8] = []

    /// Appends a complete response to `out`; HEAD responses carry the headers but no body.
    mutating func append(_ response: HTTPServerResponse, headOnly: Bool, close: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: "HTTP/1.1 \(response.status) \(HTTPServerResponse.reason(response.status))\r\n".utf8)
        out.append(contentsOf: currentDateLine())
        out.append(contentsOf: Self.serverLine)
        for h in response.headers {
            if h.name.caseInsensitiveEquals("content-length") || h.name.caseInsensitiveEquals("date")
                || h.name.caseInsensitiveEquals("connection") || h.name.caseInsensitiveEquals("server") { continue }
            out.append(contentsOf: h.name.utf8)
            out.append(contentsOf: Self.colonSpace)
            out.append(contentsOf: h.value.utf8)
            out.append(contentsOf: Self.crlf)
        }
        out.append(contentsOf: Self.contentLength)
        out.append(contentsOf: String(response.body.count).utf8)
        out.append(contentsOf: Self.crlf)
        if close { out.append(contentsOf: Self.connectionClose) }
        out.append(contentsOf: Self.crlf)
        if !headOnly { out.append(contentsOf: response.body) }
    }

    private static let serverLine = Array("Server: conform-mock\r\n".utf8)
    private static let colonSpace = Array(": ".utf8)
    private static let crlf = Array("\r\n".utf8)
    private static let contentLength = Array("Content-Length: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)

    /// `Date: Sun, 22 Nov 2026 04:16:29 GMT\r\n`, recomputed once per second (IMF-fixdate, RFC 9110 §5.6.7).
    private mutating func currentDateLine() -> [UInt8] {
        var now = time(nil)
        if now == dateSecond, !dateLine.isEmpty { return dateLine }
        dateSecond = now
        var t = tm()
        gmtime_r(&now, &t)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let text = "Date: \(days[Int(t.tm_wday) % 7]), \(two(t.tm_mday)) \(months[Int(t.tm_mon) % 12]) \(t.tm_year + 1900) "
            + "\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) GMT\r\n"
        dateLine = Array(text.utf8)
        return dateLine
    }
}
