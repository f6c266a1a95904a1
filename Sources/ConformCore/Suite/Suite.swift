import Foundation

/// A loaded, validated suite: one API surface's contract, ready to plan and run.
///
/// Produced only by `SuiteLoader` (strict: unknown keys, bad types, unresolved `$ref`s and unparsable
/// expressions are positioned errors), so everything here is known to be well-formed.
/// Pipeline: `SuiteFile → Suite → RunResult → Report` (STYLE.md).
///
/// JSON keys are given in each property's comment; `suites/README.md` documents the format and
/// `suites/suite.schema.json` describes it for editors.
public struct Suite: Sendable {
    /// `suite`: a stable id (`scale-gp-v5-list-models`).
    public var id: String
    /// `title`.
    public var title: String
    /// `description`.
    public var description: String?
    /// `source`: the document the suite encodes (`seeds/scale-gp-v5-list-models.txt`).
    public var source: String
    /// `baseUrl`: default base URL; may carry a path prefix (`https://api.example.com/api`).
    public var baseURL: String
    /// `auth`: how the credential is sent; nil when the API takes none.
    public var auth: AuthSpec?
    /// `operations`.
    public var operations: [Operation]
    /// `cases`: explicit requests and what must hold.
    public var cases: [Case]
    /// `walks`: pagination walks.
    public var walks: [Walk]
    /// `crossChecks`: cross-request checks.
    public var crossChecks: [CrossCheck]
    /// `formats.annotations`: format names of the suite's own that its schemas use as annotations (never checked).
    public var annotationFormats: [String]
    /// Where the suite came from, its parsed document and the offsets of every value in it. Schemas are
    /// referenced by JSON Pointer into `document` (so `#/definitions/X` resolves against it).
    public var file: SuiteFile

    public init(id: String, title: String, description: String? = nil, source: String, baseURL: String,
                auth: AuthSpec? = nil, operations: [Operation] = [], cases: [Case] = [], walks: [Walk] = [],
                crossChecks: [CrossCheck] = [], annotationFormats: [String] = [], file: SuiteFile) {
        self.id = id; self.title = title; self.description = description; self.source = source
        self.baseURL = baseURL; self.auth = auth; self.operations = operations; self.cases = cases
        self.walks = walks; self.crossChecks = crossChecks; self.annotationFormats = annotationFormats; self.file = file
    }

    public func operation(_ id: String) -> Operation? { operations.first { $0.id == id } }

    /// The base path the suite implies (`/api` for `https://api.example.com/api`), "" when none.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// A suite file as read from disk: path, bytes, parsed document and value/key offsets.
public struct SuiteFile: Sendable {
    public var source: SourceFile { didSet { derived = Derived() } }
    public var document: JSONValue { didSet { derived = Derived() } }
    public var locations: JSONLocations
    /// What is computed from the file once and shared by every copy until its document or source changes
    /// (`schemaValidator`, `sourceHash`).
    private var derived = Derived()

    public init(source: SourceFile, document: JSONValue, locations: JSONLocations) {
        self.source = source; self.document = document; self.locations = locations
    }

    /// `file:line:col` of the value (or key) at a pointer into the suite document.
    public func location(of pointer: JSONPointer, preferKey: Bool = false) -> SourceLocation {
        source.location(of: locations.offset(of: pointer, preferKey: preferKey), lines: derived.once(\.lines) { LineStarts(source.bytes) })
    }

    /// The suite's schema validator, compiled once for the loader, every run and the mock of this file
    /// (`makeSchemaValidator()` builds a fresh one). Schemas compile lazily and the validator is thread-safe,
    /// so a self-test's hundreds of runs share one compilation.
    public var schemaValidator: SchemaValidator { derived.once(\.validator) { makeSchemaValidator() } }

    /// The SHA-256 of the file's bytes, in hex (a result's `suiteHash`), computed once.
    public var sourceHash: String { derived.once(\.hash) { SHA256.hex(source.bytes) } }
}

/// The values a `SuiteFile` and its copies compute lazily and share.
private final class Derived: @unchecked Sendable {
    private let lock = NSLock()
    var validator: SchemaValidator?
    var hash: String?
    var lines: LineStarts?

