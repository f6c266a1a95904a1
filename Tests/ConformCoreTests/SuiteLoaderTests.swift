import Foundation
import Testing
@testable import ConformCore

/// Strict loading: each malformed fixture gives exactly the expected positioned problems, the shipped
/// suites load cleanly, and every problem of every file is collected.
@Suite struct SuiteLoaderTests {
    struct BadCase: CustomStringConvertible, Sendable {
        var file: String
        /// The first line of every rendered problem, in order.
        var problems: [String]
        var description: String { file }
    }

    static let badCases: [BadCase] = [
        .init(file: "malformed-json", problems: [
            "malformed-json.json:4:20: error: expected a string key, found ','"]),
        .init(file: "duplicate-key", problems: [
            ##"duplicate-key.json:4:3: error: duplicate key "title" in object"##]),
        .init(file: "unknown-key", problems: [
            ##"unknown-key.json:11:5: error: operation is missing required key "method" (at /operations/0)"##,
            ##"unknown-key.json:11:21: error: unknown key "methd" in operation; did you mean "method"? (at /operations/0/methd)"##]),
        .init(file: "wrong-type", problems: [
            ##"wrong-type.json:12:121: error: "probe" must be a boolean, got string "yes" (at /operations/0/parameters/limit/probe)"##]),
        .init(file: "missing-key", problems: [
            ##"missing-key.json:11:5: error: operation is missing required key "path" (at /operations/0)"##]),
        .init(file: "unresolved-ref", problems: [
            ##"unresolved-ref.json:13:51: error: unresolved $ref "#/definitions/Pages": nothing at /definitions/Pages (at /operations/0/responses/200/schema/$ref)"##]),
        .init(file: "bad-expression", problems: [
            ##"bad-expression.json:14:65: error: invariant does not parse: expected ')' to close the call of len(), found end of expression at column 19 of "total >= len(items" (at /operations/0/responses/200/invariants/0)"##]),
        .init(file: "unknown-field", problems: [
            ##"unknown-field.json:14:60: error: invariant reads body field "itmes", which no schema of response 200 mentions; did you mean "items"? (at /operations/0/responses/200/invariants/0)"##]),
        .init(file: "unknown-nested-field", problems: [
            ##"unknown-nested-field.json:14:60: error: invariant reads body field "items[*].nmae", which no schema of response 200 mentions; did you mean "name"? (at /operations/0/responses/200/invariants/0)"##]),
        .init(file: "unknown-operation", problems: [
            ##"unknown-operation.json:17:35: error: unknown operation "lst"; did you mean "list"? (at /cases/0/operation)"##]),
        .init(file: "unknown-parameter", problems: [
            ##"unknown-parameter.json:17:54: error: unknown query parameter "lmit" for operation "list"; did you mean "limit"? (at /cases/0/query/lmit)"##]),
        .init(file: "unknown-query-reference", problems: [
            ##"unknown-query-reference.json:14:76: error: invariant reads request.query.limt, which operation "list" does not declare and this request does not send; did you mean "limit"? (at /operations/0/responses/200/invariants/0)"##]),
        .init(file: "parameter-not-schema", problems: [
            ##"parameter-not-schema.json:12:59: error: parameter "schema" must be a JSON Schema (an object or a boolean), got integer 5 (at /operations/0/parameters/limit/schema)"##]),
        .init(file: "bad-schema-keyword", problems: [
            ##"bad-schema-keyword.json:12:69: error: unknown type "integr"; expected one of null, boolean, object, array, number, string, integer (at /operations/0/parameters/limit/schema/type)"##]),
        .init(file: "secret-env", problems: [
            ##"secret-env.json:6:43: error: "env" must be the name of an environment variable (^[A-Z_][A-Z0-9_]*$, like SGP_API_KEY), never the secret itself; the value is not shown in case it is one (at /auth/env)"##]),
        .init(file: "lowercase-env", problems: [
            ##"lowercase-env.json:6:43: error: "env" must be the name of an environment variable (^[A-Z_][A-Z0-9_]*$, like SGP_API_KEY), never the secret itself; the value is not shown in case it is one (at /auth/env)"##]),
        .init(file: "path-template", problems: [
            ##"path-template.json:11:46: error: "path" names {model_id}, which is not a parameter with "in": "path" (at /operations/0/path)"##]),
        .init(file: "auth-header-in-case", problems: [
            ##"auth-header-in-case.json:18:82: error: a case must not set the auth header "authorization"; use "auth": "none" or "wrong" (at /cases/0/headers/authorization)"##]),
        .init(file: "generated-id-clash", problems: [
            ##"generated-id-clash.json:18:13: error: case id "auth.missing" is also the id of a generated case; choose another (at /cases/0/id)"##]),
        .init(file: "bad-status-key", problems: [
            ##"bad-status-key.json:13:22: error: response key must be a status code from "100" to "599", got "2XX" (at /operations/0/responses/2XX)"##]),
        .init(file: "walk-check", problems: [
            ##"walk-check.json:17:105: error: unknown walk check "noDuplicateId"; did you mean "noDuplicateIds"? (at /walks/0/checks/0)"##]),
        .init(file: "walk-needs-total", problems: [
            ##"walk-needs-total.json:17:105: error: walk check "stableTotal" needs "total" (at /walks/0/checks/0)"##]),
        .init(file: "refused-regex", problems: [
            ##"refused-regex.json:8:92: error: regex "^(a)\\1$" is refused: backreference \1 cannot be matched in linear time, at character 5; "##
                + RegexSyntaxError.supported + " (at /definitions/Model/properties/id/pattern)",
            ##"refused-regex.json:9:43: error: regex "^x-(?=\\w)" is refused: lookahead cannot be matched in linear time, at character 4; "##
                + RegexSyntaxError.supported + ##" (at /definitions/Model/patternProperties/^x-(?=\w))"##,
            ##"refused-regex.json:15:102: error: invariant does not parse: matches(): regex "^(?<!x)id" is refused: lookbehind cannot be matched in linear time, at character 2; "##
                + RegexSyntaxError.supported + ##" at column 33 of "all(items, v => matches(v.id, '^(?<!x)id'))" (at /operations/0/responses/200/invariants/1)"##]),
        .init(file: "several-problems", problems: [
            ##"several-problems.json:11:5: error: operation is missing required key "method" (at /operations/0)"##,
            ##"several-problems.json:11:21: error: unknown key "methd" in operation; did you mean "method"? (at /operations/0/methd)"##,
            ##"several-problems.json:17:35: error: unknown operation "lst"; did you mean "list"? (at /cases/0/operation)"##]),
    ]

    static func loadBad(_ name: String) throws -> SuiteLoadFailure? {
        let data = try Data(contentsOf: SuiteFixtures.badFolder.appendingPathComponent(name + ".json"))
        do {
            _ = try SuiteLoader.load(source: SourceFile(path: name + ".json", bytes: [UInt8](data)))
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: badCases)
    func malformedSuiteIsRefusedWithPositionedProblems(_ c: BadCase) throws {
        let failure = try #require(try Self.loadBad(c.file), "\(c.file) loaded, but it is broken")
        let firstLines = failure.rendered.split(separator: "\n").map(String.init).filter { $0.hasPrefix(c.file + ".json:") }
        #expect(firstLines == c.problems)
    }

    @Test func everyBadFixtureHasATestCase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SuiteFixtures.badFolder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Self.badCases.map(\.file)))
    }

    @Test func caretSitsUnderTheCharacterInsideTheExpression() throws {
        let failure = try #require(try Self.loadBad("bad-expression"))
        let lines = failure.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 3)
        let caretColumn = try #require(lines[2].firstIndex(of: "^")).utf16Offset(in: lines[2])
        let source = lines[1]
        let quote = try #require(source.range(of: ##""total >= len(items""##)).lowerBound.utf16Offset(in: source)
        // Column 19 of the expression is the closing quote's position: one past the expression's last character.
        #expect(caretColumn == quote + 1 + 18)
    }

    @Test func expressionWithEscapesIsReportedInsideTheString() throws {
        let text = SuiteFixtures.suite(operation: SuiteFixtures.listOperation(parameters: "")
            .replacingOccurrences(of: ##""total >= len(items)""##, with: ##""len(\"a\" <""##))
        guard case .failure(let failure) = SuiteFixtures.load(text) else { Issue.record("loaded"); return }
        #expect(failure.errors.count == 1)
        let e = failure.errors[0]
        #expect(e.message.hasPrefix("invariant does not parse: "))
        #expect(e.message.contains(##"of "len(\"a\" <""##))
        let offset = try #require(e.offset)
        let bytes = try #require(failure.source?.bytes)
        // The problem is one past the expression's end: the closing quote, counted through the `\"` escapes.
        #expect(bytes[offset] == UInt8(ascii: "\""))
        #expect(bytes[offset - 1] == UInt8(ascii: "<"))
    }

    /// Decoded offsets map back through every kind of JSON escape.
    @Test(arguments: [
        (##""a\\d+""##, 1, 2), (##""a\\d+""##, 3, 5), (##""\u00e9x""##, 2, 7), (##""\ud83d\ude00x""##, 4, 13),
        (##""é\nx""##, 3, 5), (##""ab""##, 9, 3),
    ])
    func stringOffsetsFollowEscapes(_ json: String, _ decoded: Int, _ expected: Int) {
        #expect(JSONStringOffsets.fileOffset(stringAt: 0, in: Array(json.utf8), decodedOffset: decoded) == expected)
    }

    @Test func secretInEnvIsNeverPrinted() throws {
        let failure = try #require(try Self.loadBad("secret-env"))
        #expect(!failure.rendered.contains("sk-live"))
        #expect(!failure.description.contains("0123456789abcdef"))
    }

    @Test func shippedV5SuiteLoadsCleanly() throws {
        let path = SuiteFixtures.suitesFolder.appendingPathComponent("scale-gp-v5-list-models.json").path
        let suite: ConformCore.Suite
        do { suite = try SuiteLoader.load(path: path) } catch {
            Issue.record("the v5 suite does not load:\n\(error.rendered)")
            return
        }
        #expect(suite.id == "scale-gp-v5-list-models")
        #expect(suite.baseURL == "https://api.egp.scale.com")
        #expect(suite.auth?.headerName == "x-api-key")
        #expect(suite.auth?.env == "SGP_API_KEY")
        #expect(suite.auth?.rejection?.statuses == [401, 403])
        let list = try #require(suite.operation("list"))
        #expect(list.parameters.map(\.name) == ["limit", "model_vendor"])
        #expect(list.parameterError?.status == 422)
        #expect(list.successResponse?.invariants.count == 5)
        #expect(suite.cases.map(\.id) == ["list.default", "list.filter-vendor"])
        #expect(suite.cases[1].expect.invariants.map(\.expression.source) == ["all(items[*].model_vendor, v => v == request.query.model_vendor)"])
    }

    @Test func folderLoadsEverySuiteButTheFormatSchema() {
        let collection = SuiteLoader.loadFolder(path: SuiteFixtures.suitesFolder.path)
        #expect(collection.failures.isEmpty, "\(collection.failures.map(\.rendered).joined(separator: "\n"))")
        #expect(!collection.suites.isEmpty)
        #expect(!collection.suites.contains { $0.file.source.path.hasSuffix(SuiteLoader.formatSchemaName) })
    }

    @Test func folderCollectsEveryFailure() throws {
        let collection = SuiteLoader.loadFolder(path: SuiteFixtures.badFolder.path)
        #expect(collection.suites.isEmpty)
        #expect(collection.failures.count == Self.badCases.count)
        let several = try #require(collection.failures.first { $0.path.hasSuffix("several-problems.json") })
        #expect(several.errors.count == 3)
    }

    @Test func missingPathsAndEmptyFoldersAreFailures() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("conform-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let collection = SuiteLoader.load(paths: ["/nonexistent/suite.json", empty.path])
        #expect(collection.failures.map { $0.errors.map(\.message) } == [["no such file or folder"], ["no suite files (*.json) in this folder"]])
    }

    @Test func refIntoANeighbouringJSONFileResolves() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conform-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try ##"{"components":{"schemas":{"Page":{"type":"object","properties":{"items":{"type":"array"},"total":{"type":"integer"}}}}}}"##
            .write(to: dir.appendingPathComponent("api.json"), atomically: true, encoding: .utf8)
        let op = SuiteFixtures.listOperation(parameters: "").replacingOccurrences(of: "#/definitions/Page", with: "api.json#/components/schemas/Page")
        let good = dir.appendingPathComponent("good.json")
        try SuiteFixtures.suite(operation: op).write(to: good, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try SuiteLoader.load(path: good.path) }
        let bad = dir.appendingPathComponent("bad.json")
        try SuiteFixtures.suite(operation: op.replacingOccurrences(of: "api.json#", with: "missing.json#"))
            .write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try SuiteLoader.load(path: bad.path)
            Issue.record("a $ref to a missing file loaded")
        } catch {
            #expect(error.errors.map(\.message) == [##"unresolved $ref "missing.json#/components/schemas/Page": cannot read missing.json as JSON"##])
        }
    }

    @Test func everyShippedSuiteConformsToTheFormatSchema() throws {
        let schemaData = try Data(contentsOf: SuiteFixtures.suitesFolder.appendingPathComponent(SuiteLoader.formatSchemaName))
        let schema = try JSONParser.parse([UInt8](schemaData))
        let validator = SchemaValidator(document: schema, uri: "file:///suites/suite.schema.json")
        try validator.compile()
        let files = try FileManager.default.contentsOfDirectory(atPath: SuiteFixtures.suitesFolder.path)
            .filter(SuiteLoader.isSuiteFileName)
        #expect(!files.isEmpty)
        for name in files {
            let data = try Data(contentsOf: SuiteFixtures.suitesFolder.appendingPathComponent(name))
            let errors = validator.validate(try JSONParser.parse([UInt8](data)))
            #expect(errors.isEmpty, "\(name): \(errors.map { "\($0.instancePointer): \($0.detail)" })")
        }
    }

    @Test func formatSchemaRejectsWhatTheLoaderRejects() throws {
        let schemaData = try Data(contentsOf: SuiteFixtures.suitesFolder.appendingPathComponent(SuiteLoader.formatSchemaName))
        let validator = SchemaValidator(document: try JSONParser.parse([UInt8](schemaData)), uri: "file:///suites/suite.schema.json")
        for name in ["unknown-key", "secret-env", "bad-status-key", "walk-check", "parameter-not-schema"] {
            let data = try Data(contentsOf: SuiteFixtures.badFolder.appendingPathComponent(name + ".json"))
            #expect(!validator.validate(try JSONParser.parse([UInt8](data))).isEmpty, "\(name) passes the format schema")
        }
    }
}
