import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Proxies from the environment, as curl reads them, against a loopback forward proxy: https through a
/// CONNECT tunnel (TLS end to end), http in absolute form, `NO_PROXY` bypassing, credentials never printed.
@Suite struct ProxyTests {
    static let secret = "sk-proxy-test-0123456789"

    static func transport(_ environment: [String: String], kind: TransportKind) throws -> any Transport {
        kind.make(.init(proxy: try ProxySettings.from(environment: environment)))
    }

    static func echo(_ kind: TransportKind) throws -> LoopbackServer {
        try kind.server { request, connection in
            connection.respond(status: 200, headers: [("Content-Type", "application/json"), ("X-Seen-Key", request.header("x-api-key") ?? "")], body: "{}")
        }
    }

    @Test func httpsGoesThroughACONNECTTunnel() async throws {
        let server = try Self.echo(.https)
        defer { server.stop() }
        let proxy = try LoopbackProxy()
        defer { proxy.stop() }
        let transport = try Self.transport(["HTTPS_PROXY": proxy.url], kind: .https)
        let request = HTTPRequest(url: server.baseURL + "/v1/models?limit=2", headers: [Header("x-api-key", Self.secret)])
        let response = try #require(await transport.send(request, timeout: 5).response)
        #expect(response.status == 200)
        #expect(response.header("X-Seen-Key") == Self.secret, "the credential reached the server, through the tunnel")
        #expect(proxy.requests.map { "\($0.method) \($0.target)" } == ["CONNECT 127.0.0.1:\(server.port)"])
        #expect(server.requests.map(\.target) == ["/v1/models?limit=2"])
    }

    @Test func httpIsSentInAbsoluteFormAndUpperCaseHTTPProxyIsIgnored() async throws {
        let server = try Self.echo(.http)
        defer { server.stop() }
        let proxy = try LoopbackProxy()
        defer { proxy.stop() }
        let ignored = try Self.transport(["HTTP_PROXY": proxy.url], kind: .http)
        #expect(await ignored.send(HTTPRequest(url: server.baseURL + "/a"), timeout: 5).response?.status == 200)
        #expect(proxy.requests.isEmpty, "curl reads only lower-case http_proxy (HTTP_PROXY can come from a CGI request's Proxy: header)")
        let transport = try Self.transport(["http_proxy": proxy.url], kind: .http)
        #expect(await transport.send(HTTPRequest(url: server.baseURL + "/b?x=1"), timeout: 5).response?.status == 200)
        #expect(proxy.requests.map { "\($0.method) \($0.target)" } == ["GET http://127.0.0.1:\(server.port)/b?x=1"])
        #expect(server.requests.map(\.target) == ["/a", "/b?x=1"])
    }

    @Test(arguments: ["127.0.0.1", "*", "example.com, 127.0.0.0/8", "localhost,127.0.0.1:443"])
    func noProxyBypassesTheProxy(noProxy: String) async throws {
        let server = try Self.echo(.https)
        defer { server.stop() }
        let proxy = try LoopbackProxy()
        defer { proxy.stop() }
        let transport = try Self.transport(["https_proxy": proxy.url, "NO_PROXY": noProxy], kind: .https)
        #expect(await transport.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5).response?.status == 200)
        #expect(proxy.requests.isEmpty)
    }

    @Test func proxyCredentialsAreSentToTheProxyAndNeverPrinted() async throws {
        let server = try Self.echo(.https)
        defer { server.stop() }
        let proxy = try LoopbackProxy(requiredAuthorization: "Basic " + Data("proxy-user:p@ss-9x".utf8).base64EncodedString())
        defer { proxy.stop() }
        let good = try Self.transport(["HTTPS_PROXY": "http://proxy-user:p%40ss-9x@127.0.0.1:\(proxy.port)"], kind: .https)
        #expect(await good.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5).response?.status == 200)
        let bad = try Self.transport(["HTTPS_PROXY": "http://proxy-user:wrong-pw-7q@127.0.0.1:\(proxy.port)"], kind: .https)
        let error = try #require(await bad.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5).error)
        #expect(error.message == "proxy 127.0.0.1:\(proxy.port) (HTTPS_PROXY) for 127.0.0.1:\(server.port): refused the tunnel (CONNECT 127.0.0.1:\(server.port) answered 407) (proxy authentication required: put user:password in the proxy URL)")
        #expect(!error.message.contains("wrong-pw") && !error.message.contains("proxy-user"))
        #expect(server.requests.count == 1, "the refused tunnel reached nothing")
    }

