#if os(Linux)
import COpenSSL
#elseif canImport(CommonCrypto)
import CommonCrypto
#endif

/// SHA-256 (FIPS 180-4), for content hashes and finding ids: Foundation on Linux has no CryptoKit, and
/// ids must be the same on every platform and every run.
///
/// Hashing a catalog is the bulk of a pagination walk's own work (every item's canonical text, every page): the
/// message is read where it lies, with no copy, by the system's implementation (OpenSSL on Linux, CommonCrypto on
/// Darwin: SHA extensions, ≈ 6× this file's portable rounds), and the digest is a fixed-size value.
public enum SHA256 {
    /// A digest: 32 bytes held inline (four big-endian words), so a catalog keeps one per item without a heap
    /// allocation each. Written as 64 lower-case hex digits (`hex`), the form results files hold.
    public struct Digest: Sendable, Hashable {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

        /// The 32 bytes, most significant first.
        public var bytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for word in [w0, w1, w2, w3] {
                for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
            }
            return out
        }

        /// 64 lower-case hex digits.
        public var hex: String { hexPrefix(64) }

        /// The first `digits` (at most 64) lower-case hex digits.
        public func hexPrefix(_ digits: Int) -> String {
            let count = min(max(digits, 0), 64)
            return String(unsafeUninitializedCapacity: count) { out in
                SHA256.hexDigits.withUnsafeBufferPointer { digits in
                    for i in 0..<count {
                        let word = i < 32 ? (i < 16 ? w0 : w1) : (i < 48 ? w2 : w3)
                        out[i] = digits[Int(truncatingIfNeeded: word >> UInt64(60 - 4 * (i % 16))) & 0xF]
                    }
                }
                return count
            }
        }

        /// The digest written as 64 hex digits (either case); nil for anything else.
        public init?<S: StringProtocol>(hex: S) {
            var words: [UInt64] = []
            var word: UInt64 = 0
            var digits = 0
            for c in hex.utf8 {
                guard let v = HexDigit.value(c), digits < 64 else { return nil }
                word = word << 4 | UInt64(v)
                digits += 1
                if digits % 16 == 0 { words.append(word); word = 0 }
            }
            guard digits == 64 else { return nil }
            (w0, w1, w2, w3) = (words[0], words[1], words[2], words[3])
        }

        init(_ h: State) {
            w0 = UInt64(h.a) << 32 | UInt64(h.b); w1 = UInt64(h.c) << 32 | UInt64(h.d)
            w2 = UInt64(h.e) << 32 | UInt64(h.f); w3 = UInt64(h.g) << 32 | UInt64(h.h)
        }
    }

    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 { digest(of: bytes).hex }

    /// The digest of a string's UTF-8 bytes as hex.
    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { sum(UnsafeRawBufferPointer($0)) }.hex
    }

    /// The 32-byte digest of `bytes`.
    public static func digest<S: Sequence>(_ bytes: S) -> [UInt8] where S.Element == UInt8 { digest(of: bytes).bytes }

    /// The digest of `bytes`, read in place when they are contiguous (arrays, native strings' UTF-8).
    public static func digest<S: Sequence>(of bytes: S) -> Digest where S.Element == UInt8 {
        if let d = bytes.withContiguousStorageIfAvailable({ sum(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(bytes).withUnsafeBytes { sum($0) }
    }

    /// The digest of the bytes of a buffer.
    public static func sum(_ message: UnsafeRawBufferPointer) -> Digest {
        #if os(Linux) || canImport(CommonCrypto)
        var out = State()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { md in
            // A valid pointer even for the empty message.
            withUnsafeBytes(of: 0 as UInt8) { empty in
                let data = (message.baseAddress ?? empty.baseAddress!).assumingMemoryBound(to: UInt8.self)
                #if os(Linux)
                conform_sha256(data, message.count, md.baseAddress!)
                #else
                _ = CC_SHA256(data, CC_LONG(message.count), md.baseAddress!)
                #endif
            }
            func word(_ i: Int) -> UInt32 { UInt32(md[i]) << 24 | UInt32(md[i + 1]) << 16 | UInt32(md[i + 2]) << 8 | UInt32(md[i + 3]) }
            out = State(a: word(0), b: word(4), c: word(8), d: word(12), e: word(16), f: word(20), g: word(24), h: word(28))
        }
        return Digest(out)
        #else
        return portableSum(message)
        #endif
    }

    /// The digest computed by this file's own rounds: where the system has no SHA-256, and the reference the
    /// tests hold the system's against.
    static func portableSum(_ message: UnsafeRawBufferPointer) -> Digest {
        var h = State()
        let whole = message.count / 64 * 64
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            k.withUnsafeBufferPointer { k in
                var offset = 0
                while offset < whole {
                    compress(&h, message.baseAddress! + offset, w.baseAddress!, k.baseAddress!)
                    offset += 64
                }
                // The tail, the 0x80 marker and the bit length: one block, or two when the length no longer fits.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { tail in
                    let rest = message.count - whole
                    let blocks = rest < 56 ? 1 : 2
                    tail.initialize(repeating: 0)
                    if rest > 0 { UnsafeMutableRawBufferPointer(tail).copyMemory(from: UnsafeRawBufferPointer(rebasing: message[whole...])) }
                    tail[rest] = 0x80
                    let bits = UInt64(message.count) &* 8
                    for i in 0..<8 { tail[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * i)) }
                    for b in 0..<blocks { compress(&h, UnsafeRawPointer(tail.baseAddress! + b * 64), w.baseAddress!, k.baseAddress!) }
                }
            }
        }
        return Digest(h)
    }

    struct State {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19
    }

    /// One 64-byte block into the state. Unchecked pointers: bounds checks would double the cost of the rounds.
    @inline(__always)
    private static func compress(_ state: inout State, _ block: UnsafeRawPointer, _ w: UnsafeMutablePointer<UInt32>,
                                 _ k: UnsafePointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        for i in 16..<64 {
            let x = w[i - 15], y = w[i - 2]
            let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
            let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var a = state.a, b = state.b, c = state.c, d = state.d, e = state.e, f = state.f, g = state.g, h = state.h
        // Eight rounds a turn with the working variables renamed instead of shifted along.
        var i = 0
        while i < 64 {
            round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
            round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
            i += 8
        }
        state.a &+= a; state.b &+= b; state.c &+= c; state.d &+= d; state.e &+= e; state.f &+= f; state.g &+= g; state.h &+= h
    }

    /// One round: `d` takes `d + t1`, `h` takes `t1 + t2` (the caller renames the rest).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
                              _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    /// Masking shifts: the checked `<<` / `>>` handle over-long shifts with branches the rounds cannot afford.
    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

extension SHA256.Digest: Codable {
    /// Encoded as its 64 hex digits, as results files have always held it.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let digest = SHA256.Digest(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a SHA-256 digest in hex: \(JSONValue.trim(text, 80))"))
        }
        self = digest
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

extension SHA256.Digest: CustomStringConvertible {
    public var description: String { hex }
}
