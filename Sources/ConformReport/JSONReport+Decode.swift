import ConformCore

/// A results file that does not have the documented shape: where (JSON Pointer) and what.
public struct JSONReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer of the offending member (empty for the whole file).
    public var pointer: String
    /// What is wrong there.
    public var message: String
    /// An error at `pointer`.
    public init(pointer: String, message: String) { self.pointer = pointer; self.message = message }
    public var description: String { "results file" + (pointer.isEmpty ? "" : " at \(pointer)") + ": " + message }
}

extension JSONReport {
    /// Reads a results file back into a `RunResult` (for baselines and tests). Derived fields — tallies,
    /// exit code — are recomputed from the data, not trusted from the file.
    public static func decode(_ text: String) throws -> RunResult {
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch {
            throw JSONReportError(pointer: "", message: "not JSON: \(error.description)")
        }
        let r = Reader(root, at: .root)
        let version = try r.int("schemaVersion")
        guard version == schemaVersion else {
            throw JSONReportError(pointer: "/schemaVersion", message: "version \(version) is not supported (this build reads \(schemaVersion))")
        }
        var run = RunResult(tool: try r.string("tool"), version: try r.string("version"), startedAt: try r.string("startedAt"),
                            durationSeconds: try r.double("durationSeconds"), suites: try r.array("suites").map(decodeSuite))
        run.baseline = try r.ifPresent("baseline").map(decodeBaselineSummary)
        // `shard` came after schemaVersion 2 was published: a file without it is a whole run.
        run.shard = try r.ifPresent("shard").map { s in Shard(index: try s.int("index"), count: try s.int("count")) }
        if root["insecureTLS"] == .bool(true) { run.insecureTLS = true }
        return run
    }

    static func decodeSuite(_ r: Reader) throws -> SuiteResult {
        var suite = SuiteResult(suite: try r.string("suite"), title: try r.string("title"), file: try r.string("file"),
                    baseURL: try r.string("baseURL"), target: try r.string("target"), suiteHash: try r.string("suiteHash"), cases: try r.array("cases").map(decodeCase),
                    durationSeconds: try r.double("durationSeconds"), startedAt: try r.string("startedAt"),
                    catalogs: try decodeCatalogs(r))
        suite.unselected = try r.ifPresent("unselected").map { try $0.strings() } ?? []
        return suite
    }

    static func decodeCase(_ r: Reader) throws -> CaseResult {
        CaseResult(id: try r.string("id"), operation: try r.string("operation"), name: try r.string("name"),
                   citation: try r.optionalString("citation"), request: try r.optional("request").map(decodeRequest),
                   extraRequests: try r.array("extraRequests").map(decodeRequest),
                   attempts: try r.array("attempts").map(decodeAttempt),
                   response: try r.optional("response").map(decodeResponse),
                   durationSeconds: try r.double("durationSeconds"), curl: try r.optionalString("curl"),
                   checks: try r.array("checks").map(decodeCheck))
    }

    static func decodeCheck(_ r: Reader) throws -> CheckResult {
        let text = try r.string("status")
        guard let status = CheckResult.Status(rawValue: text) else {
            throw r.error("status", "unknown status \(JSONWriter.quote(text))")
        }
        var check = CheckResult(name: try r.string("name"), check: try r.string("check"), status: status,
                                findings: try r.array("findings").map(decodeFinding), skipReason: try r.optionalString("skipReason"),
                                rule: try r.optionalString("rule"), id: try r.optionalString("id"), sharedId: try r.optionalString("sharedId"))
        check.omitted = try r.ifPresent("omitted") == nil ? [] : try r.array("omitted").map(decodeOmitted)
        check.unlisted = try r.ifPresent("unlisted") == nil ? 0 : try r.int("unlisted")
        return check
    }

    static func decodeOmitted(_ r: Reader) throws -> OmittedFindings {
        let text = try r.string("kind")
        guard let kind = Finding.Kind(rawValue: text) else { throw r.error("kind", "unknown kind \(JSONWriter.quote(text))") }
        return OmittedFindings(kind: kind, check: try r.string("check"), pointer: try r.optionalString("pointer"),
                               rulePointer: try r.optionalString("rulePointer"), argument: try r.optionalString("argument"),
                               count: try r.int("count"), id: try r.optionalString("id"), sharedId: try r.optionalString("sharedId"))
    }

