import ConformCore
import Foundation
import Testing
@testable import ConformRun

/// Redaction by value (every form) and by header name.
@Suite struct RedactorTests {
    let secret = "sk-live/abc+def 123"
    var redactor: Redactor {
        Redactor(secrets: [Secret(env: "OPENAI_API_KEY", value: secret)], headerNames: ["X-Custom-Auth"])
    }

    @Test func everyFormOfTheSecretIsReplaced() {
        let base64 = Data(secret.utf8).base64EncodedString()
        let text = """
            raw \(secret); encoded sk-live%2Fabc%2Bdef%20123; b64 \(base64); json "sk-live\\/abc+def 123"
            """
        let redacted = redactor.redact(text)
        #expect(redacted == #"raw $OPENAI_API_KEY; encoded $OPENAI_API_KEY; b64 $OPENAI_API_KEY; json "$OPENAI_API_KEY""#)
    }

    /// The spellings other servers echo a key in: Go's JSON (`\u0026`, `\u003c`), lower-case percent-encoding,
    /// a query that keeps `/`, form encoding, Python's ASCII-only JSON, HTML entities, a trimmed key.
    @Test(arguments: [
        ("Go JSON", #"{"error":"bad key sk-\u0026\u003cx\u003e/="}"#),
        ("Go JSON, escaped slash", #"{"error":"bad key sk-\u0026\u003cx\u003e\/="}"#),
        ("upper-case Go escapes", #"{"error":"bad key sk-\u0026\u003Cx\u003E/="}"#),
        ("lower-case percent", "url ?key=sk-%26%3cx%3e%2f%3d"),
        ("upper-case percent", "url ?key=sk-%26%3Cx%3E%2F%3D"),
        ("query keeps slash", "url ?key=sk-%26%3Cx%3E/%3D"),
        ("HTML entities", "<p>bad key sk-&amp;&lt;x&gt;/=</p>"),
    ])
    func hostileSpellingsAreReplaced(_ name: String, _ text: String) {
        let key = "sk-&<x>/="
        let r = Redactor(secrets: [Secret(env: "KEY", value: key)])
        let redacted = r.redact(text)
        #expect(redacted.contains("$KEY"), "\(name): \(redacted)")
        #expect(!redacted.contains("sk-"), "\(name): \(redacted)")
    }

    @Test func nonASCIIKeysInASCIIOnlyJSONAndFormEncodingAreReplaced() {
        let r = Redactor(secrets: [Secret(env: "KEY", value: "clé secrète 42")])
        #expect(r.redact(#"{"detail": "clé secrète 42"}"#) == #"{"detail": "$KEY"}"#)
        #expect(r.redact(#"{"detail": "cl\u00e9 secr\u00e8te 42"}"#) == #"{"detail": "$KEY"}"#)
        #expect(r.redact("q=cl%C3%A9+secr%C3%A8te+42") == "q=$KEY")
        #expect(r.redact("q=cl%c3%a9%20secr%c3%a8te%2042") == "q=$KEY")
    }

    @Test func aKeyWithSurroundingSpacesIsHiddenAlsoWhenTheServerTrimsIt() {
        let r = Redactor(secrets: [Secret(env: "KEY", value: "  sk-trim-me-9876 \n")])
        #expect(r.redact(#"{"echo": "sk-trim-me-9876"}"#) == #"{"echo": "$KEY"}"#)
    }

    @Test func headersAreRedactedByValueAndByName() {
        let headers = [
            Header("Authorization", "Bearer \(secret)"),
            Header("Cookie", "session=s3cr3t-session"),
            Header("Set-Cookie", "id=1; HttpOnly"),
            Header("X-Custom-Auth", "another-credential"),
            Header("Proxy-Authorization", "Basic dXNlcjpwYXNz"),
            Header("X-Request-Echo", "key=\(secret)"),
            Header("Content-Type", "application/json"),
        ]
        #expect(redactor.redact(headers: headers) == [
            Header("Authorization", "Bearer $OPENAI_API_KEY"),
            Header("Cookie", "[redacted]"),
            Header("Set-Cookie", "[redacted]"),
            Header("X-Custom-Auth", "[redacted]"),
            Header("Proxy-Authorization", "Basic [redacted]"),
            Header("X-Request-Echo", "key=$OPENAI_API_KEY"),
            Header("Content-Type", "application/json"),
        ])
    }

    @Test func shortSecretsAreHiddenByHeaderNameOnly() {
        let short = Redactor(secrets: [Secret(env: "K", value: "abc")], headerNames: ["x-api-key"])
        #expect(short.redact(headers: [Header("x-api-key", "abc")]) == [Header("x-api-key", "$K")])
        #expect(short.redact(headers: [Header("Authorization", "Bearer abc")]) == [Header("Authorization", "Bearer $K")])
        // By value, a three-letter secret would blank out every "abc" in every report: left alone.
        #expect(short.redact("the alphabet starts abc") == "the alphabet starts abc")
    }

    @Test func deliberatelyWrongKeyIsShownAsSent() {
        let redactor = Redactor(secrets: [Secret(env: "SGP_API_KEY", value: secret)], headerNames: ["x-api-key"],
                                publicValues: ["conform-wrong-key"])
        #expect(redactor.redact(header: "x-api-key", value: "conform-wrong-key") == "conform-wrong-key")
        #expect(redactor.redact(header: "x-api-key", value: "something-else") == "[redacted]")
    }

    @Test func longerSecretWinsOverOneItContains() {
        let redactor = Redactor(secrets: [Secret(env: "SHORT", value: "token"), Secret(env: "LONG", value: "token-extended")])
        #expect(redactor.redact("a token-extended b token") == "a $LONG b $SHORT")
    }

    @Test func excerptIsCutAfterRedactionSoNoSecretPrefixLeaks() {
        let redactor = Redactor(secrets: [Secret(env: "KEY", value: "0123456789abcdef")])
        let body = Array((String(repeating: "x", count: 10) + "0123456789abcdef tail").utf8)
        #expect(redactor.excerpt(body, characters: 14) == "xxxxxxxxxx$KEY")
        #expect(redactor.excerpt(body, characters: 12) == "xxxxxxxxxx$K")
        let response = HTTPResponse(status: 200, headers: [Header("Set-Cookie", "a=b")], body: body, url: "http://h/")
        let recorded = redactor.record(response, excerptCharacters: 100)
        #expect(recorded.bodySize == body.count)
        #expect(recorded.bodyExcerpt == "xxxxxxxxxx$KEY tail")
        #expect(recorded.headers == [Header("Set-Cookie", "[redacted]")])
    }

    @Test func invalidUTF8InABodyDoesNotBreakTheExcerpt() {
        let redactor = Redactor(secrets: [Secret(env: "KEY", value: "secret-value")])
        let body: [UInt8] = Array("ok ".utf8) + [0xFF, 0xFE, 0x00] + Array(" secret-value".utf8)
        #expect(redactor.excerpt(body, characters: 100) == "ok \u{FFFD}\u{FFFD}\u{0} $KEY")
    }
}