    @Test func aProxyThatIsNotThereIsAProxyError() async throws {
        let port = try LoopbackServer.refusingPort()
        let transport = try Self.transport(["https_proxy": "http://u:secret-pw@127.0.0.1:\(port)"], kind: .https)
        let error = try #require(await transport.send(HTTPRequest(url: "https://127.0.0.1:9/"), timeout: 5).error)
        #expect(error.message == "proxy 127.0.0.1:\(port) (https_proxy) for 127.0.0.1:9: connection refused")
    }

    @Test func theBodyCapAndTimeoutHoldThroughTheTunnel() async throws {
        let box = ServerBox()
        let server = try TransportKind.https.server { _, _ in hang(box.server) }
        box.server = server
        defer { server.stop() }
        let proxy = try LoopbackProxy()
        defer { proxy.stop() }
        let transport = try Self.transport(["HTTPS_PROXY": proxy.url], kind: .https)
        let (outcome, seconds) = await timed { await transport.send(HTTPRequest(url: server.baseURL + "/"), timeout: 1) }
        #expect(outcome.error?.kind == .timedOut(seconds: 1))
        #expect(seconds < 10)  // the server would hang 20 s: 10 s tells them apart on a loaded CI machine
    }

    @Test func settingsAreReadAsCurlReadsThem() throws {
        let settings = try ProxySettings.from(environment: [
            "https_proxy": "proxy.corp:3128", "HTTPS_PROXY": "http://ignored:1", "http_proxy": "http://u:p@[::1]:8080",
            "no_proxy": ".internal.example, 10.0.0.0/8 ,[::2]:443",
        ])
        #expect(settings.https?.endpoint == "proxy.corp:3128")
        #expect(settings.https?.source == "https_proxy")
        #expect(settings.http?.endpoint == "[::1]:8080")
        #expect(settings.http?.authorization == "Basic " + Data("u:p".utf8).base64EncodedString())
        #expect(settings.bypass == ["internal.example", "10.0.0.0/8", "::2"])
        #expect(settings.secrets == [Secret(env: "http_proxy", value: "p")], "the proxy password is redacted like a credential")
        #expect(settings.bypasses("internal.example") && settings.bypasses("api.internal.example") && settings.bypasses("10.1.2.3"))
        #expect(!settings.bypasses("notinternal.example") && !settings.bypasses("11.0.0.1") && !settings.bypasses("example"))
        #expect(settings.proxy(scheme: "https", host: "api.internal.example") == nil)
        #expect(settings.proxy(scheme: "https", host: "api.openai.com")?.port == 3128)
        #expect(try ProxySettings.from(environment: ["ALL_PROXY": "http://p:1"]).http?.source == "ALL_PROXY")
        #expect(try ProxySettings.from(environment: ["http_proxy": "http://p"]).http?.port == 1080)
        #expect(try ProxySettings.from(environment: [:]) == .none)
    }

    @Test(arguments: [("socks5://u:pw-secret@p:1080", "HTTPS_PROXY: socks5:// proxies are not supported (only http:// proxies, with CONNECT for https)"),
                      ("https://u:pw-secret@p:443", "HTTPS_PROXY: https:// proxies are not supported (only http:// proxies, with CONNECT for https)"),
                      ("http://u:pw-secret@p:3128/path", "HTTPS_PROXY must be http://[user:password@]host[:port] without a path")])
    func unusableProxyVariablesAreErrorsThatDoNotShowTheValue(value: String, message: String) {
        #expect(throws: ProxySettings.SetupError(message: message)) { try ProxySettings.from(environment: ["HTTPS_PROXY": value]) }
    }
}

extension ProxyTests {
    /// A proxy that passes its `Proxy-Authorization` on to a server that echoes it: the password is redacted.
    @Test func anEchoedProxyPasswordIsRedacted() async throws {
        let settings = try ProxySettings.from(environment: ["http_proxy": "http://ci:proxy-pass-5521@127.0.0.1:1"])
        let redactor = Redactor(secrets: settings.secrets, headerNames: [])
        let response = HTTPResponse(status: 200, headers: [], body: Array(#"{"seen":"ci:proxy-pass-5521"}"#.utf8), url: "http://x/")
        let recorded = redactor.record(response)
        #expect(!recorded.bodyExcerpt.contains("proxy-pass-5521"))
        #expect(recorded.bodyExcerpt.contains("$http_proxy"))
    }
}
