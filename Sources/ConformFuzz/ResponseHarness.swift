import ConformRun

/// The client's `ResponseReader` on a server's bytes, read the way `SocketExchange` reads a reply: the head
/// (skipping 1xx), then the body for it. The first byte chooses how the stream is served (reads of 1 to 64 bytes
/// or all at once), whether the request was a HEAD, and a small or a large body cap; the rest is what the peer
/// sent before closing. The reader either fails with a named reason or returns a body within the cap — decoded
/// when the head names a `Content-Encoding` (zlib on a peer's bytes), still within the cap.
enum ResponseHarness {
    static func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        guard let control = bytes.first else { return }
        let slice = control & 0x3f == 0 ? Int.max : Int(control & 0x3f)
        let method = control & 0x40 == 0 ? "GET" : "HEAD"
        let cap = control & 0x80 == 0 ? 64 << 20 : 100
        var reader = ResponseReader(connection: ScriptedStream(Array(bytes.dropFirst()), slice: slice), maxBodyBytes: cap)
        let body: [UInt8]
        let encoded: Bool
        do {
            let head = try reader.readHead()
            guard (100...999).contains(head.status) else { throw FuzzFailure("status \(head.status) is not three digits") }
            encoded = head.value("Content-Encoding") != nil
            body = try reader.readContent(for: head, method: method)
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            return
        }
        guard body.count <= cap else { throw FuzzFailure("a body of \(body.count) bytes passed the cap of \(cap)") }
        guard encoded || body.count < bytes.count else { throw FuzzFailure("a body of \(body.count) bytes out of \(bytes.count) sent") }
    }
}

/// A peer that sends fixed bytes in reads of at most `slice` bytes, then closes; it accepts every write.
final class ScriptedStream: ByteStream {
    private let bytes: [UInt8]
    private let slice: Int
    private var offset = 0

    init(_ bytes: [UInt8], slice: Int) { self.bytes = bytes; self.slice = slice }

    func write(_ bytes: [UInt8]) throws(SocketConnection.Failure) {}

    func read(upTo limit: Int) throws(SocketConnection.Failure) -> [UInt8] {
        let count = min(limit, slice, bytes.count - offset)
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}
