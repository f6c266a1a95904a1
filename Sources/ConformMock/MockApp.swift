import Foundation
import ConformCore

/// The mock application: serves every operation of the given suites from a synthesised, consistent
/// dataset, optionally drifted so that exactly one rule breaks. Usable in-process (`handle`) or behind
/// `HTTPServer` (`conform mock`).
///
/// Order of decisions per request: route (404 unknown path, 405 + `Allow` wrong method), credential
/// (401 with the documented body), parameters (the documented `parameterError`), then the answer. Answers
/// are cached per (method, target) once the credential passed, so repeated requests cost a dictionary look-up.
public final class MockApp: @unchecked Sendable {
    let services: [SuiteService]
    let drift: Drift?
    private let credentials: [String: String]
    private let cacheLock = NSLock()
    private var cache: [String: HTTPServerResponse] = [:]

    /// - Parameters:
    ///   - credentials: environment to read the suites' credential variables from; when a suite's variable is
    ///     unset, any non-empty credential is accepted.
    public init(suites: [Suite], seed: UInt64 = 1, models: Int = 57, drift: Drift? = nil, anyID: Bool = false,
                credentials: [String: String] = ProcessInfo.processInfo.environment) {
        self.drift = drift
        self.credentials = credentials
        services = suites.map { SuiteService(suite: $0, seed: seed, models: max(0, models), drift: drift, anyID: anyID) }
        // Suites may share a route (the v5 list suite and the v5 get-model suite both declare GET /v5/models):
        // the suite that checks it most answers it, and get-by-id in the others reads that suite's dataset.
        var best: [String: (service: Int, weight: Int)] = [:]
        for (s, service) in services.enumerated() {
            for route in service.routes {
                let w = service.weight(of: route.operation.id)
                if let current = best[route.key], current.weight >= w { continue }
                best[route.key] = (s, w)
            }
        }
        winners = best.mapValues(\.service)
        for (s, service) in services.enumerated() {
            for route in service.routes where route.isGet {
                guard let listID = route.dataset, let listRoute = service.routes.first(where: { $0.operation.id == listID && $0.shape != nil }),
                      let winner = winners[listRoute.key], winner != s,
                      let foreign = services[winner].routes.first(where: { $0.key == listRoute.key })?.dataset else { continue }
                service.foreignLists[route.operation.id] = (services[winner], foreign)
            }
        }
    }

    /// Route key → index of the service that answers it.
    private var winners: [String: Int] = [:]

    /// `GET /v5/models`, … : every route served, with its suite, for the startup banner.
    public var routeList: [(method: String, path: String, suite: String)] {
        services.flatMap { s in s.routes.map { r in
            (r.operation.method, r.segments.enumerated().map { k, seg in seg ?? "{\(r.parameterNames[k] ?? "")}" }.reduce("") { $0 + "/" + $1 }, s.suite.id)
        } }
    }

    /// Answers one request.
    public func handle(_ request: HTTPServerRequest) -> HTTPServerReply {
        let method = request.method == "HEAD" ? "GET" : request.method
        let path = request.path.split(separator: "/", omittingEmptySubsequences: true)
        var allowed: [String] = []
        for (s, service) in services.enumerated() {
            for route in service.routes {
                guard let params = route.match(path), winners[route.key] == s else { continue }
                guard route.operation.method == method else {
                    if !allowed.contains(route.operation.method) { allowed.append(route.operation.method) }
                    continue
                }
                return .response(answer(request, service: service, route: route, pathParams: params))
            }
        }
        if !allowed.isEmpty {
            if allowed.contains("GET") { allowed.append("HEAD") }
            return .response(.json(405, ["detail": "Method Not Allowed"], headers: [Header("Allow", allowed.joined(separator: ", "))]))
        }
        return .response(.json(404, ["detail": "Not Found"]))
    }

    private func answer(_ request: HTTPServerRequest, service: SuiteService, route: SuiteService.Route, pathParams: [String: String]) -> HTTPServerResponse {
        if let auth = service.suite.auth, service.drift?.effect != .authNotEnforced, !authorized(request, auth) {
            return service.rejection()
        }
        let cacheKey = "\(ObjectIdentifier(service).hashValue) \(request.method) \(request.target) \(request.header("host") ?? "")"
        cacheLock.lock()
        if let hit = cache[cacheKey] { cacheLock.unlock(); return hit }
        cacheLock.unlock()
        let response = service.respond(request, route: route, pathParams: pathParams)
        cacheLock.lock()
        if cache.count > 20_000 { cache.removeAll() }
        cache[cacheKey] = response
        cacheLock.unlock()
        return response
    }

    /// The suite's credential: its variable's value when set, else any non-empty value.
    private func authorized(_ request: HTTPServerRequest, _ auth: AuthSpec) -> Bool {
        guard let raw = request.header(auth.headerName) else { return false }
        var secret = raw.trimmingCharacters(in: .whitespaces)
        if case .bearer = auth.placement {
            guard secret.lowercased().hasPrefix("bearer ") else { return false }
            secret = String(secret.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        guard !secret.isEmpty else { return false }
        if let expected = credentials[auth.env], !expected.isEmpty { return secret == expected }
        return true
    }
}
