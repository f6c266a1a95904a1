import ConformCore

/// What one target of a compatibility run may send: only the secrets its own `credentials` mapping names.
///
/// The runner of a target gets an environment holding nothing but `SUITE_VARIABLE → value of the target's
/// variable`; a suite variable the target does not map is absent, so no credential is sent to it (the suite's
/// own variable is used only when the file maps it to itself, `"OPENAI_API_KEY": "OPENAI_API_KEY"`).
public struct TargetCredentials: Sendable {
    /// A mapped variable that is unset or empty while a suite needs it.
    public struct Missing: Sendable, Hashable {
        public var target: String
        public var suite: String
        public var suiteVariable: String
        public var targetVariable: String
    }

    /// The environment the target's runner gets (suite variable → secret).
    public let environment: [String: String]
    /// The secrets, named by the target's variables (for redaction everywhere).
    public let secrets: [Secret]
    /// Suite variable → the target variable that reports name.
    public let names: [String: String]

    /// The target's credentials read from the process environment.
    public init(target: Target, environment processEnvironment: [String: String]) {
        var environment: [String: String] = [:]
        var secrets: [Secret] = []
        for (suiteVariable, targetVariable) in target.credentials.sorted(by: { $0.key < $1.key }) {
            guard let value = processEnvironment[targetVariable], !value.isEmpty else { continue }
            environment[suiteVariable] = value
            secrets.append(Secret(env: targetVariable, value: value))
        }
        self.environment = environment
        self.secrets = secrets
        self.names = target.credentials
    }

    /// Mapped variables that are unset or empty for suites whose auth is not optional (checked before
    /// anything is sent: exit 2).
    public static func missing(_ targets: [Target], suites: [Suite], environment: [String: String]) -> [Missing] {
        targets.flatMap { target in
            suites.compactMap { suite -> Missing? in
                guard let auth = suite.auth, !auth.optional, let variable = target.credentials[auth.env],
                      (environment[variable] ?? "").isEmpty else { return nil }
                return Missing(target: target.name, suite: suite.id, suiteVariable: auth.env, targetVariable: variable)
            }
        }
    }

    /// Suites whose credential a target does not map: those requests go without one (said on stderr).
    public static func unmapped(_ target: Target, suites: [Suite]) -> [Suite] {
        suites.filter { suite in suite.auth.map { target.credentials[$0.env] == nil } ?? false }
    }
}
