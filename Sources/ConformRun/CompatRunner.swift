import ConformCore

/// Every suite against every target (`conform compat`): one `Runner` per target with the target's base
/// URL, name and credentials, at most `targetConcurrency` targets at once; within a target the runner's own
/// case concurrency applies and each walk's pages go in order.
public struct CompatRunner: Sendable {
    public let transport: any Transport
    /// Options shared by every target (timeouts, retries, case concurrency); base URL and name are set per target.
    public let options: RunOptions
    /// The process environment the targets' mapped variables are read from.
    public let environment: [String: String]
    /// Targets measured at once.
    public let targetConcurrency: Int

    public init(transport: any Transport, options: RunOptions, environment: [String: String], targetConcurrency: Int = 4) {
        self.transport = transport; self.options = options; self.environment = environment
        self.targetConcurrency = max(1, targetConcurrency)
    }

    /// Runs `suites` against each target; results come back in the targets' order.
    public func run(_ suites: [Suite], targets: [Target],
                    finished: (@Sendable (TargetRun) -> Void)? = nil) async -> [TargetRun] {
        let credentials = targets.map { TargetCredentials(target: $0, environment: environment) }
        let allSecrets = credentials.flatMap(\.secrets)
        let (transport, options) = (self.transport, self.options)
        return await BoundedConcurrency.map(count: targets.count, limit: targetConcurrency, { i in
            var own = options
            own.baseURL = targets[i].baseURL
            own.targetName = targets[i].name
            own.credentialNames = credentials[i].names
            own.otherSecrets = options.otherSecrets + allSecrets.filter { !credentials[i].secrets.contains($0) }
            let runner = Runner(transport: transport, options: own, environment: credentials[i].environment)
            return TargetRun(target: targets[i], result: await runner.run(suites))
        }, delivered: { _, run in finished?(run) })
    }
}
