import CZlib

/// Response bodies in a `Content-Encoding`: `gzip` (`x-gzip`) and `deflate` (zlib-wrapped, or raw deflate as some
/// servers send it), undone in the reverse of the order listed; `identity` is no coding.
///
/// Conform asks for `identity`. A server that compresses anyway is read as curl `--compressed`, Python's
/// `requests` and every browser read it, not failed for a body that "is not JSON". The decoded body is held to the
/// same cap as a plain one, so a small bomb cannot inflate past it; a stream that is corrupt, cut short or
/// followed by stray bytes, or a coding Conform does not read (`br`, `zstd`), is a failure of the answer.
enum ContentDecoding {
    enum Failure: Error, Equatable {
        /// A coding Conform does not read.
        case unsupported(coding: String)
        /// The bytes are not a whole, valid stream of the coding.
        case corrupt(coding: String, why: String)
        /// Decoded, the body passes the cap (checked as it grows, so no more than the cap is ever held).
        case tooLarge(decodedSoFar: Int)
    }

    /// The codings a `Content-Encoding` value names, in the order they were applied (lower-cased, `identity` left out).
    static func codings(_ header: String?) -> [String] {
        guard let header else { return [] }
        return header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
    }

    /// `body` with `codings` undone, last applied first.
    static func decode(_ body: [UInt8], codings: [String], cap: Int) throws(Failure) -> [UInt8] {
        var out = body
        for coding in codings.reversed() {
            guard !out.isEmpty else { break }
            switch coding {
            case "gzip", "x-gzip": out = try inflate(out, coding: coding, windowBits: 15 + 16, cap: cap)
            case "deflate": out = try inflate(out, coding: coding, windowBits: hasZlibHeader(out) ? 15 : -15, cap: cap)
            default: throw .unsupported(coding: coding)
            }
        }
        return out
    }

    /// RFC 1950's two header bytes: deflate with a window of at most 32 KiB, and a check that divides by 31.
    static func hasZlibHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        return bytes[0] & 0x0F == 8 && bytes[0] >> 4 <= 7 && (Int(bytes[0]) << 8 | Int(bytes[1])) % 31 == 0
    }

    private static func inflate(_ input: [UInt8], coding: String, windowBits: Int32, cap: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corrupt(coding: coding, why: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let window = 64 << 10
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        defer { output.deallocate() }
        var decoded: [UInt8] = []
        var offset = 0  // input bytes handed to zlib so far
        var result: Result<[UInt8], Failure>?
        input.withUnsafeBufferPointer { all in
            let base = UnsafeMutablePointer(mutating: all.baseAddress!)
            while result == nil {
                if stream.avail_in == 0, offset < all.count {
                    let take = min(all.count - offset, 1 << 30)
                    stream.next_in = base + offset
                    stream.avail_in = UInt32(take)
                    offset += take
                }
                stream.next_out = output
                stream.avail_out = UInt32(window)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                let produced = window - Int(stream.avail_out)
                guard decoded.count + produced <= cap else { result = .failure(.tooLarge(decodedSoFar: decoded.count + produced)); break }
                decoded.append(contentsOf: UnsafeBufferPointer(start: output, count: produced))
                let left = Int(stream.avail_in) + all.count - offset
                switch status {
                case Z_STREAM_END:
                    if left == 0 { result = .success(decoded); break }
                    // `gzip -c a b > c` makes members one after another, and gunzip reads them all; anything else
                    // past the end of the stream is not part of the body.
                    let next = all.count - left
                    if windowBits > 15, left >= 2, all[next] == 0x1F, all[next + 1] == 0x8B, inflateReset(&stream) == Z_OK { continue }
                    result = .failure(.corrupt(coding: coding, why: "\(left) byte\(left == 1 ? "" : "s") after the end of the \(coding) stream"))
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress with room to write: the input ran out inside the stream.
                    result = .failure(.corrupt(coding: coding, why: left == 0 ? "the \(coding) stream ends early, after \(all.count) bytes"
                                                                             : "zlib made no progress"))
                default:
                    let why = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                    result = .failure(.corrupt(coding: coding, why: why))
                }
            }
        }
        return try result!.get()
    }
}
