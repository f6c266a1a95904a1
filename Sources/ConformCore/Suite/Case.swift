/// `cases[]`: an explicit request and what must hold of its answer.
public struct Case: Sendable {
    public enum AuthMode: String, Sendable, Hashable {
        /// Send the suite's credential.
        case `default`
        /// Send no credential.
        case none
        /// Send a deliberately wrong credential (never the real one).
        case wrong
    }

    public var id: String
    /// Readable name ("filters by model_vendor").
    public var name: String
    public var description: String?
    /// `operation`: an operation id.
    public var operation: String
    /// `query`: parameter values as JSON (numbers stay numbers, so `request.query.limit` is an integer).
    public var query: [(String, JSONValue)]
    /// `path`: path parameter values.
    public var pathParams: [(String, JSONValue)]
    /// `headers`: extra request headers.
    public var headers: [(String, String)]
    /// `auth`: `default` | `none` | `wrong`.
    public var auth: AuthMode
    public var expect: Expectation
    public var pointer: JSONPointer

    public init(id: String, name: String, description: String? = nil, operation: String,
                query: [(String, JSONValue)] = [], pathParams: [(String, JSONValue)] = [], headers: [(String, String)] = [],
                auth: AuthMode = .default, expect: Expectation, pointer: JSONPointer) {
        self.id = id; self.name = name; self.description = description; self.operation = operation
        self.query = query; self.pathParams = pathParams; self.headers = headers; self.auth = auth
        self.expect = expect; self.pointer = pointer
    }
}

/// `expect`: `{"status": [200], "schema": true, "invariants": […]}`.
public struct Expectation: Sendable {
    /// `status`: acceptable statuses (one or a list).
    public var statuses: [Int]
    /// `schema`: validate the body against the operation's response schema for the status received
    /// (default true), or an explicit schema object (then `schemaPointer` points at it).
    public var validateSchema: Bool
    public var schemaPointer: JSONPointer?
    /// `responseInvariants`: also check the operation's invariants for the received status (default true).
    public var responseInvariants: Bool
    /// `invariants`: extra invariants for this case.
    public var invariants: [Invariant]
    public var pointer: JSONPointer

    public init(statuses: [Int], validateSchema: Bool = true, schemaPointer: JSONPointer? = nil,
                responseInvariants: Bool = true, invariants: [Invariant] = [], pointer: JSONPointer) {
        self.statuses = statuses; self.validateSchema = validateSchema; self.schemaPointer = schemaPointer
        self.responseInvariants = responseInvariants; self.invariants = invariants; self.pointer = pointer
    }
}
