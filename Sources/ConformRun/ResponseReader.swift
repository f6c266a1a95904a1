import ConformCore
import Foundation

/// Reads one HTTP/1.1 response off a `ByteStream` (plain or TLS): head, then the body framed by
/// `Content-Length`, chunked encoding or end of stream — never more than the cap.
package struct ResponseReader {
    /// What went wrong in the server's reply.
    package enum Failure: Error {
        case connection(SocketConnection.Failure, receivedSoFar: Int)
        case notHTTP(String)
        case tooLarge(receivedSoFar: Int)
        case truncated(expected: Int, received: Int)
        /// The connection closed after part of the head (`HTTP/1.1 200 OK\r\n`, then nothing).
        case closedInsideHead(received: Int)
        /// The HTTP proxy could not or would not carry the request; the text says why.
        case proxy(String)
        /// The body's `Content-Encoding` does not decode (`why`), or is one Conform does not read (`why` nil).
        case undecodable(coding: String, why: String?)
    }

    package struct Head {
        package var status: Int
        package var headers: [Header]
        package func value(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    static let maxHeadBytes = 64 << 10

    let connection: any ByteStream
    let maxBodyBytes: Int
    /// Bytes read past the part consumed so far.
    private var pending: [UInt8] = []

    package init(connection: any ByteStream, maxBodyBytes: Int) { self.connection = connection; self.maxBodyBytes = maxBodyBytes }

    /// Whether bytes past what was consumed have been read (a proxy that talks past its `CONNECT` answer).
    var hasUnreadBytes: Bool { !pending.isEmpty }

    /// The response head, skipping interim 1xx responses.
    package mutating func readHead() throws(Failure) -> Head {
        while true {
            let head = try parseHead(readHeadBytes())
            if head.status >= 200 || head.status == 101 { return head }
        }
    }

    private mutating func readHeadBytes() throws(Failure) -> [UInt8] {
        var scanned = 0
        while true {
            if let end = Self.find([13, 10, 13, 10], in: pending, from: max(0, scanned - 3)) {
                let head = Array(pending[..<end])
                pending.removeFirst(end + 4)
                return head
            }
            scanned = pending.count
            if pending.count > Self.maxHeadBytes { throw .notHTTP("a response head over 64 KiB") }
            let chunk: [UInt8]
            do { chunk = try more(receivedSoFar: 0) } catch {
                if case .connection(.closed, _) = error, !pending.isEmpty { throw .closedInsideHead(received: pending.count) }
                throw error
            }
            if chunk.isEmpty {
                throw pending.isEmpty ? .connection(.closed, receivedSoFar: 0) : .closedInsideHead(received: pending.count)
            }
            pending += chunk
        }
    }

    private func parseHead(_ bytes: [UInt8]) throws(Failure) -> Head {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.isEmpty ? "" : lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = HTTPDigits.value(parts[1], radix: 10, maxDigits: 3), parts[1].count == 3 else {
            throw .notHTTP("status line \(JSONWriter.quote(String(statusLine.prefix(60))))")
        }
        var headers: [Header] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .notHTTP("header line \(JSONWriter.quote(String(line.prefix(60))))") }
            headers.append(Header(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return Head(status: status, headers: headers)
    }

    /// The body for `head` as its content: read as framed, then its `Content-Encoding` undone (`ContentDecoding`),
    /// the decoded size held to the same cap.
    package mutating func readContent(for head: Head, method: String) throws(Failure) -> [UInt8] {
        let body = try readBody(for: head, method: method)
        let codings = ContentDecoding.codings(head.value("Content-Encoding"))
        guard !codings.isEmpty else { return body }
        do {
            return try ContentDecoding.decode(body, codings: codings, cap: maxBodyBytes)
        } catch {
            switch error {
            case .unsupported(let coding): throw .undecodable(coding: coding, why: nil)
            case .corrupt(let coding, let why): throw .undecodable(coding: coding, why: why)
            case .tooLarge(let decoded): throw .tooLarge(receivedSoFar: decoded)
            }
        }
    }

    /// The body for `head` as framed on the wire (none for HEAD requests, 1xx, 204 and 304).
    package mutating func readBody(for head: Head, method: String) throws(Failure) -> [UInt8] {
        if method == "HEAD" || head.status == 204 || head.status == 304 || head.status < 200 { return [] }
        if head.value("Transfer-Encoding")?.lowercased().contains("chunked") == true { return try readChunked() }
        if let text = head.value("Content-Length") {
            guard let length = HTTPDigits.value(text.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "", radix: 10) else {
                throw .notHTTP("Content-Length \(JSONWriter.quote(text))")
            }
            if length > maxBodyBytes { throw .tooLarge(receivedSoFar: 0) }
            return try readExactly(length)
        }
        return try readToEnd()
    }

    private mutating func readExactly(_ length: Int) throws(Failure) -> [UInt8] {
        var body = ChunkedBody(cap: maxBodyBytes)
        while body.count < length {
            if pending.isEmpty {
                let chunk = try more(receivedSoFar: body.count)
                if chunk.isEmpty { throw .truncated(expected: length, received: body.count) }
                pending = chunk
            }
            let take = min(length - body.count, pending.count)
            guard body.append(pending[..<take]) else { throw .tooLarge(receivedSoFar: body.count + take) }
            pending.removeFirst(take)
        }
        return body.joined()
    }

    private mutating func readToEnd() throws(Failure) -> [UInt8] {
        var body = ChunkedBody(cap: maxBodyBytes)
        guard body.append(pending[...]) else { throw .tooLarge(receivedSoFar: pending.count) }
        pending = []
        while true {
            let chunk = try more(receivedSoFar: body.count)
            if chunk.isEmpty { return body.joined() }
            guard body.append(chunk[...]) else { throw .tooLarge(receivedSoFar: body.count + chunk.count) }
        }
    }

    private mutating func readChunked() throws(Failure) -> [UInt8] {
        var body = ChunkedBody(cap: maxBodyBytes)
        while true {
            let sizeLine = try readLine(receivedSoFar: body.count)
            let hex = sizeLine.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = HTTPDigits.value(hex, radix: 16) else { throw .notHTTP("chunk size \(JSONWriter.quote(String(sizeLine.prefix(30))))") }
            if size == 0 {
                while try !readLine(receivedSoFar: body.count).isEmpty {}  // trailers
                return body.joined()
            }
            if body.count + size > maxBodyBytes { throw .tooLarge(receivedSoFar: body.count + min(size, pending.count)) }
            var left = size
            while left > 0 {
                if pending.isEmpty {
                    let chunk = try more(receivedSoFar: body.count)
                    if chunk.isEmpty { throw .connection(.closed, receivedSoFar: body.count) }
                    pending = chunk
                }
                let take = min(left, pending.count)
                _ = body.append(pending[..<take])
                pending.removeFirst(take)
                left -= take
            }
            guard try readLine(receivedSoFar: body.count).isEmpty else { throw .notHTTP("a chunk longer than its size") }
        }
    }

    private mutating func readLine(receivedSoFar: Int) throws(Failure) -> String {
        while true {
            if let end = Self.find([13, 10], in: pending, from: 0) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeFirst(end + 2)
                return line
            }
            if pending.count > 4096 { throw .notHTTP("a chunk header over 4 KiB") }
            let chunk = try more(receivedSoFar: receivedSoFar)
            if chunk.isEmpty { throw .connection(.closed, receivedSoFar: receivedSoFar) }
            pending += chunk
        }
    }

    private func more(receivedSoFar: Int) throws(Failure) -> [UInt8] {
        do { return try connection.read(upTo: 64 << 10) } catch { throw .connection(error, receivedSoFar: receivedSoFar) }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }
}

/// A body gathered in pieces and joined once, refusing to grow past the cap.
struct ChunkedBody {
    let cap: Int
    private(set) var count = 0
    private var pieces: [[UInt8]] = []

    init(cap: Int) { self.cap = cap }

    /// False (and nothing kept) when the piece would pass the cap.
    mutating func append(_ piece: ArraySlice<UInt8>) -> Bool {
        guard count + piece.count <= cap else { return false }
        if !piece.isEmpty { pieces.append(Array(piece)); count += piece.count }
        return true
    }

    /// The pieces as one array, each released once copied.
    mutating func joined() -> [UInt8] {
        if pieces.count == 1 { return pieces[0] }
        var all: [UInt8] = []
        all.reserveCapacity(count)
        for index in pieces.indices { all += pieces[index]; pieces[index] = [] }
        return all
    }
}
