import Foundation

/// A certificate authority and certificates made for the tests with the `openssl` command line, in a
/// temporary folder, once per test process: nothing secret is committed, and nothing outlives the machine.
///
/// | file | what |
/// |---|---|
/// | `ca.pem` | the test CA (trust it with `--cacert`) |
/// | `server.pem` / `server.key` | for `localhost` and `127.0.0.1`, signed by the CA |
/// | `expired.pem` / `expired.key` | the same names, expired yesterday |
/// | `wrong-host.pem` / `wrong-host.key` | for `other.invalid` only |
/// | `stranger.pem` / `stranger.key` | for `localhost` and `127.0.0.1`, signed by another CA |
/// | `client.pem` / `client.key` | a client certificate (mutual TLS), signed by the CA |
public struct TestPKI: Sendable {
    public let directory: String

    public var caCertificate: String { path("ca.pem") }
    public func certificate(_ name: String) -> String { path("\(name).pem") }
    public func key(_ name: String) -> String { path("\(name).key") }
    public func path(_ file: String) -> String { directory + "/" + file }

    /// A server identity from this PKI for a `LoopbackServer`.
    public func server(_ name: String = "server", clientCA: String? = nil, maxVersion: Int32? = nil) throws -> LoopbackTLS {
        try LoopbackTLS(certificate: certificate(name), key: key(name), clientCA: clientCA, maxVersion: maxVersion)
    }

    /// The PKI of this test process (made on first use, about a second).
    public static func shared() throws -> TestPKI { try made.get() }

    private static let made: Result<TestPKI, TestPKIError> = Result { () throws(TestPKIError) in try make() }

    private static func make() throws(TestPKIError) -> TestPKI {
        guard let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: FileManager.default.isExecutableFile) else {
            throw TestPKIError("the openssl command line is missing (apt-get install openssl)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-pki-\(getpid())-\(UUID().uuidString.prefix(8))").path
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw TestPKIError("cannot create \(dir)")
        }
        let pki = TestPKI(directory: dir)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for (ca, name) in [("ca", "Conform Test CA"), ("other-ca", "Somebody Else's CA")] {
            try run(openssl, ["req", "-x509"] + ec + ["-keyout", pki.path("\(ca).key"), "-out", pki.path("\(ca).pem"), "-days", "30",
                              "-subj", "/CN=\(name)", "-addext", "basicConstraints=critical,CA:TRUE",
                              "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        let leaves: [(name: String, names: String, days: Int, ca: String, usage: String)] = [
            ("server", "DNS:localhost,IP:127.0.0.1", 30, "ca", "serverAuth"),
            ("expired", "DNS:localhost,IP:127.0.0.1", -1, "ca", "serverAuth"),
            ("wrong-host", "DNS:other.invalid", 30, "ca", "serverAuth"),
            ("stranger", "DNS:localhost,IP:127.0.0.1", 30, "other-ca", "serverAuth"),
            ("client", "DNS:conform-client", 30, "ca", "clientAuth"),
        ]
        for leaf in leaves {
            let extensions = pki.path("\(leaf.name).ext")
            let text = "basicConstraints=CA:FALSE\nsubjectAltName=\(leaf.names)\nextendedKeyUsage=\(leaf.usage)\n"
            guard FileManager.default.createFile(atPath: extensions, contents: Data(text.utf8)) else { throw TestPKIError("cannot write \(extensions)") }
            try run(openssl, ["req"] + ec + ["-keyout", pki.key(leaf.name), "-out", pki.path("\(leaf.name).csr"), "-subj", "/CN=\(leaf.name)"])
            try run(openssl, ["x509", "-req", "-in", pki.path("\(leaf.name).csr"), "-CA", pki.path("\(leaf.ca).pem"),
                              "-CAkey", pki.path("\(leaf.ca).key"), "-CAcreateserial", "-CAserial", pki.path("\(leaf.ca).srl"),
                              "-out", pki.certificate(leaf.name), "-days", "\(leaf.days)", "-extfile", extensions])
        }
        return pki
    }

    private static func run(_ openssl: String, _ arguments: [String]) throws(TestPKIError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw TestPKIError("cannot run openssl: \(error)") }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPKIError("openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: said, as: UTF8.self))")
        }
    }
}

/// The test PKI or a TLS server could not be set up.
public struct TestPKIError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
