import ConformCore
import ConformTestSupport
import CZlib
import Foundation
import Testing
@testable import ConformRun

/// A server that compresses its answer although Conform asked for `identity`: read like curl `--compressed` reads
/// it, over http and https, with the body cap holding for the decoded size; a stream that does not decode is a
/// failure of the answer, named.
@Suite struct ContentEncodingTests {
    static let json = #"{"items": [{"id": "m1", "name": "one"}, {"id": "m2", "name": "two"}], "total": 2}"#

    /// `bytes` compressed by zlib: `windowBits` 31 gzip, 15 zlib-wrapped deflate, -15 raw deflate.
    static func compress(_ bytes: [UInt8], windowBits: Int32) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return -1 }
                return output.count - Int(stream.avail_out)
            }
        }
        return produced < 0 ? [] : Array(out[..<produced])
    }

    static func gzip(_ text: String) -> [UInt8] { compress(Array(text.utf8), windowBits: 31) }

    /// A server answering every request with `body` as it is, under `headers`.
    static func server(_ kind: TransportKind, body: [UInt8], headers: [(String, String)], chunked: Bool = false) throws -> LoopbackServer {
        try kind.server { _, connection in
            var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            if chunked {
                head += "Transfer-Encoding: chunked\r\n\r\n"
                var wire = Array(head.utf8)
                var offset = 0
                while offset < body.count {  // small chunks, so a chunk boundary falls inside the gzip stream
                    let n = min(7, body.count - offset)
                    wire += Array("\(String(n, radix: 16))\r\n".utf8) + body[offset..<(offset + n)] + Array("\r\n".utf8)
                    offset += n
                }
                connection.write(wire + Array("0\r\n\r\n".utf8))
            } else {
                connection.write(Array((head + "Content-Length: \(body.count)\r\n\r\n").utf8) + body)
            }
        }
    }

    static let codings: [(name: String, header: String, body: [UInt8])] = [
        ("gzip", "gzip", gzip(json)),
        ("x-gzip", "x-gzip", gzip(json)),
        ("deflate (zlib, as RFC 9110 means it)", "deflate", compress(Array(json.utf8), windowBits: 15)),
        ("deflate (raw, as some servers send it)", "Deflate", compress(Array(json.utf8), windowBits: -15)),
        ("gzip twice, listed in the order applied", "gzip, identity, gzip", compress(gzip(json), windowBits: 31)),
        ("two gzip members, one after the other", "gzip",
         gzip(String(json.prefix(20))) + gzip(String(json.dropFirst(20)))),
    ]

    @Test(arguments: TransportKind.allCases, [false, true])
    func aCompressedAnswerIsReadDecoded(kind: TransportKind, chunked: Bool) async throws {
        for coding in Self.codings {
            let server = try Self.server(kind, body: coding.body, headers: [("Content-Encoding", coding.header)], chunked: chunked)
            defer { server.stop() }
            let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/v1/models"), timeout: 5)
            let response = try #require(outcome.response, "\(coding.name): \(outcome.error?.message ?? "")")
            #expect(String(decoding: response.body, as: UTF8.self) == Self.json, "\(coding.name)")
            #expect(response.header("Content-Encoding") == coding.header, "the header is reported as the server sent it")
            #expect(server.requests.first?.header("Accept-Encoding") == "identity", "Conform still asks for identity")
        }
    }

    static let broken: [(name: String, header: String, body: [UInt8], why: String?)] = {
        let whole = gzip(json)
        var corrupt = whole
        corrupt[12] ^= 0xFF
        return [
            ("cut short", "gzip", Array(whole.dropLast(12)), "the gzip stream ends early, after \(whole.count - 12) bytes"),
            ("bytes after the stream", "gzip", whole + Array("trailing".utf8), "8 bytes after the end of the gzip stream"),
            ("not gzip at all", "gzip", Array(json.utf8), "incorrect header check"),
            ("a corrupt block", "gzip", corrupt, nil),
            ("an encoding Conform does not read", "br", Array(json.utf8), nil),
        ]
    }()

    @Test(arguments: TransportKind.allCases)
    func aStreamThatDoesNotDecodeIsNamed(kind: TransportKind) async throws {
        for case_ in Self.broken {
            let server = try Self.server(kind, body: case_.body, headers: [("Content-Encoding", case_.header)])
            defer { server.stop() }
            let outcome = await kind.make().send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
            let error = try #require(outcome.error, "\(case_.name): decoded to \(outcome.response.map { String(decoding: $0.body, as: UTF8.self) } ?? "")")
            guard case .undecodableBody(let coding, let why) = error.kind else {
                Issue.record("\(case_.name): \(error.kind)"); continue
            }
            #expect(coding == case_.header.lowercased(), "\(case_.name)")
            if case_.header == "br" {
                #expect(why == nil)
                #expect(error.message == "response body from 127.0.0.1:\(server.port) is sent as Content-Encoding br, which Conform does not read (it asks for identity, and reads gzip and deflate)")
            } else if let expected = case_.why {
                #expect(why == expected, "\(case_.name)")
            } else {
                #expect(why?.isEmpty == false, "\(case_.name)")
            }
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aSmallBombStopsAtTheCapDecoded(kind: TransportKind) async throws {
        // 64 MiB of spaces are ≈ 64 KiB gzipped: under an 8 MiB cap as sent, far over it decoded.
        let bomb = Self.compress([UInt8](repeating: UInt8(ascii: " "), count: 64 << 20), windowBits: 31)
        #expect(bomb.count < 1 << 20)
        let server = try Self.server(kind, body: bomb, headers: [("Content-Encoding", "gzip")])
        defer { server.stop() }
        let cap = 8 << 20
        let outcome = await kind.make(TransportConfiguration(maxBodyBytes: cap)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 10)
        let error = try #require(outcome.error)
        guard case .bodyTooLarge(let limit, let received) = error.kind else { Issue.record("\(error.kind)"); return }
        #expect(limit == cap)
        #expect(received > cap && received <= cap + (64 << 10), "stopped within one output window past the cap")
    }

    /// `--compressed` asks for gzip or deflate where a case sets no `Accept-Encoding`, as curl `--compressed` does;
    /// a server that compresses only when asked is then read decoded, and the curl line says `--compressed`.
    @Test(arguments: [false, true])
    func compressedAsksForCompressionAndReproducesIt(compressed: Bool) async throws {
        let server = try TransportKind.http.server { request, connection in
            let asked = request.header("Accept-Encoding")?.contains("gzip") == true
            let body = asked ? Self.gzip(Self.json) : Array(Self.json.utf8)
            var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
            if asked { head += "Content-Encoding: gzip\r\n" }
            connection.write(Array((head + "\r\n").utf8) + body)
        }
        defer { server.stop() }
        var suite = try RunnerFixture.suite(cases: [RunnerFixture.listCase()])
        suite.baseURL = server.baseURL + "/api"
        var options = RunnerFixture.options()
        options.compressed = compressed
        let result = await RunnerFixture.run(suite, transport: TransportKind.http.make(), options: options)
        let c = try #require(result.suites.first?.cases.first)
        #expect(c.checks.allSatisfy { $0.status == .passed }, "\(c.checks.map { "\($0.name): \($0.status)" })")
        #expect(server.requests.first?.header("Accept-Encoding") == (compressed ? "gzip, deflate" : "identity"))
        #expect(c.curl?.hasSuffix(" --compressed") == compressed, "\(c.curl ?? "")")
    }

    @Test func aRunReadsACompressedAnswerAndFailsOneThatDoesNotDecode() async throws {
        for (body, passes) in [(Self.gzip(Self.json), true), (Array(Self.gzip(Self.json).dropLast(12)), false)] {
            let server = try Self.server(.http, body: body, headers: [("Content-Encoding", "gzip")])
            defer { server.stop() }
            var suite = try RunnerFixture.suite(cases: [RunnerFixture.listCase()])
            suite.baseURL = server.baseURL + "/api"
            let result = await RunnerFixture.run(suite, transport: TransportKind.http.make())
            let checks = try #require(result.suites.first?.cases.first?.checks)
            let json = try #require(checks.first { $0.check == CheckKind.json.id })
            if passes {
                #expect(checks.allSatisfy { $0.status == .passed }, "\(checks.map { "\($0.name): \($0.status)" })")
            } else {
                // The server's answer is unreadable by its own header: a failure of the answer, not an error of the run.
                #expect(json.status == .failed)
                #expect(json.findings.first?.title == "body does not decode")
                #expect(json.findings.first?.actual == "Content-Encoding gzip: the gzip stream ends early, after \(body.count) bytes")
                #expect(!checks.contains { $0.status == .error })
            }
        }
    }
}
