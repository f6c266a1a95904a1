// URLSession is the https transport only in builds without OpenSSL (Darwin); on Linux SocketTransport speaks TLS.
#if !canImport(COpenSSL)
import ConformCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The network transport: URLSession with its unsafe defaults replaced (FACTS.md, "URLSession traps").
///
/// - Redirects are followed only within the origin (scheme, host, port) of the request, up to
///   `maxRedirects`; a redirect elsewhere is refused — the credential is never sent there — and reported as
///   `redirectToOtherOrigin`. This needs a *session-level* delegate: per-task delegates are ignored on Linux.
/// - No cookies (not stored, not sent) and no cache, so runs and requests stay independent.
/// - Our own `User-Agent`, `Accept` and `Accept-Encoding: identity` unless the caller set them.
/// - The per-request timeout is enforced here (the task is cancelled), because URLSession ignores
///   `timeoutIntervalForResource`.
/// - The body is streamed through the delegate and the transfer stopped as soon as it passes
///   `maxBodyBytes`, so a huge body never sits in memory.
public final class URLSessionTransport: Transport, @unchecked Sendable {
    /// Kept for callers that spell it this way; the same limits apply to every network transport.
    public typealias Configuration = TransportConfiguration

    public let configuration: Configuration
    private let session: URLSession
    private let delegate: SessionDelegate

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let settings = URLSessionConfiguration.ephemeral
        settings.httpCookieAcceptPolicy = .never
        settings.httpShouldSetCookies = false
        settings.httpCookieStorage = nil
        settings.urlCache = nil
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        settings.httpMaximumConnectionsPerHost = configuration.maxConnectionsPerHost
        // Our own timer decides; these only stop URLSession from cutting in first with its own defaults.
        settings.timeoutIntervalForRequest = 24 * 3600
        settings.timeoutIntervalForResource = 24 * 3600
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        queue.name = "conform.urlsession"
        let delegate = SessionDelegate()
        self.delegate = delegate
        self.session = URLSession(configuration: settings, delegate: delegate, delegateQueue: queue)
    }

    // Not `invalidateAndCancel`: cancelling tasks that are completing races FoundationNetworking's task
    // registry. Tasks still running were already cancelled by our timeout or have ended.
    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest, timeout: Double) async -> TransportOutcome {
        let full = request.withDefaultHeaders()
        guard let url = URL(string: full.url), let scheme = url.scheme?.lowercased(), url.host != nil else {
            return .failure(TransportError(.invalidRequest("'\(full.url)' is not an absolute URL"), endpoint: ""))
        }
        let endpoint = Endpoint.hostPort(url)
        guard scheme == "http" || scheme == "https", let origin = Endpoint.origin(url) else {
            return .failure(TransportError(.invalidRequest("unsupported scheme '\(scheme)' in \(full.url)"), endpoint: endpoint))
        }
        guard timeout > 0 else { return .failure(TransportError(.timedOut(seconds: 0), endpoint: endpoint)) }

        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = full.method
        urlRequest.httpShouldHandleCookies = false
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
        urlRequest.timeoutInterval = timeout + 5
        for header in full.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if let body = full.body { urlRequest.httpBody = Data(body) }

        let task = session.dataTask(with: urlRequest)
        let state = TaskState(requestURL: full.url, origin: origin, endpoint: endpoint, timeout: timeout,
                              maxBodyBytes: configuration.maxBodyBytes, maxRedirects: configuration.maxRedirects)
        delegate.register(state, for: task.taskIdentifier)
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransportOutcome, Never>) in
                state.attach(continuation)
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak state] in
                    guard let state else { return }
                    if state.finish(.failure(TransportError(.timedOut(seconds: timeout), endpoint: endpoint))) { task.cancel() }
                }
                task.resume()
            }
        } onCancel: {
            if state.finish(.failure(TransportError(.cancelled(reason: "the run was interrupted"), endpoint: endpoint))) {
                task.cancel()
            }
        }
        delegate.unregister(task.taskIdentifier)
        return outcome
    }
}
#endif
