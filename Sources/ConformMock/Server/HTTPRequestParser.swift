import ConformCore

/// Parses HTTP/1.1 requests out of a connection's receive buffer, one complete request at a time,
/// so pipelined requests are answered in order.
///
/// Chunked request bodies are answered 501: no client of a model-listing API sends them, and refusing
/// is safer than a half-done decoder.
package struct HTTPRequestParser {
    /// Largest accepted request head (empty lines before it, request line, headers) unless the server says
    /// otherwise, per issue 5.
    package static let defaultMaxHeadBytes = 16 * 1024
    /// Bytes of empty lines accepted before a request line (RFC 9112 §2.2 asks servers to skip "at least one");
    /// more is refused 400, so a stream of bare CRLFs costs neither memory nor a thread for long.
    package static let maxLeadingEmptyLineBytes = 64
    /// Largest accepted body; the mock serves GETs, so bodies are small by nature.
    package static let maxBodyBytes = 1 << 20

    package enum Outcome {
        /// More bytes are needed; `inHead` tells whether the head itself is incomplete.
        case incomplete(inHead: Bool)
        /// A whole request occupying `consumed` bytes from the start offset.
        case request(HTTPServerRequest, consumed: Int, keepAlive: Bool)
        /// A request the server refuses; the connection closes after the answer.
        case refuse(status: Int, message: String)
    }

    /// Tries to parse one request from `buffer[start...]`; the head is measured from `start`, so empty lines
    /// before the request line count toward `maxHeadBytes`.
    package static func parse(_ buffer: [UInt8], from start: Int, maxHeadBytes: Int = defaultMaxHeadBytes) -> Outcome {
        var begin = start
        // RFC 9112 §2.2: ignore (a few) empty lines before a request line.
        while begin < buffer.count, buffer[begin] == 13 || buffer[begin] == 10 { begin += 1 }
        if begin - start > maxLeadingEmptyLineBytes {
            return .refuse(status: 400, message: "more than \(maxLeadingEmptyLineBytes) bytes of empty lines before the request line")
        }
        let tooLarge = Outcome.refuse(status: 431, message: "request header block larger than \(byteCount(maxHeadBytes))")
        guard begin < buffer.count else { return begin - start > maxHeadBytes ? tooLarge : .incomplete(inHead: true) }
        guard let headEnd = findHeadEnd(buffer, from: begin, limit: maxHeadBytes) else {
            if buffer.count - start > maxHeadBytes { return tooLarge }
            return .incomplete(inHead: true)
        }
        if headEnd.lineEnd - start > maxHeadBytes { return tooLarge }
        let lines = splitLines(buffer, begin, headEnd.lineEnd)
        guard let requestLine = lines.first else { return .refuse(status: 400, message: "empty request line") }
        let parts = requestLine.split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
              let first = parts[1].first, first == UInt8(ascii: "/") || first == UInt8(ascii: "*") || parts[1].starts(with: Array("http".utf8)),
              parts[1].allSatisfy({ $0 > 32 && $0 < 127 }) else {
            return .refuse(status: 400, message: "malformed request line")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard isVersionShaped(parts[2]) else { return .refuse(status: 400, message: "malformed HTTP version") }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .refuse(status: 505, message: "HTTP version \(version) not supported")
        }
        var headers: [Header] = []
        headers.reserveCapacity(lines.count - 1)
        var contentLength: Int?
        var connectionTokens = ""
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(isTokenByte) else {
                return .refuse(status: 400, message: "malformed header line")
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let value = String(decoding: trimOWS(line[(colon + 1)...]), as: UTF8.self)
            if name.caseInsensitiveEquals("content-length") {
                guard let n = HTTPDigits.value(value, radix: 10, maxDigits: 18) else {
                    return .refuse(status: 400, message: "invalid Content-Length")
                }
                if let previous = contentLength, previous != n { return .refuse(status: 400, message: "conflicting Content-Length headers") }
                contentLength = n
            } else if name.caseInsensitiveEquals("transfer-encoding") {
                return .refuse(status: 501, message: "Transfer-Encoding request bodies are not supported")
            } else if name.caseInsensitiveEquals("connection") {
                connectionTokens += "," + value.lowercased()
            }
            headers.append(Header(name, value))
        }
        let length = contentLength ?? 0
        if length > 0, method == "GET" || method == "HEAD" {
            return .refuse(status: 400, message: "a \(method) request must not carry a body")
        }
        if length > maxBodyBytes { return .refuse(status: 413, message: "request body larger than 1 MiB") }
        let bodyStart = headEnd.bodyStart
        guard buffer.count - bodyStart >= length else { return .incomplete(inHead: false) }
        let body = length == 0 ? [] : Array(buffer[bodyStart..<(bodyStart + length)])
        let tokens = connectionTokens.split(separator: ",").map { $0.trimmingSpaces() }
        let keepAlive = version == "HTTP/1.1" ? !tokens.contains("close") : tokens.contains("keep-alive")
        let request = HTTPServerRequest(method: method, target: target, headers: headers, body: body, version: version)
        return .request(request, consumed: bodyStart + length - start, keepAlive: keepAlive)
    }

    /// The end of the head: where the last header line ends and where the body starts. Accepts bare LF.
    private static func findHeadEnd(_ b: [UInt8], from start: Int, limit maxHeadBytes: Int) -> (lineEnd: Int, bodyStart: Int)? {
        var i = start
        let limit = min(b.count, start + maxHeadBytes + 4)
        while i < limit {
            if b[i] == 10 {
                if i + 1 < b.count, b[i + 1] == 10 { return (i, i + 2) }
                if i + 2 < b.count, b[i + 1] == 13, b[i + 2] == 10 { return (i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    private static func splitLines(_ b: [UInt8], _ start: Int, _ end: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = start
        var i = start
        while i <= end {
            if i == end || b[i] == 10 {
                var lineEnd = i
                if lineEnd > lineStart, b[lineEnd - 1] == 13 { lineEnd -= 1 }
                if lineEnd > lineStart || i < end { lines.append(b[lineStart..<lineEnd]) }
                lineStart = i + 1
            }
            i += 1
        }
        return lines
    }

    /// `16 KiB` for whole kibibytes, else `N bytes`.
    private static func byteCount(_ n: Int) -> String {
        n >= 1024 && n % 1024 == 0 ? "\(n / 1024) KiB" : "\(n) bytes"
    }

    private static func isTokenByte(_ c: UInt8) -> Bool {
        switch c {
        case 48...57, 65...90, 97...122: return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(c)
        }
    }

    /// `HTTP/<digit>.<digit>`: well-formed but possibly unsupported (→ 505 rather than 400).
    private static func isVersionShaped(_ v: ArraySlice<UInt8>) -> Bool {
        let a = Array(v)
        return a.count == 8 && a[0..<5].elementsEqual("HTTP/".utf8) && (48...57).contains(a[5]) && a[6] == 46 && (48...57).contains(a[7])
    }

    private static func trimOWS(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, f == 32 || f == 9 { s = s.dropFirst() }
        while let l = s.last, l == 32 || l == 9 { s = s.dropLast() }
        return s
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
