// URLSession is the https transport only in builds without OpenSSL (Darwin); on Linux SocketTransport speaks TLS.
#if !canImport(COpenSSL)
import ConformCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one delegate of `URLSessionTransport`'s session: routes each task's events to its `TaskState`.
/// (On Linux only a session-level delegate sees redirects and data; per-task delegates are ignored.)
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var states: [Int: TaskState] = [:]

    func register(_ state: TaskState, for task: Int) { lock.withLock { states[task] = state } }
    func unregister(_ task: Int) { _ = lock.withLock { states.removeValue(forKey: task) } }
    private func state(_ task: URLSessionTask) -> TaskState? { lock.withLock { states[task.taskIdentifier] } }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let state = state(task) else { return completionHandler(nil) }
        let target = request.url
        let location = target?.absoluteString ?? (response.value(forHTTPHeaderField: "Location") ?? "?")
        if let target, Endpoint.origin(target) == state.origin {
            if state.followRedirect(to: location) { return completionHandler(request) }
            state.finish(.failure(TransportError(.tooManyRedirects(limit: state.maxRedirects), endpoint: state.endpoint)))
            return completionHandler(nil)
        }
        // Another origin: refuse, so the headers (and the credential among them) never travel there. The task
        // then completes with the 3xx response, which is discarded; it is not cancelled on top, because a
        // cancel racing that completion trips FoundationNetworking's task registry (a fatalError).
        state.finish(.failure(TransportError(.redirectToOtherOrigin(location: location), endpoint: state.endpoint)))
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let state = state(dataTask) else { return completionHandler(.cancel) }
        if let failure = state.receive(response) {
            state.finish(.failure(failure))
            return completionHandler(.cancel)
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let state = state(dataTask) else { return }
        if let failure = state.append(data), state.finish(.failure(failure)) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let state = state(task) else { return }
        _ = state.finish(state.completion(error: error))
    }
}
#endif
