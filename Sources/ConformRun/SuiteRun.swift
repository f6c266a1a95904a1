import ConformCore
import Foundation

/// One suite's run: its target, credential, redactor and validator, shared by its cases, walks and
/// cross-checks.
struct SuiteRun: Sendable {
    /// Sent by `auth: wrong` cases: recognisably fake, and never derived from the real credential.
    static let wrongCredential = "conform-wrong-key-0000000000000000"

    let suite: Suite
    let baseURL: String
    let secret: Secret?
    let redactor: Redactor
    let validator: SchemaValidator
    let sender: RetryingTransport
    let options: RunOptions

    init(suite: Suite, transport: any Transport, options: RunOptions, environment: [String: String], deadline: RunDeadline?) {
        self.suite = suite
        self.options = options
        var base = options.baseURL ?? suite.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        if let auth = suite.auth, let value = environment[auth.env], !value.isEmpty {
            secret = Secret(env: options.credentialNames[auth.env] ?? auth.env, value: value)
        } else {
            secret = nil
        }
        let wrong = suite.auth.map { [Self.wrongCredential, $0.headerValue(secret: Self.wrongCredential)] } ?? []
        redactor = Redactor(secrets: (secret.map { [$0] } ?? []) + options.otherSecrets, headerNames: suite.auth.map { [$0.headerName] } ?? [],
                            publicValues: wrong)
        validator = suite.file.schemaValidator
        let base2: any Transport = deadline.map { DeadlineTransport(base: transport, deadline: $0) } ?? transport
        sender = RetryingTransport(base: base2, policy: options.retryPolicy, deadline: deadline)
    }

    /// The header value to send for an auth mode (nil: send none).
    func credential(_ mode: Case.AuthMode) -> String? {
        guard let auth = suite.auth else { return nil }
        switch mode {
        case .default: return secret.map { auth.headerValue(secret: $0.value) }
        case .none: return nil
        case .wrong: return auth.headerValue(secret: Self.wrongCredential)
        }
    }

    /// Builds the request for an operation with parameter values (`${NAME}` substituted).
    func request(_ operation: ConformCore.Operation, values: [(String, JSONValue)], auth: Case.AuthMode,
                 headers: [(String, String)] = []) throws(RequestBuildError) -> HTTPRequest {
        try RequestBuilder.request(operation: operation, baseURL: baseURL,
                                   values: values.map { ($0.0, options.substitute($0.1)) },
                                   auth: suite.auth, credential: credential(auth),
                                   headers: headers.map { Header($0.0, $0.1) })
    }

    /// Sends a request with retries, recording it redacted.
    func send(_ request: HTTPRequest) async -> SentRequest {
        var request = request
        if options.compressed, request.header("Accept-Encoding") == nil {
            request.headers.append(Header("Accept-Encoding", RunOptions.compressedEncodings))
        }
        let full = request.withDefaultHeaders()
        let recorded = redactor.record(full)
        let curl = redactor.redact(CurlCommand.render(recorded, envNames: redactor.envNames))
        let started = ContinuousClock.now
        let result = await sender.send(full, timeout: options.timeout)
        return SentRequest(request: full, recorded: recorded, curl: curl, attempts: result.attempts,
                           outcome: result.outcome, durationSeconds: RetryingTransport.seconds(ContinuousClock.now - started))
    }

    /// `GET /v5/models?limit=1001` — the request relative to the base URL, for case names.
    func display(_ request: HTTPRequest) -> String {
        let url = redactor.redact(request.url)
        let tail = url.hasPrefix(baseURL) ? String(url.dropFirst(baseURL.count)) : url
        return "\(request.method) \(tail.isEmpty ? "/" : tail)"
    }

    /// A rule's reference in this suite's file.
    func rule(_ pointer: JSONPointer) -> RuleReference { RuleReference(pointer: pointer, in: suite.file) }
}
