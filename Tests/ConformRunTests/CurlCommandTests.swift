import ConformCore
import Testing
@testable import ConformRun

/// Curl reproductions: quoting that reads back exactly, and `$ENV_VAR` left to expand.
@Suite struct CurlCommandTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", "''"),
        ("a b", "'a b'"),
        ("it's", #"'it'\''s'"#),
        ("https://h/v5/models?limit=1001&x=y", "'https://h/v5/models?limit=1001&x=y'"),
        ("x-api-key: $SGP_API_KEY", #""x-api-key: $SGP_API_KEY""#),
        ("Authorization: Bearer $OPENAI_API_KEY", #""Authorization: Bearer $OPENAI_API_KEY""#),
        ("k: $SGP_API_KEY $HOME `id` \"q\" \\ !", #""k: $SGP_API_KEY \$HOME \`id\` \"q\" \\ "'!'"""#),
        ("k: $SGP_API_KEY2", "'k: $SGP_API_KEY2'"),
        ("cost $5", "'cost $5'"),
        ("café", "'café'"),
        ("e\u{301}", "'e\u{301}'"),
        ("a,b.c-d_e/f=g@h%2F+i", "a,b.c-d_e/f=g@h%2F+i"),
        ("tab\there", "'tab\there'"),
    ])
    func quoting(argument: String, expected: String) {
        #expect(CurlCommand.quote(argument, envNames: ["SGP_API_KEY", "OPENAI_API_KEY"]) == expected)
    }

    @Test func fullCommandFromARedactedRequest() {
        let redactor = Redactor(secrets: [Secret(env: "SGP_API_KEY", value: "sk-real-secret-1")], headerNames: ["x-api-key"])
        let request = HTTPRequest(url: "https://api.example.com/v5/models?limit=1001",
                                  headers: [Header("x-api-key", "sk-real-secret-1")]).withDefaultHeaders()
        let command = CurlCommand.render(redactor.record(request), envNames: redactor.envNames)
        #expect(command == #"curl -sS -X GET 'https://api.example.com/v5/models?limit=1001' -H "x-api-key: $SGP_API_KEY" -H 'Accept: application/json'"#)
        #expect(!command.contains("sk-real-secret-1"))
    }

    /// A case that asks for compression (`headers: {"Accept-Encoding": "gzip"}`) is reproduced with `--compressed`,
    /// so curl asks for it too and decodes what comes back, as Conform does.
    @Test(arguments: [("gzip", true), ("gzip, deflate", true), ("br;q=0.5", true), ("*", true), ("identity", false),
                      ("gzip;q=0, identity", false), ("GZIP;Q=0", false)])
    func compressionAskedForIsAskedForByCurl(acceptEncoding: String, compressed: Bool) {
        let request = HTTPRequest(url: "http://h/m", headers: [Header("Accept-Encoding", acceptEncoding)]).withDefaultHeaders()
        let command = CurlCommand.render(Redactor(secrets: [], headerNames: []).record(request))
        #expect(command == "curl -sS -X GET 'http://h/m' -H 'Accept: application/json'" + (compressed ? " --compressed" : ""))
    }

    @Test func bodyIsQuotedToo() {
        let request = RecordedRequest(method: "POST", url: "http://127.0.0.1:8080/x", headers: [Header("Content-Type", "application/json")])
        #expect(CurlCommand.render(request, body: #"{"a":"it's"}"#) ==
            #"curl -sS -X POST 'http://127.0.0.1:8080/x' -H 'Content-Type: application/json' --data-binary '{"a":"it'\''s"}'"#)
    }
}
