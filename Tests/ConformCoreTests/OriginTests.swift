import Testing
@testable import ConformCore

/// The one same-origin rule: what is one origin, what is another, and what has none.
@Suite struct OriginTests {
    @Test(arguments: [
        ("https://api.example.com/v1", "https://API.example.com:443/v2?x=1"),
        ("http://127.0.0.1/x", "HTTP://127.0.0.1:80"),
        ("http://[::1]:8080/a", "http://[::1]:8080?b"),
        ("https://user:pw@api.example.com/", "https://api.example.com#frag"),
        ("http://h:8080", "http://h:08080/"),
        // A backslash ends the authority, as browsers read it: the host is h, not evil.test.
        ("http://h/", "http://h\\@evil.test/"),
    ])
    func sameOrigin(a: String, b: String) {
        #expect(Origin.same(a, b), "\(a) vs \(b)")
    }

    @Test(arguments: [
        ("https://api.example.com/", "http://api.example.com/"),
        ("https://api.example.com/", "https://api.example.com:8443/"),
        ("https://api.example.com/", "https://api.example.com.evil.test/"),
        ("https://api.example.com/", "https://api.example.com@evil.test/"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8081/"),
        ("not a url", "not a url"),
        ("http:///path", "http:///path"),
        ("http://h:99999/", "http://h:99999/"),
        ("http://h:8x/", "http://h:8x/"),
    ])
    func notTheSameOrigin(a: String, b: String) {
        #expect(!Origin.same(a, b), "\(a) vs \(b)")
    }

    @Test func describesItselfWithTheDefaultPortExplicit() throws {
        #expect(Origin("https://API.example.com/v1")?.description == "https://api.example.com:443")
        #expect(Origin("http://[::1]:9/x")?.hostPort == "[::1]:9")
        #expect(Origin("http://h")?.hostPort == "h:80")
        #expect(Origin("ftp://h/x")?.port == 80)
        #expect(Origin("/relative") == nil)
        #expect(RedirectCheck.origin(of: "/relative") == "/relative")
    }
}