    func once<T>(_ slot: ReferenceWritableKeyPath<Derived, T?>, _ make: () -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        if let built = self[keyPath: slot] { return built }
        let made = make()
        self[keyPath: slot] = made
        return made
    }
}

/// `auth`: `{"header": "x-api-key", "env": "SGP_API_KEY"}` or `{"scheme": "bearer", "env": "…"}`.
public struct AuthSpec: Sendable {
    public enum Placement: Sendable, Hashable {
        /// The secret is the whole value of this header (`x-api-key: <secret>`).
        case header(String)
        /// `Authorization: Bearer <secret>`.
        case bearer
    }
    public var placement: Placement
    /// `env`: the environment variable holding the secret (never the secret itself).
    public var env: String
    /// `optional`: run even when the variable is unset (send no credential). Default false.
    public var optional: Bool
    /// `rejection`: what a request without the credential, or with a wrong one, must get. When present,
    /// two cases are generated (`auth.missing`, `auth.wrong`).
    public var rejection: AuthRejection?
    /// `description`: citation.
    public var description: String?
    public var pointer: JSONPointer

    public init(placement: Placement, env: String, optional: Bool = false, rejection: AuthRejection? = nil,
                description: String? = nil, pointer: JSONPointer = JSONPointer(tokens: ["auth"])) {
        self.placement = placement; self.env = env; self.optional = optional; self.rejection = rejection
        self.description = description; self.pointer = pointer
    }

    /// The header name the secret travels in.
    public var headerName: String {
        switch placement { case .header(let n): return n; case .bearer: return "Authorization" }
    }

    /// The header value for a secret.
    public func headerValue(secret: String) -> String {
        switch placement { case .header: return secret; case .bearer: return "Bearer \(secret)" }
    }
}

/// `auth.rejection`: `{"status": [401, 403], "schema": {…}, "invariants": ["!exists(items)"]}`.
public struct AuthRejection: Sendable {
    /// `operation`: the operation the rejection cases call (default: the first operation).
    public var operation: String?
    public var statuses: [Int]
    public var schemaPointer: JSONPointer?
    public var invariants: [Invariant]
    /// `description`: citation, copied into the generated cases.
    public var description: String?
    public var pointer: JSONPointer
    public init(operation: String? = nil, statuses: [Int], schemaPointer: JSONPointer? = nil, invariants: [Invariant] = [],
                description: String? = nil, pointer: JSONPointer) {
        self.operation = operation; self.statuses = statuses; self.schemaPointer = schemaPointer; self.invariants = invariants
        self.description = description; self.pointer = pointer
    }
}

/// `operations[]`: one HTTP operation.
public struct Operation: Sendable {
    /// `id`: referenced by cases, walks and cross-checks (`list`, `get`).
    public var id: String
    /// `method`: `GET`, …
    public var method: String
    /// `path`: template relative to the base URL, `{name}` for path parameters (`/v5/models/{model_id}`).
    public var path: String
    public var description: String?
    /// `parameters`: by name, in document order.
    public var parameters: [Parameter]
    /// `parameterError`: what the API answers to a parameter it rejects (status and body schema);
    /// nil when the document does not say, and then no rejection probe is generated.
    public var parameterError: ParameterError?
    /// `responses`: by status code string (`"200"`, `"422"`).
    public var responses: [ResponseSpec]
    /// `probeQuery`: query parameters sent with every generated probe besides the probed one.
    public var probeQuery: [(String, JSONValue)]
    /// `probePath`: path parameter values for generated probes and auth cases (operations with `{name}`s).
    public var probePath: [(String, JSONValue)]
    /// `catalog`: how to read the catalog from one response, for a list without a walk; nil otherwise.
    public var catalog: CatalogSpec?
    public var pointer: JSONPointer

