import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Trust, names and identity over https, against loopback servers holding certificates of a CA made in the
/// test (`TestPKI`): each certificate problem fails the handshake with the problem spelled out, and each
/// setting that makes it pass is the one the user asked for.
@Suite struct TLSTrustTests {
    static func transport(_ tls: TLSConfiguration) -> SocketTransport { SocketTransport(configuration: .init(tls: tls)) }
    static func trusting(_ pki: TestPKI) -> TLSConfiguration { TLSConfiguration(trust: .custom(file: pki.caCertificate, directory: nil, source: "--cacert")) }

    /// A TLS server answering `{}` with a certificate from `identity`.
    static func server(_ identity: String, clientCA: String? = nil, maxVersion: Int32? = nil) throws -> LoopbackServer {
        let pki = try TestPKI.shared()
        return try LoopbackServer(tls: pki.server(identity, clientCA: clientCA, maxVersion: maxVersion)) { _, connection in
            connection.respond(status: 200, headers: [("Content-Type", "application/json")], body: "{}")
        }
    }

    static func reason(_ outcome: TransportOutcome) -> String? {
        if case .tls(let reason)? = outcome.error?.kind { return reason }
        return nil
    }

    @Test func theTestCAPassesWithCacertAndTheNameIsSentAsSNI() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("server")
        defer { server.stop() }
        let outcome = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: "https://localhost:\(server.port)/v1"), timeout: 5)
        #expect(outcome.response?.status == 200, "got \(outcome.error?.message ?? "")")
        #expect(server.serverNames == ["localhost"])
        // An IP address is matched against the certificate's IP SAN, and never sent as SNI (RFC 6066).
        let byAddress = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/v1"), timeout: 5)
        #expect(byAddress.response?.status == 200, "got \(byAddress.error?.message ?? "")")
        #expect(server.serverNames == ["localhost", nil])
    }

    @Test func anUnknownCAFailsWithTheProblemSpelledOut() async throws {
        let server = try Self.server("server")
        defer { server.stop() }
        // The system store does not hold the test CA.
        let outcome = await Self.transport(TLSConfiguration()).send(HTTPRequest(url: server.baseURL + "/v1"), timeout: 5)
        let error = try #require(outcome.error)
        #expect(error.message == "TLS handshake with 127.0.0.1:\(server.port) failed: certificate verify failed: unable to get local issuer certificate (its CA is not trusted: pass it with --cacert FILE, or set SSL_CERT_FILE)")
        #expect(server.requests.isEmpty, "nothing, credential included, is sent to a server that was not verified")
        #expect(!error.isRetryable)
    }

    @Test func aCertificateFromAnotherCAFailsEvenWithCacert() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("stranger")
        defer { server.stop() }
        let outcome = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(Self.reason(outcome)?.hasPrefix("certificate verify failed: unable to get local issuer certificate") == true, "got \(outcome.error?.message ?? "a response")")
        #expect(server.requests.isEmpty)
    }

    @Test func anExpiredCertificateFails() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("expired")
        defer { server.stop() }
        let outcome = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(Self.reason(outcome) == "certificate verify failed: certificate has expired", "got \(outcome.error?.message ?? "a response")")
    }

    @Test func aCertificateForAnotherNameFails() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("wrong-host")
        defer { server.stop() }
        let byName = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: "https://localhost:\(server.port)/"), timeout: 5)
        #expect(Self.reason(byName) == "certificate verify failed: hostname mismatch (the certificate does not name 'localhost')", "got \(byName.error?.message ?? "a response")")
        let byAddress = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(Self.reason(byAddress) == "certificate verify failed: IP address mismatch (the certificate does not name '127.0.0.1')", "got \(byAddress.error?.message ?? "a response")")
        #expect(server.requests.isEmpty)
    }

    @Test(arguments: ["stranger", "expired", "wrong-host"])
    func insecurePassesWhateverTheCertificate(identity: String) async throws {
        let server = try Self.server(identity)
        defer { server.stop() }
        let outcome = await Self.transport(TLSConfiguration(insecure: true)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(outcome.response?.status == 200, "got \(outcome.error?.message ?? "")")
    }

    @Test func aServerOlderThanTLS12IsRefused() async throws {
        let server = try Self.server("server", maxVersion: 0x0302)  // TLS1_1_VERSION
        defer { server.stop() }
        let pki = try TestPKI.shared()
        let outcome = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        let reason = try #require(Self.reason(outcome), "got \(outcome.error?.message ?? "a response")")
        #expect(reason.contains("protocol"), "got \(reason)")
        #expect(server.requests.isEmpty)
    }

    @Test func mutualTLSPassesWithTheClientCertificateAndFailsWithout() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("server", clientCA: pki.caCertificate)
        defer { server.stop() }
        var withIdentity = Self.trusting(pki)
        withIdentity.certificateFile = pki.certificate("client")
        withIdentity.privateKeyFile = pki.key("client")
        let given = await Self.transport(withIdentity).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(given.response?.status == 200, "got \(given.error?.message ?? "")")
        let missing = await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        let reason = try #require(Self.reason(missing), "got \(missing.error?.message ?? "a response")")
        #expect(reason.contains("certificate required") || reason.contains("handshake failure"), "got \(reason)")
        #expect(server.requests.count == 1)
    }

    @Test func unusableSettingsAreSetupErrorsNamingTheirSource() throws {
        let pki = try TestPKI.shared()
        let notPEM = pki.path("server.ext")
        let cases: [(TLSConfiguration, String)] = [
            (TLSConfiguration(trust: .custom(file: "/nonexistent/ca.pem", directory: nil, source: "--cacert")), "--cacert: cannot read the CA file '/nonexistent/ca.pem'"),
            (TLSConfiguration(trust: .custom(file: nil, directory: "/nonexistent", source: "SSL_CERT_DIR")), "SSL_CERT_DIR: '/nonexistent' is not a folder"),
            (TLSConfiguration(trust: .custom(file: notPEM, directory: nil, source: "SSL_CERT_FILE")), "SSL_CERT_FILE: no usable PEM certificate in '\(notPEM)'"),
            (TLSConfiguration(certificateFile: pki.certificate("client"), privateKeyFile: pki.key("server")),
             "--key '\(pki.key("server"))' does not belong to the certificate in --cert '\(pki.certificate("client"))'"),
            (TLSConfiguration(certificateFile: pki.certificate("client")), "--cert: no usable unencrypted PEM private key in '\(pki.certificate("client"))'"),
        ]
        for (configuration, expected) in cases {
            let problem = try #require(SocketTransport(configuration: .init(tls: configuration)).setupError, "no error for \(expected)")
            #expect(problem.message.hasPrefix(expected), "got \(problem.message)")
        }
        #expect(SocketTransport(configuration: .init(tls: Self.trusting(pki))).setupError == nil)
    }

    @Test func aTransportWithUnusableSettingsSendsNothingOverHTTPS() async throws {
        let server = try Self.server("server")
        defer { server.stop() }
        let broken = Self.transport(TLSConfiguration(trust: .custom(file: "/nonexistent/ca.pem", directory: nil, source: "--cacert")))
        let outcome = await broken.send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(outcome.error?.message == "request not sent: TLS settings: --cacert: cannot read the CA file '/nonexistent/ca.pem'")
        #expect(server.connections == 0)
    }

    @Test func trustFollowsCurlsOrder() {
        let env = ["CURL_CA_BUNDLE": "/b.pem", "SSL_CERT_FILE": "/f.pem", "SSL_CERT_DIR": "/d"]
        #expect(TLSConfiguration.resolve(cacert: "/c.pem", insecure: false, certificate: nil, key: nil, environment: env).trust
                == .custom(file: "/c.pem", directory: nil, source: "--cacert"))
        #expect(TLSConfiguration.resolve(cacert: nil, insecure: false, certificate: nil, key: nil, environment: env).trust
                == .custom(file: "/b.pem", directory: nil, source: "CURL_CA_BUNDLE"))
        #expect(TLSConfiguration.resolve(cacert: nil, insecure: false, certificate: nil, key: nil, environment: ["SSL_CERT_FILE": "/f.pem", "SSL_CERT_DIR": "/d"]).trust
                == .custom(file: "/f.pem", directory: "/d", source: "SSL_CERT_FILE and SSL_CERT_DIR"))
        #expect(TLSConfiguration.resolve(cacert: nil, insecure: false, certificate: nil, key: nil, environment: ["SSL_CERT_DIR": "/d", "CURL_CA_BUNDLE": ""]).trust
                == .custom(file: nil, directory: "/d", source: "SSL_CERT_DIR"))
        #expect(TLSConfiguration.resolve(cacert: nil, insecure: false, certificate: nil, key: nil, environment: [:]).trust == .system)
    }

    @Test func sslCertFileIsHonoured() async throws {
        let pki = try TestPKI.shared()
        let server = try Self.server("server")
        defer { server.stop() }
        let tls = TLSConfiguration.resolve(cacert: nil, insecure: false, certificate: nil, key: nil, environment: ["SSL_CERT_FILE": pki.caCertificate])
        let outcome = await Self.transport(tls).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5)
        #expect(outcome.response?.status == 200, "got \(outcome.error?.message ?? "")")
    }
}

extension TLSTrustTests {
    @Test func aServerThatClosesDuringTheHandshakeIsNamed() async throws {
        let pki = try TestPKI.shared()
        let tls = try pki.server()
        tls.handshake = .closeAfterHello
        let server = try LoopbackServer(tls: tls) { _, _ in }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 5) }
        #expect(outcome.error?.message == "TLS handshake with 127.0.0.1:\(server.port) failed: the server closed the connection during the handshake")
        #expect(seconds < 5)
    }

    @Test func aServerThatStallsTheHandshakeTimesOut() async throws {
        let pki = try TestPKI.shared()
        let tls = try pki.server()
        tls.handshake = .stall
        let server = try LoopbackServer(tls: tls) { _, _ in }
        defer { server.stop() }
        let (outcome, seconds) = await timed { await Self.transport(Self.trusting(pki)).send(HTTPRequest(url: server.baseURL + "/"), timeout: 1) }
        #expect(outcome.error?.message == "no response from 127.0.0.1:\(server.port) within 1 s")
        #expect(seconds >= 0.9 && seconds < 10)  // the handshake would stall until the server stops
    }
}