    static func decodeFinding(_ r: Reader) throws -> Finding {
        let text = try r.string("kind")
        guard let kind = Finding.Kind(rawValue: text) else { throw r.error("kind", "unknown kind \(JSONWriter.quote(text))") }
        var finding = Finding(kind: kind, check: try r.string("check"), title: try r.string("title"), detail: try r.string("detail"),
                       pointer: try r.optionalString("pointer"), rulePointer: try r.optionalString("rulePointer"),
                       ruleLocation: try r.optionalString("ruleLocation"), expected: try r.optionalString("expected"),
                       actual: try r.optionalString("actual"), citation: try r.optionalString("citation"),
                       argument: try r.optionalString("argument"), id: try r.optionalString("id"), sharedId: try r.optionalString("sharedId"))
        finding.baseline = try r.ifPresent("baseline").map(decodeBaselineMark)
        finding.curl = try r.ifPresent("curl").map { try $0.asString() }
        return finding
    }

    static func decodeRequest(_ r: Reader) throws -> RecordedRequest {
        RecordedRequest(method: try r.string("method"), url: try r.string("url"), headers: try r.array("headers").map(decodeHeader))
    }

    static func decodeResponse(_ r: Reader) throws -> RecordedResponse {
        RecordedResponse(status: try r.int("status"), headers: try r.array("headers").map(decodeHeader),
                         bodySize: try r.int("bodySize"), bodyExcerpt: try r.string("bodyExcerpt"))
    }

    static func decodeAttempt(_ r: Reader) throws -> Attempt {
        Attempt(number: try r.int("number"), status: try r.optional("status").map { try $0.asInt() },
                error: try r.optionalString("error"), durationSeconds: try r.double("durationSeconds"),
                waitSeconds: try r.optional("waitSeconds").map { try $0.asDouble() })
    }

    static func decodeHeader(_ r: Reader) throws -> Header {
        Header(try r.string("name"), try r.string("value"))
    }

    /// Reads typed members of one object, reporting the pointer of whatever is missing or mistyped.
    struct Reader {
        let value: JSONValue
        let pointer: JSONPointer
        init(_ value: JSONValue, at pointer: JSONPointer) { self.value = value; self.pointer = pointer }

        func error(_ key: String, _ message: String) -> JSONReportError {
            JSONReportError(pointer: pointer.appending(key).description, message: message)
        }

        private func member(_ key: String) throws -> JSONValue {
            guard value.objectValue != nil else {
                throw JSONReportError(pointer: pointer.description, message: "expected an object, found \(value.typeName)")
            }
            guard let v = value[key] else { throw error(key, "missing") }
            return v
        }

        func string(_ key: String) throws -> String { try Reader(member(key), at: pointer.appending(key)).asString() }
        func int(_ key: String) throws -> Int { try Reader(member(key), at: pointer.appending(key)).asInt() }
        func double(_ key: String) throws -> Double { try Reader(member(key), at: pointer.appending(key)).asDouble() }
        func optionalString(_ key: String) throws -> String? { try optional(key).map { try $0.asString() } }

        /// The member as a reader, or nil when it is `null` (absent members are an error: the format writes `null`).
        func optional(_ key: String) throws -> Reader? {
            let v = try member(key)
            return v.isNull ? nil : Reader(v, at: pointer.appending(key))
        }

        /// The member as a reader, or nil when it is absent or `null` (members added after schemaVersion 2 began).
        func ifPresent(_ key: String) throws -> Reader? {
            guard value.objectValue != nil else {
                throw JSONReportError(pointer: pointer.description, message: "expected an object, found \(value.typeName)")
            }
            guard let v = value[key], !v.isNull else { return nil }
            return Reader(v, at: pointer.appending(key))
        }

        func array(_ key: String) throws -> [Reader] {
            guard let items = try member(key).arrayValue else { throw error(key, "expected an array") }
            return items.enumerated().map { Reader($0.element, at: pointer.appending(key).appending($0.offset)) }
        }

        func asString() throws -> String {
            guard let s = value.stringValue else { throw mistyped("a string") }
            return s
        }

        func asInt() throws -> Int {
            guard let n = value.numberValue, let i = n.int64Value, let int = Int(exactly: i) else { throw mistyped("an integer") }
            return int
        }

        func asDouble() throws -> Double {
            guard let n = value.numberValue, n.doubleValue.isFinite else { throw mistyped("a number") }
            return n.doubleValue
        }

        private func mistyped(_ wanted: String) -> JSONReportError {
            JSONReportError(pointer: pointer.description, message: "expected \(wanted), found \(value.typeName)")
        }
    }
}
