/// One server a compatibility run measures (an entry of `targets.json`, `suites/targets.schema.json`).
public struct Target: Sendable, Hashable {
    /// The target's unique id: its column in the matrix and its label in finding ids (`litellm-1.106`).
    public var name: String
    /// Replaces every suite's `baseUrl` for this target (`http://127.0.0.1:4000/v1`).
    public var baseURL: String
    /// The variable a suite names → the variable holding *this* target's secret. A suite variable that is
    /// not mapped gets no credential on this target.
    public var credentials: [String: String]
    /// Free text shown in reports (`vendor`, `version`), in file order.
    public var labels: [Label]

    /// One `labels` member.
    public struct Label: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    public init(name: String, baseURL: String, credentials: [String: String] = [:], labels: [Label] = []) {
        self.name = name; self.baseURL = baseURL; self.credentials = credentials; self.labels = labels
    }
}
