// URLSession is the https transport only in builds without OpenSSL (Darwin); on Linux SocketTransport speaks TLS.
#if !canImport(COpenSSL)
import ConformCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Everything one URLSession task has received so far, and the single place its outcome is decided.
///
/// Several parties race to end a request — the delegate (completion, redirect refusal, body cap), our
/// timeout timer, Swift task cancellation — so `finish` lets exactly the first one resume the caller.
final class TaskState: @unchecked Sendable {
    let requestURL: String
    let origin: Origin
    let endpoint: String
    let timeout: Double
    let maxBodyBytes: Int
    let maxRedirects: Int
    private let started = ContinuousClock.now

    private let lock = NSLock()
    private var continuation: CheckedContinuation<TransportOutcome, Never>?
    private var outcome: TransportOutcome?
    private var redirects: [String] = []
    private var response: HTTPURLResponse?
    /// The body as URLSession delivered it. Kept as chunks, not appended to one array: appending is O(1), so
    /// the delegate keeps pace with libcurl (a slow delegate lets chunks pile up in URLSession's queue), and
    /// no doubling reallocation ever holds 1.5× the cap.
    private var chunks: [Data] = []
    private var received = 0

    init(requestURL: String, origin: Origin, endpoint: String, timeout: Double, maxBodyBytes: Int, maxRedirects: Int) {
        self.requestURL = requestURL; self.origin = origin; self.endpoint = endpoint; self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes; self.maxRedirects = maxRedirects
    }

    /// Hands over the caller's continuation; resumes it at once if the outcome is already decided.
    func attach(_ continuation: CheckedContinuation<TransportOutcome, Never>) {
        let decided: TransportOutcome? = lock.withLock {
            if let outcome { return outcome }
            self.continuation = continuation
            return nil
        }
        if let decided { continuation.resume(returning: decided) }
    }

    /// Decides the outcome unless it already is; true when this call decided it (the caller then cancels
    /// the URLSession task if the transfer is still running).
    @discardableResult
    func finish(_ result: TransportOutcome) -> Bool {
        let (decided, waiting): (Bool, CheckedContinuation<TransportOutcome, Never>?) = lock.withLock {
            guard outcome == nil else { return (false, nil) }
            outcome = result
            chunks = []  // free the body now, not when the task object goes
            let waiting = continuation
            continuation = nil
            return (true, waiting)
        }
        waiting?.resume(returning: result)
        return decided
    }

    /// Records a same-origin redirect; false when the limit is reached.
    func followRedirect(to location: String) -> Bool {
        lock.withLock {
            guard redirects.count < maxRedirects else { return false }
            redirects.append(location)
            return true
        }
    }

    /// Keeps the response head; an error when its announced length is already over the cap.
    func receive(_ response: URLResponse) -> TransportError? {
        guard let http = response as? HTTPURLResponse else {
            return TransportError(.other("the answer from \(endpoint) was not HTTP"), endpoint: endpoint)
        }
        return lock.withLock {
            self.response = http
            let announced = http.expectedContentLength
            if announced > Int64(maxBodyBytes) {
                return TransportError(.bodyTooLarge(limit: maxBodyBytes, receivedSoFar: 0), endpoint: endpoint)
            }
            return nil
        }
    }

    /// Appends a chunk; an error (and nothing kept) once the body would pass the cap.
    func append(_ data: Data) -> TransportError? {
        lock.withLock {
            guard outcome == nil else { return nil }
            let total = received + data.count
            if total > maxBodyBytes {
                chunks = []
                return TransportError(.bodyTooLarge(limit: maxBodyBytes, receivedSoFar: total), endpoint: endpoint)
            }
            chunks.append(data)
            received = total
            return nil
        }
    }

    /// The outcome when URLSession reports the task complete.
    func completion(error: Error?) -> TransportOutcome {
        lock.withLock {
            let announced = response.map { Int($0.expectedContentLength) } ?? -1
            if let error {
                return .failure(TransportError(map(error, received: received, announced: announced), endpoint: endpoint))
            }
            guard let response else {
                return .failure(TransportError(.connectionLost(receivedSoFar: 0), endpoint: endpoint))
            }
            if announced >= 0, received < announced {
                return .failure(TransportError(.truncated(expected: announced, received: received), endpoint: endpoint))
            }
            let headers = Self.headers(response)
            let duration = RetryingTransport.seconds(ContinuousClock.now - started)
            return .success(HTTPResponse(status: response.statusCode, headers: headers, body: joinedBody(),
                                         url: response.url?.absoluteString ?? requestURL, redirects: redirects,
                                         durationSeconds: duration))
        }
    }

    /// The chunks as one array, each chunk released once copied so the peak stays near one body's size.
    private func joinedBody() -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(received)
        var pending = chunks
        chunks = []
        for index in pending.indices {
            pending[index].withUnsafeBytes { body.append(contentsOf: $0) }
            pending[index] = Data()
        }
        return body
    }

    /// Our own words for URLSession's error codes (FACTS.md lists the ones measured on Linux).
    private func map(_ error: Error, received: Int, announced: Int) -> TransportError.Kind {
        let code = (error as? URLError)?.code.rawValue ?? (error as NSError).code
        switch code {
        case URLError.cannotConnectToHost.rawValue: return .refused
        case URLError.cannotFindHost.rawValue, URLError.dnsLookupFailed.rawValue: return .unresolvableHost
        case URLError.timedOut.rawValue: return .timedOut(seconds: timeout)
        case URLError.httpTooManyRedirects.rawValue: return .tooManyRedirects(limit: maxRedirects)
        case URLError.cancelled.rawValue: return .cancelled(reason: "the transfer was cancelled")
        case URLError.secureConnectionFailed.rawValue, URLError.serverCertificateUntrusted.rawValue,
             URLError.serverCertificateHasBadDate.rawValue, URLError.serverCertificateHasUnknownRoot.rawValue,
             URLError.serverCertificateNotYetValid.rawValue, URLError.clientCertificateRejected.rawValue,
             URLError.clientCertificateRequired.rawValue:
            return .tls(reason: "is it plain HTTP, or is the certificate invalid?")
        // An empty reply and a reply that is not HTTP at all come back as the same codes (-1011, and -1002
        // for some garbage), so the message names both possibilities.
        case URLError.cannotParseResponse.rawValue, URLError.badServerResponse.rawValue, URLError.unsupportedURL.rawValue:
            return .other("no valid HTTP response from \(endpoint): the connection closed early or the reply was not HTTP (URLError \(code))")
        default:
            if code == URLError.unknown.rawValue, origin.scheme == "https", response == nil { return .tls(reason: "is it plain HTTP, or is the certificate invalid?") }
            if code == URLError.networkConnectionLost.rawValue || code == URLError.unknown.rawValue
                || code == URLError.notConnectedToInternet.rawValue {
                if announced >= 0, received < announced { return .truncated(expected: announced, received: received) }
                return .connectionLost(receivedSoFar: received)
            }
            return .other("transfer with \(endpoint) failed (URLError \(code))")
        }
    }

    /// Response headers sorted by lower-cased name: URLSession gives a dictionary, so wire order is gone and
    /// sorting is the only way to keep reports byte-identical between runs.
    static func headers(_ response: HTTPURLResponse) -> [Header] {
        response.allHeaderFields.compactMap { key, value -> Header? in
            guard let name = key as? String else { return nil }
            return Header(name, (value as? String) ?? "\(value)")
        }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }
}
#endif
