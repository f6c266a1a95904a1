import Testing
@testable import ConformCore

/// SHA-256 against the FIPS 180-2 test vectors (appendix B) and the empty message.
@Suite struct SHA256Tests {
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var message: [UInt8]
        var digest: String
        var description: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "empty", message: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "B.1 abc", message: Array("abc".utf8), digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "B.2 448 bits", message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "B.3 one million a", message: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
               digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        // 55 and 56 bytes: the padding boundary where the length no longer fits in the first block.
        Vector(name: "55 bytes", message: [UInt8](repeating: UInt8(ascii: "a"), count: 55),
               digest: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        Vector(name: "56 bytes", message: [UInt8](repeating: UInt8(ascii: "a"), count: 56),
               digest: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    ]

    @Test(arguments: vectors)
    func digestMatchesTheStandard(_ v: Vector) {
        #expect(SHA256.hex(v.message) == v.digest)
    }

    @Test func oneBitOfDifferenceChangesTheDigest() {
        #expect(SHA256.hex(Array("abc".utf8)) != SHA256.hex(Array("abd".utf8)))
        #expect(SHA256.digest(Array("abc".utf8)).count == 32)
    }
}

/// The system's SHA-256 (what `SHA256.sum` uses) and the portable rounds agree, across every tail length
/// around the block and padding boundaries.
@Suite struct SHA256ImplementationTests {
    @Test func systemAndPortableDigestsAgree() {
        var bytes: [UInt8] = []
        for n in 0...300 {
            bytes.append(UInt8(truncatingIfNeeded: n &* 131 &+ 7))
            bytes.withUnsafeBytes { #expect(SHA256.sum($0) == SHA256.portableSum($0), "length \(n + 1)") }
        }
        [UInt8]().withUnsafeBytes { #expect(SHA256.portableSum($0).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") }
    }

    @Test func digestReadsBackFromItsHex() {
        let d = SHA256.digest(of: Array("abc".utf8))
        #expect(SHA256.Digest(hex: d.hex) == d)
        #expect(SHA256.Digest(hex: d.hex.uppercased()) == d)
        #expect(d.hexPrefix(16) == "ba7816bf8f01cfea")
        #expect(SHA256.Digest(hex: String(d.hex.dropLast())) == nil)
        #expect(SHA256.Digest(hex: d.hex + "0") == nil)
        #expect(SHA256.Digest(hex: "g" + d.hex.dropFirst()) == nil)
        #expect(d.bytes.count == 32 && d.bytes.first == 0xba && d.bytes.last == 0xad)
    }
}
