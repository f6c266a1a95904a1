import Foundation
import Testing
@testable import ConformCore

/// Probe and auth generation: which cases a parameter schema yields, what they send and expect, and order.
@Suite struct SuitePlanTests {
    static func load(_ text: String) throws -> ConformCore.Suite {
        switch SuiteFixtures.load(text) {
        case .success(let suite): return suite
        case .failure(let failure):
            Issue.record("fixture does not load:\n\(failure.rendered)")
            throw failure
        }
    }

    /// `id → sent value` of each probe generated for one parameter schema.
    static func probes(_ parameter: String, parameterError: Bool = true) throws -> [String: JSONValue] {
        let suite = try load(SuiteFixtures.suite(operation: SuiteFixtures.listOperation(parameters: parameter, parameterError: parameterError)))
        var out: [String: JSONValue] = [:]
        for c in SuitePlan.probes(for: suite) { out[c.id] = c.query.last?.1 }
        return out
    }

    struct SchemaCase: CustomStringConvertible, Sendable {
        var label: String
        var parameter: String
        var parameterError = true
        var expected: [String: JSONValue]
        var description: String { label }
    }

    static let schemaCases: [SchemaCase] = [
        .init(label: "inclusive integer bounds", parameter: #""limit": { "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 1000 } }"#,
              expected: ["list.limit.minimum": 1, "list.limit.below-minimum": 0, "list.limit.maximum": 1000,
                         "list.limit.above-maximum": 1001, "list.limit.not-integer": "abc"]),
        .init(label: "exclusive integer bounds", parameter: #""n": { "in": "query", "schema": { "type": "integer", "exclusiveMinimum": 0, "exclusiveMaximum": 10 } }"#,
              expected: ["list.n.minimum": 1, "list.n.below-minimum": 0, "list.n.maximum": 9, "list.n.above-maximum": 10, "list.n.not-integer": "abc"]),
        .init(label: "the stricter of two lower bounds wins", parameter: #""n": { "in": "query", "schema": { "type": "integer", "minimum": 1, "exclusiveMinimum": 4 } }"#,
              expected: ["list.n.minimum": 5, "list.n.below-minimum": 4, "list.n.not-integer": "abc"]),
        .init(label: "no parameter error: only accepting probes", parameter: #""limit": { "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 5 } }"#,
              parameterError: false, expected: ["list.limit.minimum": 1, "list.limit.maximum": 5]),
        .init(label: "number bounds", parameter: #""t": { "in": "query", "schema": { "type": "number", "minimum": 0.5, "exclusiveMaximum": 2 } }"#,
              expected: ["list.t.minimum": .number(JSONNumber(text: "0.5")), "list.t.below-minimum": -0.5,
                         "list.t.above-maximum": 2, "list.t.not-number": "abc"]),
        .init(label: "enum by $ref", parameter: ##""vendor": { "in": "query", "schema": { "$ref": "#/definitions/Vendor" } }"##,
              expected: ["list.vendor.enum-first": "openai", "list.vendor.unknown-value": "not-a-valid-value"]),
        .init(label: "nullable array of enum", parameter: ##""view": { "in": "query", "schema": { "anyOf": [ { "type": "array", "items": { "$ref": "#/definitions/Vendor" } }, { "type": "null" } ] } }"##,
              expected: ["list.view.enum-first": ["openai"], "list.view.unknown-value": ["not-a-valid-value"]]),
        .init(label: "nullable integer", parameter: #""n": { "in": "query", "schema": { "type": ["integer", "null"], "maximum": 3 } }"#,
              expected: ["list.n.maximum": 3, "list.n.above-maximum": 4, "list.n.not-integer": "abc"]),
        .init(label: "integer or string: nothing to probe", parameter: #""g": { "in": "query", "schema": { "anyOf": [ { "type": "integer" }, { "type": "string" }, { "type": "null" } ] } }"#,
              expected: [:]),
        .init(label: "an enum holding the rejection value", parameter: #""e": { "in": "query", "schema": { "enum": ["not-a-valid-value", "b"] } }"#,
              expected: ["list.e.enum-first": "not-a-valid-value", "list.e.unknown-value": "not-a-valid-value-x"]),
        .init(label: "probe off", parameter: #""limit": { "in": "query", "probe": false, "schema": { "type": "integer", "minimum": 1 } }"#,
              expected: [:]),
        .init(label: "header parameters are not probed", parameter: #""x-n": { "in": "header", "schema": { "type": "integer", "minimum": 1 } }"#,
              expected: [:]),
        .init(label: "unbounded string", parameter: #""q": { "in": "query", "schema": { "type": "string" } }"#, expected: [:]),
    ]

    @Test(arguments: schemaCases)
    func parameterSchemaYieldsProbes(_ c: SchemaCase) throws {
        #expect(try Self.probes(c.parameter, parameterError: c.parameterError) == c.expected)
    }

    @Test func v5SuitePlanIsCompleteAndOrdered() throws {
        let path = SuiteFixtures.suitesFolder.appendingPathComponent("scale-gp-v5-list-models.json").path
        let suite = try SuiteLoader.load(path: path)
        let plan = SuitePlan(suite: suite)
        #expect(plan.cases.map(\.id) == [
            "list.default", "list.filter-vendor",
            "list.limit.minimum", "list.limit.below-minimum", "list.limit.maximum", "list.limit.above-maximum", "list.limit.not-integer",
            "list.model_vendor.enum-first", "list.model_vendor.unknown-value",
            "auth.missing", "auth.wrong",
        ])
        #expect(plan.cases.map(\.name)[2...8] == [
            "accepts limit at its minimum (1)", "rejects limit below its minimum (0)", "accepts limit at its maximum (1000)",
            "rejects limit above its maximum (1001)", #"rejects non-integer limit ("abc")"#, "accepts model_vendor=openai",
            #"rejects unknown model_vendor value ("not-a-valid-value")"#,
        ])
        let above = plan.cases[5]
        #expect(above.query.map(\.0) == ["limit"])
        #expect(above.expect.statuses == [422])
        #expect(above.expect.schemaPointer?.description == "/operations/0/parameterError/schema")
        #expect(above.expect.responseInvariants == false)
        #expect(above.pointer.description == "/operations/0/parameters/limit/schema/maximum")
        #expect(above.description?.contains("1 < x < 1000") == true)
        let atMaximum = plan.cases[4]
        #expect(atMaximum.expect.statuses == [200])
        #expect(atMaximum.expect.validateSchema && atMaximum.expect.schemaPointer == nil && atMaximum.expect.responseInvariants)
        let enumFirst = plan.cases[7]
        #expect(enumFirst.pointer.description == "/definitions/InferenceModelVendor/enum")
    }

    @Test func authCasesSendNoCredentialAndAWrongOne() throws {
        let suite = try SuiteLoader.load(path: SuiteFixtures.suitesFolder.appendingPathComponent("scale-gp-v5-list-models.json").path)
        let auth = SuitePlan.authCases(for: suite)
        #expect(auth.map(\.id) == ["auth.missing", "auth.wrong"])
        #expect(auth.map(\.auth) == [.none, .wrong])
        for c in auth {
            #expect(c.operation == "list")
            #expect(c.expect.statuses == [401, 403])
            #expect(c.expect.responseInvariants == false)
            #expect(c.expect.invariants.map(\.name) == ["not answered with data"])
            #expect(c.expect.validateSchema == false, "no rejection body is documented, so none is checked")
        }
    }

    @Test func noRejectionNoAuthCases() throws {
        let suite = try Self.load(SuiteFixtures.suite(operation: SuiteFixtures.listOperation(parameters: ""),
                                                      extra: #", "auth": { "scheme": "bearer", "env": "TOKEN" }"#))
        #expect(SuitePlan.authCases(for: suite).isEmpty)
    }

    @Test func rejectionCallsTheNamedOperationWithItsProbeValues() throws {
        let list = SuiteFixtures.listOperation(parameters: "")
        let get = ##"{ "id": "get", "method": "GET", "path": "/models/{id}", "parameters": { "id": { "in": "path", "schema": { "type": "string" } } }, "probePath": { "id": "m-1" }, "responses": { "200": {}, "401": { "schema": { "$ref": "#/definitions/Error" } } } }"##
        let suite = try Self.load(SuiteFixtures.suite(operation: list + ", " + get,
            extra: #", "auth": { "header": "x-api-key", "env": "KEY", "rejection": { "operation": "get", "status": 401 } }"#))
        let auth = SuitePlan.authCases(for: suite)
        #expect(auth.map(\.operation) == ["get", "get"])
        #expect(auth.first?.pathParams.map(\.0) == ["id"])
        #expect(auth.first?.expect.validateSchema == true, "the operation documents a 401 body")
    }

    @Test func generatedCaseWithoutPathValuesIsALoadError() {
        let get = #"{ "id": "get", "method": "GET", "path": "/models/{id}", "parameters": { "id": { "in": "path", "schema": { "type": "string" } }, "n": { "in": "query", "schema": { "type": "integer", "minimum": 1 } } }, "responses": { "200": {} } }"#
        guard case .failure(let failure) = SuiteFixtures.load(SuiteFixtures.suite(operation: get)) else {
            Issue.record("loaded without probePath")
            return
        }
        #expect(failure.errors.map(\.message) == [#"operation "get" needs "probePath" values for "id" to send its generated case "get.n.minimum""#])
    }

    @Test func generatedCaseWithoutARequiredQueryValueIsALoadError() {
        let op = SuiteFixtures.listOperation(parameters: ##""q": { "in": "query", "required": true, "schema": { "type": "string" } }, "n": { "in": "query", "schema": { "enum": ["a"] } }"##)
        guard case .failure(let failure) = SuiteFixtures.load(SuiteFixtures.suite(operation: op)) else {
            Issue.record("loaded without probeQuery")
            return
        }
        #expect(failure.errors.map(\.message) == [#"operation "list" needs "probeQuery" values for "q" to send its generated case "list.n.enum-first""#])
    }

    @Test func probesSendProbeQueryAndReplaceTheProbedName() throws {
        let op = SuiteFixtures.listOperation(parameters: #""limit": { "in": "query", "schema": { "type": "integer", "minimum": 1 } }, "view": { "in": "query", "schema": { "type": "string" } }"#,
                                             probeQuery: #""view": "full", "limit": 50"#)
        let probes = SuitePlan.probes(for: try Self.load(SuiteFixtures.suite(operation: op)))
        let minimum = try #require(probes.first { $0.id == "list.limit.minimum" })
        #expect(minimum.query.map(\.0) == ["view", "limit"])
        #expect(minimum.query.map(\.1) == ["full", 1])
    }

    @Test func severalOperationsPrefixProbeNames() throws {
        let a = SuiteFixtures.listOperation(parameters: #""limit": { "in": "query", "schema": { "type": "integer", "maximum": 9 } }"#)
        let b = SuiteFixtures.listOperation(parameters: #""limit": { "in": "query", "schema": { "type": "integer", "maximum": 9 } }"#, id: "other")
        let probes = SuitePlan.probes(for: try Self.load(SuiteFixtures.suite(operation: a + ", " + b)))
        #expect(probes.map(\.id) == ["list.limit.maximum", "list.limit.above-maximum", "list.limit.not-integer",
                                     "other.limit.maximum", "other.limit.above-maximum", "other.limit.not-integer"])
        #expect(probes.first?.name == "list: accepts limit at its maximum (9)")
    }
}
