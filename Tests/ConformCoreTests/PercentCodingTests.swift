import Foundation
import Testing
@testable import ConformCore

/// The one percent-coding and the one file-URI helper.
@Suite struct PercentCodingTests {
    @Test func encodingKeepsOnlyUnreservedCharacters() {
        #expect(PercentCoding.encode("a-b.c_d~e") == "a-b.c_d~e")
        #expect(PercentCoding.encode("a b/c?d=é&%") == "a%20b%2Fc%3Fd%3D%C3%A9%26%25")
    }

    @Test func decodingLeavesMalformedEscapesOrRefusesThemWhenStrict() {
        #expect(PercentCoding.decode("a%20b%2fc%C3%A9") == "a b/cé")
        #expect(PercentCoding.decode("100%") == "100%")
        #expect(PercentCoding.decode("%zz%4") == "%zz%4")
        #expect(PercentCoding.decode("x+y") == "x+y")
        #expect(PercentCoding.decode("x+y%2B", plusIsSpace: true) == "x y+")
        #expect(PercentCoding.decodeStrictly("/a%20b") == "/a b")
        #expect(PercentCoding.decodeStrictly("/a%zz") == nil)
        #expect(PercentCoding.decodeStrictly("%FF") == nil, "not UTF-8")
        for text in ["", "plain", "a b/c?d=é&%", "\u{1F600}"] { #expect(PercentCoding.decode(PercentCoding.encode(text)) == text) }
    }

    @Test func fileURIsRoundTrip() {
        #expect(FileURI.forPath("/tmp/a b/./c/../s#1.json") == "file:///tmp/a%20b/s%231.json")
        #expect(FileURI.path("file:///tmp/a%20b/s%231.json#/defs/x") == "/tmp/a b/s#1.json")
        #expect(FileURI.path("file://localhost/etc/x.json") == "/etc/x.json")
        #expect(FileURI.path("https://example.com/x.json") == nil)
        #expect(FileURI.forPath("rel.json") == "file://" + FileManager.default.currentDirectoryPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/rel.json")
    }
}
