import ConformCore
import ConformTestSupport
import Foundation
import Testing

/// `conform run` against https servers on loopback with certificates of a CA made in the test: a hostile
/// close inside the response head is a named error with every report written (it used to kill the process),
/// trust is what the flags say, `--insecure` is flagged in every output, and a credential that cannot be sent
/// stops the run before a single connection is opened.
@Suite struct TLSEndToEndTests {
    static let suite = ReportValidation.packageRoot.appendingPathComponent("suites/openai-list-models.json").path
    static let key = "sk-tls-e2e-0123456789abcdef"

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-tls-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ url: URL) -> String { String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self) }

    /// The OpenAI list answered correctly.
    static func models(_ identity: String) throws -> LoopbackServer {
        try LoopbackServer(tls: TestPKI.shared().server(identity)) { _, connection in
            connection.respond(status: 200, headers: [("Content-Type", "application/json")],
                               body: #"{"object":"list","data":[{"id":"m-1","object":"model","created":1700000000,"owned_by":"org"}]}"#)
        }
    }

    @Test func aCloseInsideTheResponseHeadIsANamedErrorAndEveryReportIsWritten() async throws {
        let pki = try TestPKI.shared()
        let server = try LoopbackServer(tls: pki.server()) { _, connection in connection.write("HTTP/1.1 200 OK\r\n") }
        defer { server.stop() }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (junit, markdown, json) = (dir.appendingPathComponent("j.xml"), dir.appendingPathComponent("r.md"), dir.appendingPathComponent("r.json"))
        let run = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1", "--cacert", pki.caCertificate, "--retries", "0",
                                          "--junit", junit.path, "--markdown", markdown.path, "--json", json.path],
                                         environment: ["OPENAI_API_KEY": Self.key], withKey: false)
        #expect(run.exitCode == 3, "\(run.stdout)\(run.stderr)")
        let named = "connection to 127.0.0.1:\(server.port) closed inside the response head (after 17 bytes of it)"
        #expect(run.stdout.contains(named), "\(run.stdout)")
        for report in [junit, markdown, json] { #expect(Self.read(report).contains(named), "\(report.lastPathComponent)") }
        ReportValidation.junit(junit.path)
        #expect(!run.stdout.contains(Self.key) && !Self.read(json).contains(Self.key))
        #expect(!server.requests.isEmpty)
    }

    @Test func anUnknownCAFailsAndCacertPasses() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.models("server")
        defer { server.stop() }
        let untrusted = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1", "--retries", "0"],
                                               environment: ["OPENAI_API_KEY": Self.key], withKey: false)
        #expect(untrusted.exitCode == 3, "\(untrusted.stdout)\(untrusted.stderr)")
        #expect(untrusted.stdout.contains("TLS handshake with 127.0.0.1:\(server.port) failed: certificate verify failed: unable to get local issuer certificate"), "\(untrusted.stdout)")
        #expect(server.requests.isEmpty, "no request, so no credential, reached a server that was not verified")
        for trust in [["--cacert", pki.caCertificate]] {
            let trusted = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1"] + trust,
                                                 environment: ["OPENAI_API_KEY": Self.key], withKey: false)
            #expect(trusted.exitCode != 3 && trusted.exitCode != 2, "\(trusted.stdout)\(trusted.stderr)")
            #expect(!trusted.stdout.contains("TLS handshake"))
        }
        let viaEnvironment = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1"],
                                                    environment: ["OPENAI_API_KEY": Self.key, "SSL_CERT_FILE": pki.caCertificate], withKey: false)
        #expect(!viaEnvironment.stdout.contains("TLS handshake"), "\(viaEnvironment.stdout)")
        #expect(!server.requests.isEmpty)
    }

    @Test func insecureIsShownInEveryOutput() async throws {
        let server = try Self.models("stranger")
        defer { server.stop() }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (junit, markdown, json) = (dir.appendingPathComponent("j.xml"), dir.appendingPathComponent("r.md"), dir.appendingPathComponent("r.json"))
        let run = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1", "--insecure",
                                          "--junit", junit.path, "--markdown", markdown.path, "--json", json.path],
                                         environment: ["OPENAI_API_KEY": Self.key], withKey: false)
        #expect(run.exitCode != 2 && run.exitCode != 3, "\(run.stdout)\(run.stderr)")
        let warning = "INSECURE: TLS certificates and host names were NOT verified (--insecure)"
        #expect(run.stderr.contains("warning: " + warning))
        #expect(run.stdout.contains(warning))
        #expect(Self.read(junit).contains(#"<property name="conform.tls" value="\#(warning)"/>"#))
        #expect(Self.read(markdown).contains("> **⚠ \(warning)**"))
        let results = try JSONParser.parse(Self.read(json))
        #expect(results["insecureTLS"] == .bool(true))
        ReportValidation.junit(junit.path)
        ReportValidation.json(json.path)
        // Without the flag, none of it.
        let plain = try await ConformProcess.run(["run", Self.suite, "--base-url", "http://127.0.0.1:9/v1", "--retries", "0", "--json", json.path],
                                           environment: ["OPENAI_API_KEY": Self.key], withKey: false)
        #expect(!plain.stdout.contains("INSECURE") && !plain.stderr.contains("INSECURE"))
        #expect(try JSONParser.parse(Self.read(json))["insecureTLS"] == nil)
    }

    @Test func anUnsendableCredentialOpensNoConnection() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.models("server")
        defer { server.stop() }
        let run = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1", "--cacert", pki.caCertificate],
                                         environment: ["OPENAI_API_KEY": Self.key + "\n"], withKey: false)
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("OPENAI_API_KEY") && run.stderr.contains("a line feed at character 28"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was sent"))
        #expect(server.connections == 0, "not even a TLS handshake")
        #expect(!run.stderr.contains(Self.key))
    }

    @Test(arguments: [
        (["--cacert", "/nonexistent/ca.pem"], [String: String](), "error: --cacert: cannot read the CA file '/nonexistent/ca.pem'; nothing was sent"),
        ([], ["SSL_CERT_FILE": "/nonexistent/bundle.pem"], "error: SSL_CERT_FILE: cannot read the CA file '/nonexistent/bundle.pem'; nothing was sent"),
        (["--key", "k.pem"], [:], "error: --key needs --cert (the client certificate the key belongs to)"),
        ([], ["HTTPS_PROXY": "socks5://user:pw-e2e-secret@proxy:1080"], "error: HTTPS_PROXY: socks5:// proxies are not supported (only http:// proxies, with CONNECT for https); nothing was sent"),
    ])
    func unusableTLSOrProxySettingsStopTheRunBeforeSending(flags: [String], environment: [String: String], message: String) async throws {
        let server = try Self.models("server")
        defer { server.stop() }
        var env = environment
        env["OPENAI_API_KEY"] = Self.key
        let run = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1"] + flags, environment: env, withKey: false)
        #expect(run.exitCode == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!run.stderr.contains("pw-e2e-secret"))
        #expect(server.connections == 0)
    }

    @Test func httpsThroughAProxyTunnel() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.models("server")
        defer { server.stop() }
        let proxy = try LoopbackProxy()
        defer { proxy.stop() }
        let run = try await ConformProcess.run(["run", Self.suite, "--base-url", server.baseURL + "/v1", "--cacert", pki.caCertificate],
                                         environment: ["OPENAI_API_KEY": Self.key, "HTTPS_PROXY": proxy.url], withKey: false)
        #expect(run.exitCode != 2 && run.exitCode != 3, "\(run.stdout)\(run.stderr)")
        #expect(!proxy.requests.isEmpty && proxy.requests.allSatisfy { $0.method == "CONNECT" && $0.target == "127.0.0.1:\(server.port)" })
        #expect(server.requests.count == proxy.requests.count)
    }
}
