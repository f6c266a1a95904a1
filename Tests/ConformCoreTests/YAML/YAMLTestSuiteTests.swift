import Foundation
import Testing
@testable import ConformCore

/// Runs the official YAML test suite (`../shared/yaml-test-suite`, `CONFORM_SHARED` overrides `../shared`).
///
/// Each case is a folder (some with numbered sub-folders) holding `in.yaml` and either `in.json` — the
/// expected value, one JSON text per document — or a file named `error` when the input must be refused.
/// The test prints the tally and fails when either figure falls below what the reader reached.
@Suite struct YAMLTestSuiteTests {
    /// JSON-comparable cases whose every document equals `in.json` (of 279 in the suite checked in here).
    static let jsonPassedMinimum = 279
    /// Inputs marked `error` that the reader refuses (of 94).
    static let refusedMinimum = 94
    /// Valid cases without `in.json` that Conform refuses on purpose, each with its reason.
    static let refusedOnPurpose: [String: String] = [
        "2JQS": "two empty keys in one mapping are the same key (null) to Conform: duplicate keys are refused",
        "X38W": "an alias used as a key repeats the anchored key: duplicate keys are refused",
    ]

    static let sharedPath: String = {
        if let env = ProcessInfo.processInfo.environment["CONFORM_SHARED"], !env.isEmpty { return env }
        // Tests/ConformCoreTests/YAML/<this file> → package root → ../shared
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root = root.deletingLastPathComponent() }
        return root.deletingLastPathComponent().appendingPathComponent("shared").path
    }()
    static let suitePath = sharedPath + "/yaml-test-suite"
    static let available = FileManager.default.fileExists(atPath: suitePath)

    /// Every case folder (`229Q`, `DK95/00`, …), sorted.
    static func caseFolders() -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for d in ((try? fm.contentsOfDirectory(atPath: suitePath)) ?? []).sorted() {
            let p = suitePath + "/" + d
            if fm.fileExists(atPath: p + "/in.yaml") { out.append(d); continue }
            for s in ((try? fm.contentsOfDirectory(atPath: p)) ?? []).sorted() where fm.fileExists(atPath: p + "/" + s + "/in.yaml") {
                out.append(d + "/" + s)
            }
        }
        return out
    }

    /// A sequence of JSON texts (one per YAML document), split where the JSON parser finds trailing text.
    static func jsonDocuments(_ bytes: [UInt8]) -> [JSONValue]? {
        var out: [JSONValue] = []
        var rest = ArraySlice(bytes)
        while true {
            while let f = rest.first, f == 0x20 || f == 0x0A || f == 0x0D || f == 0x09 { rest = rest.dropFirst() }
            if rest.isEmpty { return out }
            do {
                out.append(try JSONParser.parse(Array(rest)))
                return out
            } catch {
                guard error.message.contains("trailing"), let v = try? JSONParser.parse(Array(rest.prefix(error.offset))) else { return nil }
                out.append(v)
                rest = rest.dropFirst(error.offset)
            }
        }
    }

    @Test(.enabled(if: available, "needs the YAML test suite in CONFORM_SHARED (or ../shared)/yaml-test-suite"))
    func officialSuite() throws {
        let fm = FileManager.default
        var jsonPassed = 0, jsonTotal = 0, refused = 0, mustRefuse = 0, otherParsed = 0, otherTotal = 0
        var failures: [String] = []
        for name in Self.caseFolders() {
            let dir = Self.suitePath + "/" + name
            let input = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/in.yaml")))
            let source = SourceFile(path: name + "/in.yaml", bytes: input)
            if fm.fileExists(atPath: dir + "/error") {
                mustRefuse += 1
                if let docs = try? YAMLParser.parseStream(input) {
                    failures.append("\(name): accepted, should be refused: \(docs.map { JSONWriter.write($0) })")
                } else {
                    refused += 1
                }
            } else if let json = fm.contents(atPath: dir + "/in.json") {
                jsonTotal += 1
                guard let expected = Self.jsonDocuments(Array(json)) else { failures.append("\(name): unreadable in.json"); continue }
                do {
                    let got = try YAMLParser.parseStream(input)
                    if got == expected { jsonPassed += 1 } else {
                        failures.append("\(name): got \(got.map { JSONWriter.write($0) }), expected \(expected.map { JSONWriter.write($0) })")
                    }
                } catch {
                    failures.append("\(name): refused valid input: \(error.rendered(in: source))")
                }
            } else {
                otherTotal += 1
                do { _ = try YAMLParser.parseStream(input); otherParsed += 1 } catch {
                    let id = String(name.prefix(4))
                    if Self.refusedOnPurpose[id] == nil { failures.append("\(name): refused valid input: \(error.rendered(in: source))") }
                }
            }
        }
        print("YAML test suite: \(jsonPassed)/\(jsonTotal) JSON-comparable cases equal in.json; \(refused)/\(mustRefuse) invalid inputs refused; \(otherParsed)/\(otherTotal) other valid inputs parsed (\(Self.refusedOnPurpose.count) refused on purpose)")
        #expect(jsonTotal > 0, "no case found under \(Self.suitePath)")
        #expect(jsonPassed >= Self.jsonPassedMinimum, "JSON-comparable cases passing fell to \(jsonPassed) (was \(Self.jsonPassedMinimum))")
        #expect(refused >= Self.refusedMinimum, "invalid inputs refused fell to \(refused) (was \(Self.refusedMinimum))")
        if !failures.isEmpty {
            Issue.record(Comment(rawValue: "\(failures.count) cases differ:\n" + failures.joined(separator: "\n")))
        }
    }

    /// Truncations and byte flips of every suite input give a value or an error, never a trap or a hang.
    @Test(.enabled(if: available, "needs the YAML test suite in CONFORM_SHARED (or ../shared)/yaml-test-suite"))
    func mutatedInputsNeverTrap() throws {
        var generator = SplitMix64(seed: 0x5EED_CAFE)
        let replacements: [UInt8] = Array(" \t\n\r-?:,[]{}#&*!|>'\"%@`\\.0aé".utf8)
        var parsed = 0, refused = 0
        for name in Self.caseFolders() {
            let input = Array(try Data(contentsOf: URL(fileURLWithPath: Self.suitePath + "/" + name + "/in.yaml")))
            var variants: [[UInt8]] = []
            for cut in stride(from: 0, to: input.count, by: max(1, input.count / 8)) { variants.append(Array(input[..<cut])) }
            for _ in 0..<12 where !input.isEmpty {
                var v = input
                for _ in 0..<(1 + Int(generator.next() % 3)) {
                    let at = Int(generator.next() % UInt64(v.count))
                    v[at] = replacements[Int(generator.next() % UInt64(replacements.count))]
                }
                variants.append(v)
            }
            for v in variants {
                if (try? YAMLParser.parseStream(v)) != nil { parsed += 1 } else { refused += 1 }
                // Locations are recorded on another path: exercise it too.
                _ = try? YAMLParser.parseWithLocations(v)
            }
        }
        print("YAML mutation fuzz: \(parsed + refused) inputs, \(parsed) parsed, \(refused) refused, no trap")
        #expect(parsed + refused > 1000)
    }
}

