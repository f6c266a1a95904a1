import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking loopback TCP client for server tests: writes raw bytes, reads raw responses.
final class RawClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// A parsed response: status, headers (lower-cased names), body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    init(port: UInt16, timeoutSeconds: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError("socket failed") }
        var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        let r = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        // No close here: the object is fully initialised, so throwing runs deinit, which closes fd. Closing it
        // twice would close whatever socket reused the number meanwhile (another test's listener or connection).
        guard r == 0 else { throw ClientError("connect failed: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    func send(_ text: String) { sendBytes(Array(text.utf8)) }

    func sendBytes(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Reads one complete response (Content-Length framed), or nil on EOF/timeout.
    func readResponse() -> Response? {
        while true {
            if let r = takeResponse() { return r }
            guard fill() else { return nil }
        }
    }

    /// Everything until the peer closes (or the read timeout), as text.
    func readUntilClosed() -> String {
        while fill() {}
        defer { buffer.removeAll() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// True when the server closed the connection (EOF or reset) with nothing more to read; false when bytes
    /// arrive or the read timeout passes with the connection still open.
    func isClosedByPeer() -> Bool {
        guard buffer.isEmpty, !fill() else { return false }
        return !timedOut
    }

    /// Whether bytes are buffered or arrive within `milliseconds` (or the peer closes meanwhile).
    func isReadable(withinMilliseconds milliseconds: Int32) -> Bool {
        if !buffer.isEmpty { return true }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }

    /// Whether the last read ended by the read timeout rather than EOF or an error.
    private var timedOut = false

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        timedOut = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    private func takeResponse() -> Response? {
        let sep = Array("\r\n\r\n".utf8)
        guard buffer.count >= 4, let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<$0 + 4]) == sep }) else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
        buffer.removeFirst(end + 4 + length)
        return Response(status: status, headers: headers, body: body)
    }
}

struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Number of open descriptors of this process.
func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

/// This process's descriptors of connections accepted on `port` (not the listening socket, not clients'
/// sockets): sockets whose `/proc/net/tcp` entry has that local port. Other tests' descriptors, opened and
/// closed in parallel, do not count. Nil off Linux.
func serverConnectionDescriptors(port: UInt16) -> Int? {
    var inodes = Set<String>()
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        // Read to the end: procfs files report a size of 0, which whole-file readers take at its word.
        guard let handle = FileHandle(forReadingAtPath: table) else { continue }
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        try? handle.close()
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 9, let colon = fields[1].lastIndex(of: ":"),
                  UInt16(fields[1][fields[1].index(after: colon)...], radix: 16) == port, fields[3] != "0A" else { continue }
            inodes.insert(String(fields[9]))
        }
    }
    guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
    return fds.filter { fd in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd),
              target.hasPrefix("socket:[") else { return false }
        return inodes.contains(String(target.dropFirst(8).dropLast()))
    }.count
}

/// A thread-safe counter for concurrent test bodies.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
