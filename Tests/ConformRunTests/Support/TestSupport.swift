import ConformCore
import ConformTestSupport
import Foundation
import Testing
@testable import ConformRun

/// Seconds elapsed while running `body`.
func timed<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> (T, Double) {
    // On an executor of its own: the duration is the transport's, not the time spent queued behind other tests.
    try await promptly {
        let start = ContinuousClock.now
        let value = try await body()
        return (value, RetryingTransport.seconds(ContinuousClock.now - start))
    }
}

/// A `/proc/self/status` field in bytes (`VmRSS`, `VmHWM`); nil off Linux.
func procStatusBytes(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
    return nil
}

/// Resets the peak RSS (`VmHWM`) to the current RSS (Linux ≥ 4.0), so a later `VmHWM` reading is this
/// test's peak, not one left by an earlier test. False when the kernel does not allow it.
func resetPeakRSS() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
}

extension TransportOutcome {
    var response: HTTPResponse? { if case .success(let r) = self { return r }; return nil }
    var error: TransportError? { if case .failure(let e) = self { return e }; return nil }
}

/// Blocks a handler thread until the server stops (or `limit` seconds pass): a server that never answers.
func hang(_ server: @autoclosure () -> LoopbackServer?, limit: Double = 20) {
    let end = Date().addingTimeInterval(limit)
    while Date() < end, !(server()?.isStopped ?? true) { usleep(20_000) }
}

/// The two schemes of Conform's one client; every hostile-server test runs over both, so http and https keep
/// one set of guarantees. https servers present a certificate of the test's own CA (`TestPKI`), which the
/// transport trusts the way `--cacert` does.
enum TransportKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case http, https

    var testDescription: String { rawValue }
    var scheme: String { rawValue }

    /// The network transport for this scheme (the test CA trusted for https).
    func make(_ configuration: TransportConfiguration = .init()) -> any Transport {
        var configuration = configuration
        if self == .https, let pki = try? TestPKI.shared() {
            configuration.tls = TLSConfiguration(trust: .custom(file: pki.caCertificate, directory: nil, source: "--cacert"))
        }
        return SocketTransport(configuration: configuration)
    }

    /// A loopback server speaking this scheme.
    func server(handler: @escaping LoopbackServer.Handler) throws -> LoopbackServer {
        try LoopbackServer(tls: self == .https ? TestPKI.shared().server() : nil, handler: handler)
    }
}