/// A small deterministic generator, so a failing mutation can be replayed.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// OpenAI's published `openapi.yaml`: the reader's positions agree with the file's own lines.
@Suite struct YAMLRealSpecTests {
    static let path = YAMLTestSuiteTests.sharedPath + "/openapi/openai-openapi.yaml"
    static let available = FileManager.default.fileExists(atPath: path)

    @Test(.enabled(if: available, "needs ../shared/openapi/openai-openapi.yaml (CONFORM_SHARED)"))
    func openAIPathsPointAtTheirLines() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.path)))
        let source = SourceFile(path: "openai-openapi.yaml", bytes: bytes)
        let (spec, locations) = try YAMLParser.parseWithLocations(bytes)
        #expect(spec["openapi"]?.stringValue?.hasPrefix("3.") == true)
        // Every path item's key sits on a line that reads "  <path>:" in the file itself.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let paths = try #require(spec["paths"]?.objectValue)
        #expect(paths.count > 50)
        for key in paths.keys {
            let pointer = JSONPointer(tokens: ["paths", key])
            let offset = try #require(locations.keys[pointer])
            let loc = source.location(of: offset)
            #expect(lines[loc.line - 1] == "  \(key):", "\(pointer) at \(loc)")
            #expect(loc.column == 3)
        }
        #expect(paths["/models"]?["get"]?["operationId"] == "listModels")
    }
}
