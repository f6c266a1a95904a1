import Foundation
import Testing
@testable import ConformCore

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) from `../shared/json-schema-test-suite`
/// (`CONFORM_SHARED` overrides `../shared`): every required test, plus the `optional/format/` tests of the
/// formats Conform asserts. Prints a tally and fails listing every failure that is not excluded below.
@Suite struct JSONSchemaSuiteTests {
    /// Tests Conform does not support, each with its reason, matched by file and group description.
    /// Empty: `$dynamicRef` and `$vocabulary` are supported, so every required test runs.
    static let exclusions: [(file: String, group: String?, reason: String)] = []

    /// Formats asserted by Conform; the suite's `optional/format/<name>.json` files for them must pass.
    static let assertedFormats = ["date-time", "date", "time", "uuid", "uri", "email", "ipv4", "ipv6"]

    static let sharedPath: String = {
        if let env = ProcessInfo.processInfo.environment["CONFORM_SHARED"], !env.isEmpty { return env }
        // Tests/JSONSchemaSuiteTests/<this file> → package root → ../shared
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared").path
    }()
    static let suitePath = sharedPath + "/json-schema-test-suite"
    static let testsPath = suitePath + "/tests/draft2020-12"
    static let available = FileManager.default.fileExists(atPath: testsPath)

    /// Remotes are served from disk as `http://localhost:1234/…`; the meta-schemas are embedded.
    static func makeRegistry() -> SchemaRegistry {
        let registry = SchemaRegistry(loader: SchemaRegistry.fileLoader(prefixes: [("http://localhost:1234/", suitePath + "/remotes")]))
        for (uri, text) in Metaschema2020_12.documents {
            if let doc = try? JSONParser.parse(text) { registry.add(doc, uri: uri) }
        }
        return registry
    }

    struct Tally {
        var passed = 0
        var excluded: [String: Int] = [:]
        var failures: [String] = []
    }

    @Test(.enabled(if: available, "needs the JSON-Schema-Test-Suite in CONFORM_SHARED (or ../shared)"))
    func draft2020_12() throws {
        let registry = Self.makeRegistry()
        var tally = Tally()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.testsPath).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            try run(file: file, path: Self.testsPath + "/" + file, assertFormats: false, registry: registry, tally: &tally)
        }
        for format in Self.assertedFormats {
            let file = "optional/format/\(format).json"
            try run(file: file, path: Self.testsPath + "/" + file, assertFormats: true, registry: registry, tally: &tally)
        }
        let excludedTotal = tally.excluded.values.reduce(0, +)
        let reasons = tally.excluded.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: "; ")
        print("JSON-Schema-Test-Suite draft2020-12: \(tally.passed) passed, \(excludedTotal) excluded (\(reasons.isEmpty ? "none" : reasons)), \(tally.failures.count) failed")
        if !tally.failures.isEmpty {
            Issue.record(Comment(rawValue: "\(tally.failures.count) failures:\n" + tally.failures.joined(separator: "\n")))
        }
    }

    /// The optional regex files: ECMA-262 semantics (`\d` and `\w` ASCII, `\s` Unicode, `$` not before a
    /// final newline, `\cX`) and patterns on code points beyond the BMP. Every test must pass.
    @Test(.enabled(if: available, "needs the JSON-Schema-Test-Suite in CONFORM_SHARED (or ../shared)"))
    func optionalRegex() throws {
        let registry = Self.makeRegistry()
        var tally = Tally()
        for file in ["optional/ecmascript-regex.json", "optional/non-bmp-regex.json"] {
            try run(file: file, path: Self.testsPath + "/" + file, assertFormats: false, registry: registry, tally: &tally)
        }
        print("JSON-Schema-Test-Suite draft2020-12 optional regex: \(tally.passed) passed, \(tally.failures.count) failed")
        if !tally.failures.isEmpty {
            Issue.record(Comment(rawValue: "\(tally.failures.count) failures:\n" + tally.failures.joined(separator: "\n")))
        }
    }

    @Test func reportsWhereTheSuiteIsLookedFor() {
        if !Self.available { print("JSON-Schema-Test-Suite not found at \(Self.testsPath): set CONFORM_SHARED; the suite test is skipped") }
        #expect(Self.suitePath.hasSuffix("/json-schema-test-suite"))
    }

    private func run(file: String, path: String, assertFormats: Bool, registry: SchemaRegistry, tally: inout Tally) throws {
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        let groups = try #require(try JSONParser.parse([UInt8](data)).arrayValue, "\(file) is not an array")
        for (gi, group) in groups.enumerated() {
            let description = group["description"]?.stringValue ?? "#\(gi)"
            let tests = group["tests"]?.arrayValue ?? []
            if let exclusion = Self.exclusions.first(where: { $0.file == file && ($0.group == nil || $0.group == description) }) {
                tally.excluded[exclusion.reason, default: 0] += tests.count
                continue
            }
            guard let schema = group["schema"] else { tally.failures.append("\(file) › \(description): no schema"); continue }
            let uri = "file:///json-schema-test-suite/draft2020-12/\(file.replacingOccurrences(of: ".json", with: ""))/\(gi).json"
            let validator = SchemaValidator(document: schema, uri: uri, registry: registry, assertFormats: assertFormats)
            // A refused pattern leaves its keyword out of the schema: count it as a failure, never as a pass.
            if let refused = validator.compileProblems().first(where: { $0.message.hasPrefix("regex ") }) {
                tally.failures.append("\(file) › \(description): \(refused.message)")
                continue
            }
            for test in tests {
                guard let instance = test["data"], let expected = test["valid"]?.boolValue else { continue }
                let name = "\(file) › \(description) › \(test["description"]?.stringValue ?? "?")"
                let errors = validator.validate(instance)
                let quick = validator.isValid(instance)
                if errors.isEmpty != expected {
                    let why = errors.isEmpty ? "got valid" : "got invalid: " + errors.prefix(3).map(\.description).joined(separator: " | ")
                    tally.failures.append("\(name): expected \(expected ? "valid" : "invalid"), \(why)")
                } else if quick != expected {
                    tally.failures.append("\(name): validate() agrees but isValid() says \(quick)")
                } else {
                    tally.passed += 1
                }
            }
        }
    }
}