    public init(id: String, method: String, path: String, description: String? = nil, parameters: [Parameter] = [],
                parameterError: ParameterError? = nil, responses: [ResponseSpec] = [], probeQuery: [(String, JSONValue)] = [],
                probePath: [(String, JSONValue)] = [], catalog: CatalogSpec? = nil, pointer: JSONPointer) {
        self.id = id; self.method = method; self.path = path; self.description = description
        self.parameters = parameters; self.parameterError = parameterError; self.responses = responses
        self.probeQuery = probeQuery; self.probePath = probePath; self.catalog = catalog; self.pointer = pointer
    }

    public func response(for status: Int) -> ResponseSpec? { responses.first { $0.status == status } }

    /// The documented success response: the lowest 2xx.
    public var successResponse: ResponseSpec? { responses.filter { (200..<300).contains($0.status) }.min { $0.status < $1.status } }

    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }
}

/// `parameters.NAME`.
public struct Parameter: Sendable {
    public enum Location: String, Sendable, Hashable { case query, path, header }
    /// How an array value is serialised in a query: `form` repeats the name (`view=a&view=b`, OpenAPI's
    /// default `explode: true`), `comma` joins (`sort_by=a,b`).
    public enum ArrayStyle: String, Sendable, Hashable { case form, comma }

    public var name: String
    /// `in`.
    public var location: Location
    /// `required`.
    public var required: Bool
    /// `schema`: a JSON Schema, by pointer into the suite document.
    public var schemaPointer: JSONPointer
    /// `style`.
    public var arrayStyle: ArrayStyle
    /// `probe`: generate boundary probes from the schema (default true).
    public var probe: Bool
    public var description: String?
    public var pointer: JSONPointer

    public init(name: String, location: Location, required: Bool = false, schemaPointer: JSONPointer,
                arrayStyle: ArrayStyle = .form, probe: Bool = true, description: String? = nil, pointer: JSONPointer) {
        self.name = name; self.location = location; self.required = required; self.schemaPointer = schemaPointer
        self.arrayStyle = arrayStyle; self.probe = probe; self.description = description; self.pointer = pointer
    }
}

/// `parameterError`: `{"status": 422, "schema": {"$ref": "#/definitions/HTTPValidationError"}}`.
public struct ParameterError: Sendable, Hashable {
    public var status: Int
    public var schemaPointer: JSONPointer?
    public var description: String?
    public var pointer: JSONPointer
    public init(status: Int, schemaPointer: JSONPointer? = nil, description: String? = nil, pointer: JSONPointer) {
        self.status = status; self.schemaPointer = schemaPointer; self.description = description; self.pointer = pointer
    }
}

/// `responses.STATUS`.
public struct ResponseSpec: Sendable {
    public var status: Int
    public var description: String?
    /// `contentType`: media type the response must carry (default `application/json`).
    public var contentType: String
    /// `schema`: by pointer into the suite document; nil when the document shows no body.
    public var schemaPointer: JSONPointer?
    /// `invariants`: what must hold of every response with this status.
    public var invariants: [Invariant]
    public var pointer: JSONPointer

    public init(status: Int, description: String? = nil, contentType: String = "application/json",
                schemaPointer: JSONPointer? = nil, invariants: [Invariant] = [], pointer: JSONPointer) {
        self.status = status; self.description = description; self.contentType = contentType
        self.schemaPointer = schemaPointer; self.invariants = invariants; self.pointer = pointer
    }
}

/// An invariant: a boolean expression over the response (and request) that must hold.
/// In a suite: a string (`"total >= len(items)"`) or `{"expr": "…", "name": "…", "description": "…"}`.
public struct Invariant: Sendable {
    public var expression: Expression
    /// Short name for reports; defaults to the expression text.
    public var name: String
    /// What identifies the rule across edits of the suite (finding ids): its explicit `name`, else its
    /// canonical expression (`Expression.canonicalText`), never its position in the file.
    public var identity: String
    public var description: String?
    /// Pointer of the invariant in the suite document (of the string, or of its `expr`).
    public var pointer: JSONPointer

    public init(expression: Expression, name: String? = nil, description: String? = nil, pointer: JSONPointer) {
        self.expression = expression; self.name = name ?? expression.source; self.description = description; self.pointer = pointer
        self.identity = name.map { "name:" + $0 } ?? "expr:" + expression.canonicalText
    }
}
